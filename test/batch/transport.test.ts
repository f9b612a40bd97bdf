import zlib from "node:zlib";
import { createGraphClient } from "../../src/client";
import { GraphClient, GraphNetworkError } from "../../src/graph";
import { JSON_CONTENT_TYPE } from "../../emulator/kernel/http";
import { TestEnv, startTestEnv } from "../helpers/setup";

// The core's transport (src/graph/transport.ts, axios underneath): the wire behaviours the client relies on.
let env: TestEnv;
let client: GraphClient;
const payload = { value: [{ id: "1", displayName: "Zoë Ω" }] };
const compressors: Record<string, (data: Buffer) => Buffer> = {
  gzip: (data) => zlib.gzipSync(data),
  deflate: (data) => zlib.deflateSync(data),
  br: (data) => zlib.brotliCompressSync(data),
};

beforeAll(async () => {
  env = await startTestEnv({ userCount: 5 });
  client = createGraphClient(env.connection);
  env.emulator.router.graph("GET", "/compressed/:encoding", (ctx) => {
    const encoding = ctx.params.encoding;
    const body = compressors[encoding](Buffer.from(JSON.stringify(payload)));
    return { status: 200, headers: { "Content-Type": JSON_CONTENT_TYPE, "Content-Encoding": encoding }, body };
  });
  env.emulator.router.graph("POST", "/echoBytes", (ctx) => ({
    status: 200,
    headers: { "Content-Type": "application/json" },
    body: { length: ctx.rawBody.length, contentLength: ctx.headers["content-length"], text: ctx.rawBody.toString("utf8") },
  }));
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
  env.emulator.faults.clear();
});

test.each(["gzip", "deflate", "br"])("a %s-encoded answer is decoded, and says so no more", async (encoding) => {
  const response = await client.request({ path: `/compressed/${encoding}` });
  expect(response.data).toEqual(payload);
  expect(response.headers["content-encoding"]).toBeUndefined();
  expect(env.emulator.requests[0]?.headers["accept-encoding"]).toMatch(/gzip.*deflate.*br/);
});

test("a body goes out whole, with its byte length (not its character count)", async () => {
  const body = { displayName: "Zoë Ω 🚀" };
  const data = await client.post<{ length: number; contentLength: string; text: string }>("/echoBytes", body);
  expect(JSON.parse(data.text)).toEqual(body);
  expect(Number(data.contentLength)).toBe(Buffer.byteLength(JSON.stringify(body)));
  expect(data.length).toBe(Number(data.contentLength));
});

test("a 204 answer has no body", async () => {
  const user = env.emulator.directory.users[0];
  const response = await client.request({ method: "PATCH", path: `/users/${user?.id}`, body: { jobTitle: "Tester" } });
  expect(response.status).toBe(204);
  expect(response.data).toBeNull();
});

test("a timeout fails the attempt with ECONNABORTED, and a POST is not replayed", async () => {
  env.emulator.faults.add({ kind: "slow", path: "/echoBytes", delayMs: 300 });
  const error = await client.request({ method: "POST", path: "/echoBytes", body: { a: 1 }, timeoutMs: 50 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphNetworkError);
  expect((error as GraphNetworkError).causeCode).toBe("ECONNABORTED");
  expect((error as Error).message).toMatch(/timeout of 50ms exceeded/);
  expect(env.emulator.requestsTo("/echoBytes", "POST")).toHaveLength(1);
});

test("a connection dropped before the answer fails with Node's code", async () => {
  env.emulator.faults.add({ kind: "drop", path: "/echoBytes" });
  const error = await client.request({ method: "POST", path: "/echoBytes", body: { a: 1 } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphNetworkError);
  expect((error as GraphNetworkError).causeCode).toBe("ECONNRESET");
});
