import http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { redactThrown } from "../../src/errorHook";
import { GraphClient, InputError, graphPath } from "../../src/graph";
import { TestEnv, clientCredentialsConnection, expectInputError, startTestEnv } from "../helpers/setup";

let env: TestEnv;
let bystander: http.Server;
let bystanderUrl: string;
let bystanderHeaders: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  env = await startTestEnv({ userCount: 5 });
  bystander = http.createServer((req, res) => {
    bystanderHeaders.push(req.headers);
    res.setHeader("Content-Type", "text/csv");
    res.end("a,b\n1,2\n");
  });
  await new Promise<void>((resolve) => bystander.listen(0, "127.0.0.1", resolve));
  bystanderUrl = `http://127.0.0.1:${(bystander.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await env.emulator.close();
  bystander.closeAllConnections();
  await new Promise((resolve) => bystander.close(resolve));
});
beforeEach(() => {
  env.emulator.requests.length = 0;
  bystanderHeaders = [];
});

function raw(params: Record<string, unknown>) {
  return env.harness.action("rawRequest", { connection: env.connection, maxRetries: "0", ...params });
}

function everythingShown(error: unknown): string {
  return `${JSON.stringify(error)}\n${inspect(error, { depth: 10, showHidden: true })}\n${String(error)}`;
}

describe("1. no thrown error carries the token, in any property", () => {
  test("a Graph error body echoing the Authorization header: message, body, JSON.stringify and util.inspect are clean", async () => {
    env.emulator.router.graph("GET", "/echoes", (ctx) => ({
      status: 400,
      headers: { "Content-Type": "application/json" },
      body: {
        error: { code: "BadRequest", message: `bad header ${String(ctx.headers.authorization)}` },
        request: { headers: { Authorization: String(ctx.headers.authorization) }, note: `token ${env.token}` },
      },
    }));
    const error = await raw({ url: "/echoes" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { body: unknown }).body).toBeDefined();
    expect(everythingShown(error)).toContain("400 BadRequest");
    expect(everythingShown(error)).not.toContain(env.token);

    const direct = new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token, retry: { maxRetries: 0 } });
    const thrown = await direct.get("/echoes").catch((e: unknown) => e);
    expect(everythingShown(thrown)).not.toContain(env.token);
  });

  test("a 401 becomes a connection error whose connection object shows no token or secret", async () => {
    const token = env.emulator.issueToken();
    env.emulator.tokens.expireAccessTokens(token);
    const connection = clientCredentialsConnection(env.emulator, token);
    const error = await env.harness.action("rawRequest", { connection, url: "/users" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConnectionError" });
    const shown = everythingShown(error);
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(env.emulator.app.clientSecret);
  });

  test("the error hook redacts errors thrown anywhere, including their cause", () => {
    const cause = Object.assign(new Error(`inner Bearer ${env.token}`), { config: { headers: { Authorization: `Bearer ${env.token}` } } });
    const error = Object.assign(new Error("outer", { cause }), { response: { data: { access_token: env.token } } });
    expect(everythingShown(redactThrown(error))).not.toContain(env.token);
  });
});

describe("2. ids . and .. never leave their path segment", () => {
  test.each([".", "..", " .. ", "\t.\n"])("Alert ID %p is refused before any request", async (alertId) => {
    await expectInputError(env, () => env.harness.action("getAlert", { connection: env.connection, alertId }), /^Alert ID: /);
    await expectInputError(
      env,
      () => env.harness.action("addAlertComment", { connection: env.connection, alertId, comment: "x" }),
      /^Alert ID: /,
    );
  });

  test("the core's encoder refuses them for every caller", () => {
    expect(() => graphPath`/security/alerts/${".."}`).toThrow(InputError);
    expect(() => graphPath`/groups/${" . "}`).toThrow(/id: "\." is not an id/);
  });
});

describe("3. Raw Request stays under /v1.0/ and /beta/", () => {
  test.each(["/../../other", "../other", "%2e%2e/%2e%2e/other", "/v1.0/%2E%2E/other", "/v1.0/../other", "http:/other", "http:other"])(
    "%s is refused before any request",
    async (url) => {
      await expectInputError(env, () => raw({ url }), /^URL: resolves to \/other, outside Microsoft Graph's \/v1\.0\/ and \/beta\//);
    },
  );

  test("an absolute URL on the connection's host but outside the version root is refused", async () => {
    await expectInputError(env, () => raw({ url: `${env.emulator.url}/other` }), /^URL: resolves to \/other/);
  });

  test("paths inside the version root still work, including a switch to /beta/", async () => {
    await expect(raw({ url: "/users?$top=1" })).resolves.toBeDefined();
    await expect(raw({ url: "/v1.0/users/../users?$top=1" })).resolves.toBeDefined();
  });
});

describe("4. an id that cannot be encoded is an input error naming the input", () => {
  test("a lone surrogate in Alert ID", async () => {
    await expectInputError(
      env,
      () => env.harness.action("getAlert", { connection: env.connection, alertId: "abc\ud800" }),
      /^Alert ID: holds a lone UTF-16 surrogate/,
    );
  });

  test("a lone surrogate in a user principal name", async () => {
    await expectInputError(
      env,
      () => env.harness.action("getUser", { connection: env.connection, userId: "an\udc00n@contoso.com" }),
      /^User: holds a lone UTF-16 surrogate/,
    );
  });
});

describe("5. CR/LF in Raw Request headers are input errors, not network failures", () => {
  test.each([
    [{ key: "X-Test\r\nX-Injected", value: "1" }, /^Headers: "X-Test\?\?X-Injected" is not a valid header name/],
    [{ key: "X Space", value: "1" }, /^Headers: "X Space" is not a valid header name/],
    [{ key: "X-Test", value: "a\r\nX-Injected: 1" }, /^Headers: the value of X-Test holds a line break/],
    [{ key: "X-Test", value: "a\nb" }, /^Headers: the value of X-Test holds a line break/],
  ])("%p", async (header, message) => {
    await expectInputError(env, () => raw({ url: "/users", headers: [header], maxRetries: "3" }), message);
  });
});

describe("6. redirects", () => {
  test("a Location with user:pass@ is followed without user-info: no Basic credentials reach the other host", async () => {
    env.emulator.router.graph("GET", "/reports/withCredentials", () => ({
      status: 302,
      headers: { Location: `${bystanderUrl.replace("://", "://graphuser:graphpass@")}/download.csv` },
      body: "",
    }));
    const result = await raw({ url: "/reports/withCredentials", responseType: "text" });
    expect((result as { data: string }).data).toContain("a,b");
    expect(bystanderHeaders).toHaveLength(1);
    expect(bystanderHeaders[0]?.authorization).toBeUndefined();
  });

  test.each(["POST", "PATCH", "DELETE"])("a %s answered with 30x is an error, not success data", async (method) => {
    env.emulator.router.graph(method, "/moved", () => ({ status: 307, headers: { Location: `${bystanderUrl}/elsewhere` }, body: "" }));
    await expect(raw({ url: "/moved", method, data: method === "DELETE" ? undefined : "{}" })).rejects.toThrow(
      new RegExp(`307 UnexpectedRedirect: a ${method} was answered with a redirect to ${bystanderUrl}/\\[REDACTED\\]; it was not followed`),
    );
    expect(bystanderHeaders).toHaveLength(0);
  });
});
