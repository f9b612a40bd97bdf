import { json } from "../../emulator/kernel/http";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 12 });
  env.emulator.router.graph("POST", "/echo", (ctx) =>
    json(200, { contentType: ctx.headers["content-type"], body: ctx.rawBody.toString("utf8"), version: ctx.version }),
  );
  env.emulator.router.graph("GET", "/echo", (ctx) =>
    json(200, { headers: ctx.headers, query: Object.fromEntries(ctx.query), version: ctx.version }),
  );
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
});

function raw(params: Record<string, unknown>) {
  return env.harness.action("rawRequest", { connection: env.connection, ...params });
}

type Echo = { contentType: string; body: string; version: string; headers: Record<string, string>; query: Record<string, string> };

test("JSON data goes out as application/json", async () => {
  const echo = dataOf<Echo>(await raw({ url: "/echo", method: "POST", data: '{"a":1}' }));
  expect(echo.contentType).toBe("application/json");
  expect(JSON.parse(echo.body)).toEqual({ a: 1 });
});

test("a Content-Type header given by the user wins", async () => {
  const echo = dataOf<Echo>(
    await raw({ url: "/echo", method: "POST", data: "<x/>", headers: [{ key: "Content-Type", value: "application/xml" }] }),
  );
  expect(echo.contentType).toBe("application/xml");
  expect(echo.body).toBe("<x/>");
});

test("form and file data go out as multipart with their boundary and file name", async () => {
  const echo = dataOf<Echo>(
    await raw({
      url: "/echo",
      method: "POST",
      formData: [{ key: "note", value: "hello" }],
      fileData: [{ key: "upload", value: "file contents" }],
      fileDataFileNames: [{ key: "upload", value: "report.txt" }],
    }),
  );
  expect(echo.contentType).toMatch(/^multipart\/form-data; boundary=-+[0-9a-f]+$/);
  expect(echo.body).toContain('name="note"');
  expect(echo.body).toContain("hello");
  expect(echo.body).toContain('filename="report.txt"');
  expect(echo.body).toContain("file contents");
});

test("query parameters, extra headers and the beta version reach Graph", async () => {
  const echo = dataOf<Echo>(
    await raw({
      url: "echo",
      apiVersion: "beta",
      queryParams: [{ key: "$select", value: "id,displayName" }],
      headers: [{ key: "Prefer", value: 'outlook.timezone="UTC"' }],
    }),
  );
  expect(echo.version).toBe("beta");
  expect(echo.query.$select).toBe("id,displayName");
  expect(echo.headers.prefer).toBe('outlook.timezone="UTC"');
  expect(echo.headers.authorization).toMatch(/^Bearer /);
});

test("$search in the query parameters adds ConsistencyLevel: eventual", async () => {
  const result = dataOf<{ value: { displayName: string }[] }>(
    await raw({ url: "/users", queryParams: [{ key: "$search", value: '"displayName:a"' }] }),
  );
  expect(result.value.length).toBeGreaterThan(0);
  expect(env.emulator.requestsTo("/v1.0/users")[0]?.headers.consistencylevel).toBe("eventual");
});

test("response types: text and arraybuffer", async () => {
  const text = await raw({ url: "/users", responseType: "text", queryParams: [{ key: "$top", value: "1" }] });
  expect(typeof dataOf<string>(text)).toBe("string");
  expect(JSON.parse(dataOf<string>(text)).value).toHaveLength(1);
  const binary = await raw({ url: "/users", responseType: "arraybuffer", queryParams: [{ key: "$top", value: "1" }] });
  expect(Buffer.isBuffer(dataOf<Buffer>(binary))).toBe(true);
  expect((binary as { contentType: string }).contentType).toMatch(/^application\/json/);
});

describe("bad input is refused before any request", () => {
  test.each([
    [
      "Data together with Form Data",
      { url: "/echo", method: "POST", data: "{}", formData: [{ key: "a", value: "b" }] },
      /^Data: cannot be combined with Form Data or File Data/,
    ],
    ["a non-numeric Timeout", { url: "/users", timeout: "soon" }, /^Timeout: "soon" is not a whole number/],
    ["a non-numeric Max Retry Count", { url: "/users", maxRetries: "three" }, /^Max Retry Count: "three" is not a whole number/],
    ["a Max Retry Count out of range", { url: "/users", maxRetries: "99" }, /^Max Retry Count: 99 is above the maximum of 10/],
    ["a negative Retry Delay", { url: "/users", retryDelayMS: "-5" }, /^Retry Delay \(ms\): -5 is below the minimum of 0/],
    [
      "an Authorization header",
      { url: "/users", headers: [{ key: "authorization", value: "Bearer stolen" }] },
      /^Header: the authorization header is set from the connection/,
    ],
    ["an unknown method", { url: "/users", method: "TRACE" }, /^Method: "TRACE" is not one of/],
    ["an unknown API version", { url: "/users", apiVersion: "v2.0" }, /^API Version: "v2.0" is not a Graph API version/],
    ["an empty URL", { url: "" }, /^URL: is required/],
  ])("%s", async (_name, params, message) => {
    await expectInputError(env, () => raw(params), message);
  });
});
