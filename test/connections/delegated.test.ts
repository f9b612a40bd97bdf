import { isConnectionError } from "@prismatic-io/spectral";
import { clearTokenProviders, tokenClock } from "../../src/graph";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";
import { issueRefreshToken, passwordConnection, refreshTokenConnection, thrown, tokenRequests } from "../helpers/connections";

let env: TestEnv;
const realNow = tokenClock.now;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 5 });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  clearTokenProviders();
  env.emulator.requests.length = 0;
  env.emulator.tokens.allowPublicClient = true;
});
afterEach(() => {
  tokenClock.now = realNow;
});

async function me(connection: ReturnType<typeof passwordConnection>): Promise<string> {
  return dataOf<{ id: string }>(await env.harness.action("rawRequest", { connection, url: "/me" })).id;
}

describe("password grant connection", () => {
  test("signs in as the user, as a public client or with a client secret", async () => {
    const user = env.emulator.directory.users[0];
    expect(await me(passwordConnection(env.emulator))).toBe(user?.id);
    expect(await me(passwordConnection(env.emulator, { clientSecret: env.emulator.app.clientSecret }))).toBe(user?.id);
    const forms = tokenRequests(env.emulator);
    expect(forms.map((f) => f.get("grant_type"))).toEqual(["password", "password"]);
    expect(forms[0]?.get("username")).toBe(user?.userPrincipalName);
    expect(forms[0]?.has("client_secret")).toBe(false);
    expect(forms[1]?.get("client_secret")).toBe(env.emulator.app.clientSecret);
  });

  test("'organizations' is a tenant it accepts; 'common' and 'consumers' are refused before any request", async () => {
    expect(await me(passwordConnection(env.emulator, { tenant: "organizations" }))).toBeTruthy();
    for (const tenant of ["common", "consumers"]) {
      await expectInputError(
        env,
        () => me(passwordConnection(env.emulator, { tenant })),
        new RegExp(`^Tenant: "${tenant}" cannot be used`),
      );
    }
  });

  test("MFA, MFA registration, a wrong password, an unknown user and a confidential app without a secret are connection errors with their AADSTS code", async () => {
    const [, mfaUser, enrolUser] = env.emulator.directory.users;
    env.emulator.tokens.mfaRequired.add((mfaUser?.userPrincipalName ?? "").toLowerCase());
    env.emulator.tokens.mfaRegistrationRequired.add((enrolUser?.userPrincipalName ?? "").toLowerCase());
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ username: mfaUser?.userPrincipalName }, /AADSTS50076: .*must use multi-factor authentication.* password grant cannot do/],
      [{ username: enrolUser?.userPrincipalName }, /AADSTS50079: .*enroll in multi-factor authentication.* must first register/],
      [{ password: "not-it" }, /AADSTS50126: Error validating credentials.*federated/],
      [{ username: "nobody@contoso.onmicrosoft.com" }, /AADSTS50034: .*does not exist/],
    ];
    for (const [fields, message] of cases) {
      const error = await thrown(() => me(passwordConnection(env.emulator, fields)));
      expect(isConnectionError(error)).toBe(true);
      expect(error.message).toMatch(message);
    }
    env.emulator.tokens.allowPublicClient = false;
    const confidential = await thrown(() => me(passwordConnection(env.emulator)));
    expect(isConnectionError(confidential)).toBe(true);
    expect(confidential.message).toMatch(/AADSTS7000218: .*give Client Secret, or enable 'Allow public client flows'/);
  });

  test("the password never appears in an error", async () => {
    const password = "S3cret-Passw0rd-Never-Shown";
    const error = await thrown(() => me(passwordConnection(env.emulator, { password })));
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(password);
  });
});

describe("refresh token connection", () => {
  test("redeems the refresh token, then uses the newest rotated one after the access token expires", async () => {
    const first = issueRefreshToken(env.emulator);
    const connection = refreshTokenConnection(env.emulator, first);
    expect(await me(connection)).toBe(env.emulator.directory.users[0]?.id);
    tokenClock.now = () => Date.now() + 3600_000;
    expect(await me(connection)).toBe(env.emulator.directory.users[0]?.id);
    const forms = tokenRequests(env.emulator);
    expect(forms.map((f) => f.get("grant_type"))).toEqual(["refresh_token", "refresh_token"]);
    expect(forms[0]?.get("refresh_token")).toBe(first);
    // The emulator accepts only refresh tokens it issued: the second one is the rotated token from the first answer.
    expect(forms[1]?.get("refresh_token")).toMatch(/^0\.AR8A/);
    expect(forms[1]?.get("refresh_token")).not.toBe(first);
  });

  test("an expired (90 days unused), revoked or malformed refresh token is a connection error that says to get a new one", async () => {
    const expired = issueRefreshToken(env.emulator);
    env.emulator.tokens.expireRefreshTokens();
    const cases: [string, RegExp][] = [
      [expired, /AADSTS700082: The refresh token has expired due to inactivity.*get a new refresh token/],
      ["0.AR8A-not-a-token", /AADSTS9002313: .*get a new refresh token/],
    ];
    for (const [token, message] of cases) {
      const error = await thrown(() => me(refreshTokenConnection(env.emulator, token)));
      expect(isConnectionError(error)).toBe(true);
      expect(error.message).toMatch(message);
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(token);
    }
    const revoked = issueRefreshToken(env.emulator);
    env.emulator.tokens.revokeRefreshTokens();
    const error = await thrown(() => me(refreshTokenConnection(env.emulator, revoked)));
    expect(error.message).toMatch(/AADSTS50173: .*get a new refresh token/);
  });
});
