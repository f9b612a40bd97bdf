import { isConnectionError } from "@prismatic-io/spectral";
import { tenantOrClientHint } from "../../src/connections/validate";
import { clearTokenProviders, tokenClock, tokenErrorFrom } from "../../src/graph";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";
import { certificateConnection, passwordConnection, thrown, tokenRequests } from "../helpers/connections";
import { pki } from "../helpers/network";

let env: TestEnv;
const realNow = tokenClock.now;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 5 });
  env.emulator.tokens.registerCertificate(pki.appCertificate);
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  clearTokenProviders();
  env.emulator.requests.length = 0;
});
afterEach(() => {
  tokenClock.now = realNow;
});

async function organization(connection = certificateConnection(env.emulator)): Promise<unknown> {
  return dataOf(await env.harness.action("rawRequest", { connection, url: "/organization" }));
}

describe("tokens the component gets itself", () => {
  test("20 concurrent actions share one token request, and later actions reuse the token", async () => {
    await Promise.all(Array.from({ length: 20 }, () => organization()));
    expect(tokenRequests(env.emulator)).toHaveLength(1);
    await organization();
    expect(tokenRequests(env.emulator)).toHaveLength(1);
    const bearers = new Set(env.emulator.requestsTo("/organization").map((r) => r.headers.authorization));
    expect(bearers.size).toBe(1);
    expect(env.emulator.requestsTo("/organization")).toHaveLength(21);
  });

  test("a new token is requested once the cached one reaches expires_in (less the renewal margin)", async () => {
    const connection = passwordConnection(env.emulator);
    await organization(connection);
    const started = Date.now();
    tokenClock.now = () => started + (env.emulator.tokens.lifetimeSeconds - 400) * 1000;
    await organization(connection);
    expect(tokenRequests(env.emulator)).toHaveLength(1);
    tokenClock.now = () => started + env.emulator.tokens.lifetimeSeconds * 1000;
    env.emulator.tokens.expireAccessTokens();
    await organization(connection);
    expect(tokenRequests(env.emulator)).toHaveLength(2);
  });

  test("a token Graph refuses (401) is dropped: the next action gets a new one", async () => {
    await organization();
    env.emulator.tokens.expireAccessTokens();
    const refused = await thrown(() => organization());
    expect(isConnectionError(refused)).toBe(true);
    await organization();
    expect(tokenRequests(env.emulator)).toHaveLength(2);
  });

  test("a token request that fails is not cached: the next action asks again", async () => {
    const bad = passwordConnection(env.emulator, { password: "wrong" });
    await thrown(() => organization(bad));
    await thrown(() => organization(bad));
    expect(tokenRequests(env.emulator)).toHaveLength(2);
  });

  test("an unknown tenant or application reads as the connection check's message", async () => {
    const tenant = await thrown(() => organization(certificateConnection(env.emulator, { tenant: "fabrikam.onmicrosoft.com" })));
    expect(isConnectionError(tenant)).toBe(true);
    expect(tenant.message).toMatch(
      /AADSTS90002: .* Tenant: "fabrikam.onmicrosoft.com" is not a tenant of http:\/\/127\.0\.0\.1:\d+; give the Directory \(tenant\) ID/,
    );
    const client = await thrown(() =>
      organization(certificateConnection(env.emulator, { clientId: "11111111-2222-4333-8444-555555555555" })),
    );
    expect(client.message).toMatch(/AADSTS700016: .* Client ID: "11111111-2222-4333-8444-555555555555" is not an application in tenant/);
    expect(tenantOrClientHint(900023, { tenant: "contoso" })).toMatch(/^Tenant: "contoso" is neither a Directory \(tenant\) ID/);
  });

  test("Microsoft's code is read from error_codes or the description, and Trace ID lines are left out", () => {
    const error = tokenErrorFrom(400, {
      error: "invalid_grant",
      error_description: "AADSTS700082: The refresh token has expired due to inactivity.\r\nTrace ID: abc\r\nCorrelation ID: def",
    });
    expect(error.aadsts).toBe(700082);
    expect(error.message).toBe(
      "Microsoft Entra ID refused the token request (invalid_grant): AADSTS700082: The refresh token has expired due to inactivity. " +
        "The refresh token expired after 90 days without use: get a new refresh token (sign in again) and update Refresh Token.",
    );
    expect(tokenErrorFrom(401, { error: "invalid_client", error_codes: [7000274], error_description: "x" }).message).toMatch(
      /AADSTS7000274: x The client assertion's key identifier header/,
    );
  });
});

describe("one cloud per connection", () => {
  test("a US Gov login host with the global Graph host, or a scope on another cloud's Graph host, is refused naming both inputs", async () => {
    await expectInputError(
      env,
      () =>
        organization(
          certificateConnection(env.emulator, {
            baseUrl: "https://graph.microsoft.com",
            entraIdEndpoint: "https://login.microsoftonline.us",
          }),
        ),
      /^Microsoft Entra ID Endpoint: https:\/\/login\.microsoftonline\.us signs in to another cloud than Microsoft Graph URL https:\/\/graph\.microsoft\.com/,
    );
    await expectInputError(
      env,
      () =>
        organization(
          certificateConnection(env.emulator, {
            baseUrl: "https://graph.microsoft.us",
            entraIdEndpoint: "https://login.microsoftonline.us",
            scopes: "https://graph.microsoft.com/.default",
          }),
        ),
      /^Scopes: "https:\/\/graph\.microsoft\.com\/\.default" is for https:\/\/graph\.microsoft\.com, but Microsoft Graph URL is https:\/\/graph\.microsoft\.us; use https:\/\/graph\.microsoft\.us\/\.default/,
    );
  });
});
