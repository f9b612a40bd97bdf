import { oauth, oauthClientCredentials } from "../../src/connections";
import { TestEnv, authCodeConnection, clientCredentialsConnection, dataOf, expectInputError, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 5 });
});
afterAll(() => env.emulator.close());

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  error?: string;
  error_description?: string;
  error_codes?: number[];
}

/** Exchanges a grant at a token URL the way the platform does (form post, client secret in the body). */
async function exchange(tokenUrl: string, form: Record<string, string>): Promise<{ status: number; body: TokenAnswer }> {
  const response = await fetch(tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as TokenAnswer };
}

/** Resolves the connection's templated token URL from its inputs, as the platform does. */
function templatedTokenUrl(fields: Record<string, string>): string {
  const template = (oauthClientCredentials.inputs.tokenUrl as { templateValue: string }).templateValue;
  return template.replace(/{{#(\w+)}}/g, (_m, key: string) => fields[key] ?? "");
}

describe("client credentials connection", () => {
  test("the templated token URL points at {entraIdEndpoint}/{tenant}/oauth2/v2.0/token and the exchange yields a working token", async () => {
    const { emulator } = env;
    const tokenUrl = templatedTokenUrl({ entraIdEndpoint: emulator.url, tenant: emulator.app.tenantDomain });
    expect(tokenUrl).toBe(`${emulator.url}/${emulator.app.tenantDomain}/oauth2/v2.0/token`);
    const { status, body } = await exchange(tokenUrl, {
      grant_type: "client_credentials",
      client_id: emulator.app.clientId,
      client_secret: emulator.app.clientSecret,
      scope: oauthClientCredentials.inputs.scopes.default,
    });
    expect(status).toBe(200);
    const connection = clientCredentialsConnection(emulator, body.access_token as string, { tenant: emulator.app.tenantDomain });
    const result = await env.harness.action("rawRequest", { connection, url: "/users", queryParams: [{ key: "$top", value: "2" }] });
    expect(dataOf<{ value: unknown[] }>(result).value).toHaveLength(2);
  });

  test.each([
    [
      "the secret's ID instead of its value",
      { client_secret: "c7d9e1f3-a5b7-4c9d-8e1f-3a5b7c9d1e3f" },
      401,
      7000215,
      /client secret value, not the client secret ID/,
    ],
    ["a wrong secret", { client_secret: "not-the-secret" }, 401, 7000215, /^AADSTS7000215: Invalid client secret provided\. Ensure/],
    ["an unknown application", { client_id: "11111111-2222-4333-8444-555555555555" }, 400, 700016, /was not found in the directory/],
    ["a scope without /.default", { scope: "User.Read.All" }, 400, 1002012, /\/\.default/],
  ])("%s answers an AADSTS error", async (_name, override, status, aadsts, description) => {
    const { emulator } = env;
    const answer = await exchange(emulator.tokenUrl(), {
      grant_type: "client_credentials",
      client_id: emulator.app.clientId,
      client_secret: emulator.app.clientSecret,
      scope: "https://graph.microsoft.com/.default",
      ...override,
    });
    expect(answer.status).toBe(status);
    expect(answer.body.error_codes).toEqual([aadsts]);
    expect(answer.body.error_description).toMatch(description);
  });
});

describe("token endpoint tenant segment", () => {
  test.each([
    [
      "a tenant that is neither a GUID nor a domain",
      "contoso",
      900023,
      /^AADSTS900023: Specified tenant identifier 'contoso' is neither a valid DNS name/,
    ],
    [
      "a well-formed tenant that does not exist",
      "fabrikam.onmicrosoft.com",
      90002,
      /^AADSTS90002: Tenant 'fabrikam\.onmicrosoft\.com' not found/,
    ],
  ])("%s answers an AADSTS error", async (_name, tenant, aadsts, description) => {
    const { emulator } = env;
    const answer = await exchange(`${emulator.url}/${tenant}/oauth2/v2.0/token`, {
      grant_type: "client_credentials",
      client_id: emulator.app.clientId,
      client_secret: emulator.app.clientSecret,
      scope: "https://graph.microsoft.com/.default",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_request");
    expect(answer.body.error_codes).toEqual([aadsts]);
    expect(answer.body.error_description).toMatch(description);
  });
});

describe("authorization code connection", () => {
  const redirectUri = "https://oauth2.example/callback";

  async function authorize(): Promise<string> {
    const { emulator } = env;
    const url = new URL(oauth.inputs.authorizeUrl.default.replace("https://login.microsoftonline.com", emulator.url));
    url.searchParams.set("client_id", emulator.app.clientId);
    url.searchParams.set("redirect_uri", redirectUri);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("scope", oauth.inputs.scopes.default);
    url.searchParams.set("state", "xyz");
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") as string);
    expect(location.searchParams.get("state")).toBe("xyz");
    return location.searchParams.get("code") as string;
  }

  function tokenUrl(): string {
    return oauth.inputs.tokenUrl.default.replace("https://login.microsoftonline.com", env.emulator.url);
  }

  const client = () => ({ client_id: env.emulator.app.clientId, client_secret: env.emulator.app.clientSecret });

  test("code for tokens (with a refresh token from offline_access), then a refresh, then a delegated call to /me", async () => {
    const code = await authorize();
    const first = await exchange(tokenUrl(), { grant_type: "authorization_code", code, redirect_uri: redirectUri, ...client() });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).toBeTruthy();
    const refreshed = await exchange(tokenUrl(), {
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token as string,
      ...client(),
    });
    expect(refreshed.status).toBe(200);
    const connection = authCodeConnection(env.emulator, refreshed.body.access_token as string);
    const me = await env.harness.action("rawRequest", { connection, url: "/me" });
    expect(dataOf<{ id: string }>(me).id).toBe(env.emulator.directory.users[0]?.id);
  });

  test("a code used twice, an expired code and a revoked refresh token answer invalid_grant", async () => {
    const code = await authorize();
    await exchange(tokenUrl(), { grant_type: "authorization_code", code, redirect_uri: redirectUri, ...client() });
    const reused = await exchange(tokenUrl(), { grant_type: "authorization_code", code, redirect_uri: redirectUri, ...client() });
    expect(reused.body.error).toBe("invalid_grant");
    expect(reused.body.error_codes).toEqual([54005]);
    expect(reused.body.error_description).toMatch(/^AADSTS54005: OAuth2 Authorization code was already redeemed/);

    const stale = await authorize();
    env.emulator.tokens.expireCodes();
    const expired = await exchange(tokenUrl(), { grant_type: "authorization_code", code: stale, redirect_uri: redirectUri, ...client() });
    expect(expired.body.error_codes).toEqual([70008]);

    const fresh = await exchange(tokenUrl(), {
      grant_type: "authorization_code",
      code: await authorize(),
      redirect_uri: redirectUri,
      ...client(),
    });
    env.emulator.tokens.revokeRefreshTokens();
    const revoked = await exchange(tokenUrl(), {
      grant_type: "refresh_token",
      refresh_token: fresh.body.refresh_token as string,
      ...client(),
    });
    expect(revoked.body.error_codes).toEqual([50173]);
  });

  test("defaults match Prismatic's own Microsoft Graph connection", () => {
    expect(oauth.key).toBe("oauth");
    expect(oauth.inputs.authorizeUrl.default).toBe("https://login.microsoftonline.com/common/oauth2/v2.0/authorize");
    expect(oauth.inputs.tokenUrl.default).toBe("https://login.microsoftonline.com/common/oauth2/v2.0/token");
    expect(oauth.inputs.scopes.default).toBe("https://graph.microsoft.com/User.Read.All offline_access");
    expect(oauthClientCredentials.key).toBe("oauthClientCredentials");
    expect(oauthClientCredentials.inputs.scopes.default).toBe("https://graph.microsoft.com/.default");
    expect(oauthClientCredentials.inputs.entraIdEndpoint.default).toBe("https://login.microsoftonline.com");
  });
});

describe("connection inputs are checked before any request", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["an empty Microsoft Graph URL", { baseUrl: "" }, /^Microsoft Graph URL: is empty/],
    [
      "an http Graph URL off loopback",
      { baseUrl: "http://graph.microsoft.com" },
      /^Microsoft Graph URL: .*uses http; only https is allowed/,
    ],
    ["a Graph URL that is not a URL", { baseUrl: "graph dot microsoft" }, /^Microsoft Graph URL: .*is not a URL/],
    ["a Graph URL with a path", { baseUrl: "https://graph.microsoft.com/v1.0/users" }, /^Microsoft Graph URL: .*without a path/],
    ["an empty tenant", { tenant: "" }, /^Tenant: is empty/],
    ["a malformed tenant", { tenant: "contoso" }, /^Tenant: "contoso" is neither a Directory \(tenant\) ID/],
    ["'common' as tenant for app-only access", { tenant: "common" }, /^Tenant: "common" cannot be used for app-only access/],
    ["a client ID that is not a GUID", { clientId: "my-app" }, /^Client ID: "my-app" is not a GUID/],
    ["an empty client ID", { clientId: " " }, /^Client ID: is empty/],
    [
      "an http Entra ID endpoint off loopback",
      { entraIdEndpoint: "http://login.microsoftonline.com" },
      /^Microsoft Entra ID Endpoint: .*uses http/,
    ],
  ];
  test.each(cases)("%s", async (_name, fields, message) => {
    const connection = clientCredentialsConnection(env.emulator, env.token, fields);
    await expectInputError(env, () => env.harness.action("rawRequest", { connection, url: "/users" }), message);
  });

  test("national cloud Graph URLs are accepted and requests are built on them", async () => {
    const { normalizeServiceUrl, GraphClient } = await import("../../src/graph");
    for (const cloud of ["https://graph.microsoft.us", "https://dod-graph.microsoft.us", "https://microsoftgraph.chinacloudapi.cn"]) {
      const origin = normalizeServiceUrl(`${cloud}/`, "Microsoft Graph URL");
      const client = new GraphClient({ baseUrl: origin, accessToken: "t", apiVersion: "beta" });
      expect(client.resolveUrl("/users/a b").toString()).toBe(`${cloud}/beta/users/a%20b`);
    }
  });
});
