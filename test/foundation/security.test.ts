import http from "node:http";
import type { AddressInfo } from "node:net";
import { REDACTED, redactText } from "../../src/graph";
import { TestEnv, clientCredentialsConnection, expectInputError, startTestEnv } from "../helpers/setup";
import { closeServer } from "../../emulator/kernel/http";

let env: TestEnv;
let bystander: http.Server;
let bystanderUrl: string;
let bystanderHits = 0;

beforeAll(async () => {
  env = await startTestEnv({ userCount: 10 });
  bystander = http.createServer((_req, res) => {
    bystanderHits += 1;
    res.end("{}");
  });
  await new Promise<void>((resolve) => bystander.listen(0, "127.0.0.1", resolve));
  bystanderUrl = `http://127.0.0.1:${(bystander.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await env.emulator.close();
  await closeServer(bystander);
});
beforeEach(() => {
  env.emulator.requests.length = 0;
  bystanderHits = 0;
});

function raw(params: Record<string, unknown>, context?: Record<string, unknown>) {
  return env.harness.action("rawRequest", { connection: env.connection, ...params }, context);
}

describe("the bearer token never leaves the connection's Graph host", () => {
  test.each([
    ["an absolute URL on another port", () => `${bystanderUrl}/v1.0/users`],
    ["a protocol-relative URL", () => `//${new URL(bystanderUrl).host}/v1.0/users`],
    ["an https URL on another host", () => "https://graph.microsoft.com.attacker.example/v1.0/users"],
  ])("%s is refused before any request", async (_name, url) => {
    await expectInputError(env, () => raw({ url: url() }), /^URL: .* is not this connection's Microsoft Graph host/);
    expect(bystanderHits).toBe(0);
  });

  test("an absolute URL on the connection's own host with a user name or password is refused before any request", async () => {
    const url = `${env.emulator.url.replace("://", "://admin:hunter2@")}/v1.0/users`;
    const error = await expectInputError(env, () => raw({ url }), /^URL: must not carry a user name or password/);
    expect(error.message).not.toContain("hunter2");
    expect(env.emulator.requests).toHaveLength(0);
  });

  test("an absolute URL on the connection's own host is accepted (an @odata.nextLink)", async () => {
    const result = await raw({ url: `${env.emulator.url}/v1.0/users?$top=1` });
    expect((result as { data: { value: unknown[] } }).data.value).toHaveLength(1);
  });

  test("a Graph redirect to another host is followed without the Authorization header", async () => {
    let seenAuthorization: string | undefined = "unset";
    const download = http.createServer((req, res) => {
      seenAuthorization = req.headers.authorization;
      res.setHeader("Content-Type", "text/csv");
      res.end("a,b\n1,2\n");
    });
    await new Promise<void>((resolve) => download.listen(0, "127.0.0.1", resolve));
    const downloadUrl = `http://127.0.0.1:${(download.address() as AddressInfo).port}/file.csv`;
    env.emulator.router.graph("GET", "/redirectMe", () => ({ status: 302, headers: { Location: downloadUrl } }));
    try {
      const result = await raw({ url: "/redirectMe", responseType: "text" });
      expect((result as { data: string }).data).toBe("a,b\n1,2\n");
      expect(seenAuthorization).toBeUndefined();
      expect(env.emulator.requestsTo("/v1.0/redirectMe")[0]?.headers.authorization).toMatch(/^Bearer /);
    } finally {
      await closeServer(download);
    }
  });
});

describe("redaction", () => {
  test("with Debug Request on, the token appears nowhere in the logs, and requests are still logged", async () => {
    const logger = {
      info: jest.fn(),
      debug: jest.fn(),
      log: jest.fn(),
      warn: jest.fn(),
      error: jest.fn(),
      trace: jest.fn(),
      metric: jest.fn(),
    };
    const consoleSpy = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await raw({ url: "/users", debugRequest: "true", queryParams: [{ key: "$top", value: "1" }] }, { logger });
      const logged = [...logger.info.mock.calls, ...logger.debug.mock.calls, ...logger.log.mock.calls, ...consoleSpy.mock.calls]
        .flat()
        .map((x) => (typeof x === "string" ? x : JSON.stringify(x)))
        .join("\n");
      expect(logged).toContain('"type":"request"');
      expect(logged).toContain('"type":"response"');
      expect(logged).toContain(`"Authorization":"${REDACTED}"`);
      expect(logged).not.toContain(env.token);
      expect(logged).not.toContain(env.token.split(".")[1]);
    } finally {
      consoleSpy.mockRestore();
    }
  });

  test("a pre-authenticated download URL (another host) appears only as its origin in debug logs and errors", async () => {
    const download = http.createServer((_req, res) => {
      res.statusCode = 403;
      res.setHeader("Content-Type", "text/plain");
      res.end("AuthenticationFailed");
    });
    await new Promise<void>((resolve) => download.listen(0, "127.0.0.1", resolve));
    const downloadOrigin = `http://127.0.0.1:${(download.address() as AddressInfo).port}`;
    const secretPath = "/data/download/e3b0c44298fc1c149afbf4c8996fb924?sig=s3cr3tSignature";
    env.emulator.router.graph("GET", "/redirectToDownload", () => ({
      status: 302,
      headers: { Location: `${downloadOrigin}${secretPath}` },
    }));
    const logger = {
      info: jest.fn(),
      debug: jest.fn(),
      log: jest.fn(),
      warn: jest.fn(),
      error: jest.fn(),
      trace: jest.fn(),
      metric: jest.fn(),
    };
    try {
      const error = (await raw({ url: "/redirectToDownload", debugRequest: "true", maxRetries: "0" }, { logger }).catch(
        (e: Error) => e,
      )) as Error;
      expect(error.message).toContain("403");
      expect(error.message).toContain(`${downloadOrigin}/${REDACTED}`);
      const logged = logger.info.mock.calls.flat().map(String).join("\n");
      expect(logged).toContain(`${downloadOrigin}/${REDACTED}`);
      for (const text of [error.message, logged]) {
        expect(text).not.toContain("e3b0c44298fc1c149afbf4c8996fb924");
        expect(text).not.toContain("s3cr3tSignature");
      }
    } finally {
      await closeServer(download);
    }
  });

  test("errors carry no token even when Graph echoes one", async () => {
    env.emulator.router.graph("GET", "/leaky", (ctx) => ({
      status: 400,
      headers: { "Content-Type": "application/json" },
      body: { error: { code: "BadRequest", message: `bad header ${String(ctx.headers.authorization)}` } },
    }));
    const error = await raw({ url: "/leaky", maxRetries: "0" }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("400 BadRequest");
    expect((error as Error).message).not.toContain(env.token);
  });

  test("redactText removes secrets from form bodies, URLs and JSON", () => {
    const text = redactText(
      'client_secret=abc123&code=M.C5_xyz&grant_type=authorization_code {"refresh_token":"0.AR8Axyz","code":"Request_ResourceNotFound"} Authorization: Bearer eyJ0.eyJ1.sig',
    );
    expect(text).not.toMatch(/abc123|M\.C5_xyz|0\.AR8Axyz|eyJ0\.eyJ1\.sig/);
    expect(text).toContain("grant_type=authorization_code");
    expect(text).toContain('"code":"Request_ResourceNotFound"');
  });

  test("redactText removes Bearer and Basic credentials in any case, and leaves prose after those words alone", () => {
    const text = redactText(
      "authorization: bearer eyJ0eXAiOiJKV1Qi.eyJhdWQiOiJo.c2ln; Basic dXNlcjpwYXNz; basic properties; Bearer tokens",
    );
    expect(text).toBe(`authorization: bearer ${REDACTED}; Basic ${REDACTED}; basic properties; Bearer tokens`);
  });

  test("redactText removes a certificate's client_assertion and a PKCE code_verifier from form bodies", () => {
    const text = redactText("grant_type=authorization_code&client_assertion=eyJhbGciOi.payload.sig&code_verifier=dBjftJeZ4CVP");
    expect(text).not.toMatch(/eyJhbGciOi|dBjftJeZ4CVP/);
    expect(text).toContain(`client_assertion=${REDACTED}`);
    expect(text).toContain(`code_verifier=${REDACTED}`);
  });
});

describe("connection failures", () => {
  test("an expired token surfaces Graph's InvalidAuthenticationToken as a connection error", async () => {
    const token = env.emulator.issueToken();
    env.emulator.tokens.expireAccessTokens(token);
    const connection = clientCredentialsConnection(env.emulator, token);
    await expect(env.harness.action("rawRequest", { connection, url: "/users" })).rejects.toMatchObject({
      name: "ConnectionError",
      message: expect.stringMatching(/401 InvalidAuthenticationToken: Lifetime validation failed, the token is expired\..*request-id/),
    });
  });

  test("a 404 surfaces Graph's code, message and request-id", async () => {
    const error = (await raw({ url: "/users/00000000-0000-4000-8000-000000000000" }).catch((e: Error) => e)) as Error & {
      requestId: string;
      clientRequestId: string;
    };
    expect(error.message).toMatch(/404 Request_ResourceNotFound: Resource '00000000-0000-4000-8000-000000000000' does not exist/);
    expect(error.message).toContain(`request-id: ${error.requestId}`);
    expect(env.emulator.requests).toHaveLength(1);
    expect(error.clientRequestId).toBe(env.emulator.requests[0]?.headers["client-request-id"]);
  });

  test("a throttled answer echoes the request's client-request-id, in the body and the header", async () => {
    env.emulator.faults.throttle(1, "1", "/v1.0/users");
    try {
      const error = (await raw({ url: "/users", maxRetries: "0" }).catch((e: Error) => e)) as Error & {
        clientRequestId: string;
        status: number;
      };
      expect(error.status).toBe(429);
      const sent = env.emulator.requests[0]?.headers["client-request-id"];
      expect(sent).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.clientRequestId).toBe(sent);
    } finally {
      env.emulator.faults.clear();
    }
  });
});
