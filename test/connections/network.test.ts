import { isConnectionError } from "@prismatic-io/spectral";
import { redactText, transportFor } from "../../src/graph";
import { clientCredentialsConnection, dataOf } from "../helpers/setup";
import { certificateConnection, thrown, useConnectionEnv } from "../helpers/connections";
import { TestProxy, TlsFront, pki, startProxy, startTlsFront } from "../helpers/network";

const ref = useConnectionEnv();
let proxy: TestProxy;
let front: TlsFront;
beforeAll(async () => {
  proxy = await startProxy();
  front = await startTlsFront(ref.env.emulator.url);
});
afterAll(async () => {
  await proxy.close();
  await front.close();
});
beforeEach(() => {
  proxy.requests.length = 0;
});

async function users(connection = certificateConnection(ref.env.emulator)): Promise<unknown[]> {
  const result = await ref.env.harness.action("rawRequest", { connection, url: "/users", queryParams: [{ key: "$top", value: "2" }] });
  return dataOf<{ value: unknown[] }>(result).value;
}

/** A certificate connection whose Graph and login hosts are the HTTPS front (certificate from the test CA). */
function overTls(fields: Record<string, unknown> = {}) {
  return certificateConnection(ref.env.emulator, { baseUrl: front.url, entraIdEndpoint: front.url, ...fields });
}

describe("HTTP proxy", () => {
  test("the component's token request and its Graph calls both pass through the proxy", async () => {
    expect(await users(certificateConnection(ref.env.emulator, { httpProxy: proxy.url }))).toHaveLength(2);
    expect(proxy.requests.map((r) => `${r.method} ${new URL(r.target).pathname}`)).toEqual([
      `POST /${ref.env.emulator.app.tenantId}/oauth2/v2.0/token`,
      "GET /v1.0/users",
    ]);
  });

  test("platform-token connections send their Graph calls through it too", async () => {
    await users(clientCredentialsConnection(ref.env.emulator, ref.env.token, { httpProxy: proxy.url }));
    expect(proxy.requests.map((r) => new URL(r.target).pathname)).toEqual(["/v1.0/users"]);
  });

  test("HTTPS is tunnelled with CONNECT, with the proxy's credentials on the CONNECT only", async () => {
    const httpProxy = proxy.url.replace("http://", "http://svc%40corp:pr0xy-pa55@");
    expect(await users(overTls({ httpProxy, caCertificate: pki.caCertificate }))).toHaveLength(2);
    const tunnels = proxy.requests.filter((r) => r.method === "CONNECT");
    expect(tunnels.length).toBeGreaterThanOrEqual(1);
    expect(proxy.requests.every((r) => r.method === "CONNECT" && r.target === new URL(front.url).host)).toBe(true);
    expect(tunnels[0]?.proxyAuthorization).toBe(`Basic ${Buffer.from("svc@corp:pr0xy-pa55").toString("base64")}`);
    expect(ref.env.emulator.requests.every((r) => r.headers["proxy-authorization"] === undefined)).toBe(true);
    expect(ref.env.emulator.requests.map((r) => r.path)).toEqual([`/${ref.env.emulator.app.tenantId}/oauth2/v2.0/token`, "/v1.0/users"]);
  });

  test("report downloads (off-origin, without the token) go through the proxy", async () => {
    const connection = clientCredentialsConnection(ref.env.emulator, ref.env.token, { httpProxy: proxy.url });
    const result = await ref.env.harness.action("getUsageReport", { connection, report: "getOffice365ActiveUserDetail", period: "D7" });
    expect(dataOf<{ rows: unknown[] }>(result).rows.length).toBeGreaterThan(0);
    const hosts = proxy.requests.map((r) => new URL(r.target).host);
    expect(hosts[0]).toBe(new URL(ref.env.emulator.url).host);
    expect(hosts.some((host) => host !== new URL(ref.env.emulator.url).host)).toBe(true);
  });

  test("the proxy's password never shows in an error", async () => {
    const error = await thrown(() => users(certificateConnection(ref.env.emulator, { httpProxy: "http://svc:Pr0xy-S3cret@127.0.0.1:9" })));
    expect(isConnectionError(error)).toBe(true);
    expect(error.message).toMatch(/The token request to http:\/\/127\.0\.0\.1:\d+ got no answer/);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("Pr0xy-S3cret");
  });

  test("a proxy that is not an http(s) URL is refused before any request", async () => {
    const error = await thrown(() => users(certificateConnection(ref.env.emulator, { httpProxy: "socks5://127.0.0.1:1080" })));
    expect(error.message).toMatch(/^HTTP Proxy: must start with http:\/\/ or https:\/\//);
    expect(ref.env.emulator.requests).toHaveLength(0);
  });
});

describe("TLS trust", () => {
  test("a server certificate from a private CA is refused by default, trusted with CA Certificate, accepted with Verify SSL off", async () => {
    const refused = await thrown(() => users(overTls()));
    expect(refused.message).toMatch(/self.signed|unable to (get|verify)|SELF_SIGNED|UNABLE_TO/i);
    expect(ref.env.emulator.requests).toHaveLength(0);

    expect(await users(overTls({ caCertificate: pki.caCertificate }))).toHaveLength(2);
    expect(await users(overTls({ caCertificate: pki.caCertificate.trim().replace(/\n/g, "\\n") }))).toHaveLength(2);
    expect(await users(overTls({ verifySsl: "false" }))).toHaveLength(2);
  });

  test("a CA Certificate that holds no certificate is refused before any request", async () => {
    const error = await thrown(() => users(overTls({ caCertificate: "not a pem" })));
    expect(error.message).toMatch(/^CA Certificate: holds no PEM certificate/);
  });
});

describe("transport", () => {
  test("one transport per distinct network setting, reused", () => {
    expect(transportFor({})).toBe(transportFor({ verifySsl: true }));
    expect(transportFor({ proxyUrl: proxy.url })).toBe(transportFor({ proxyUrl: proxy.url }));
    expect(transportFor({ proxyUrl: proxy.url })).not.toBe(transportFor({}));
    expect(transportFor({ verifySsl: false })).not.toBe(transportFor({}));
  });
});

describe("redaction", () => {
  test("a proxy's credentials and a pasted private key are taken out of any text", () => {
    const text = `proxy http://svc:Pr0xy-S3cret@proxy.corp:8080 key ${pki.appKey}`;
    const shown = redactText(text);
    expect(shown).not.toContain("Pr0xy-S3cret");
    expect(shown).toContain("http://[REDACTED]@proxy.corp:8080");
    expect(shown).not.toContain(pki.appKey.split("\n")[1]);
    expect(redactText("https://graph.microsoft.com/v1.0/users/ann@contoso.com")).toBe(
      "https://graph.microsoft.com/v1.0/users/ann@contoso.com",
    );
  });
});
