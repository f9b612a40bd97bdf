import { X509Certificate, constants, createHash, createPrivateKey, generateKeyPairSync, verify } from "node:crypto";
import { isConnectionError } from "@prismatic-io/spectral";
import { clearTokenProviders, tokenClock } from "../../src/graph";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";
import { certificateConnection, thrown, tokenRequests } from "../helpers/connections";
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

const der = new X509Certificate(pki.appCertificate).raw;
const publicKey = new X509Certificate(pki.appCertificate).publicKey;

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
}

async function listTwoUsers(fields: Record<string, unknown> = {}): Promise<unknown[]> {
  const connection = certificateConnection(env.emulator, fields);
  const result = await env.harness.action("rawRequest", { connection, url: "/users", queryParams: [{ key: "$top", value: "2" }] });
  return dataOf<{ value: unknown[] }>(result).value;
}

function onlyAssertion(): { header: Record<string, unknown>; claims: Record<string, unknown>; parts: string[]; form: URLSearchParams } {
  const forms = tokenRequests(env.emulator);
  expect(forms).toHaveLength(1);
  const form = forms[0];
  const parts = (form.get("client_assertion") ?? "").split(".");
  return { header: decode(parts[0] ?? ""), claims: decode(parts[1] ?? ""), parts, form };
}

describe("certificate connection", () => {
  test("with the public certificate: a PS256 assertion with x5t#S256, checked field by field and verified with the public key", async () => {
    const before = Math.floor(Date.now() / 1000);
    expect(await listTwoUsers()).toHaveLength(2);
    const { header, claims, parts, form } = onlyAssertion();
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    expect(form.get("client_id")).toBe(env.emulator.app.clientId);
    expect(form.get("scope")).toBe("https://graph.microsoft.com/.default");
    expect(form.has("client_secret")).toBe(false);

    expect(header).toEqual({ alg: "PS256", typ: "JWT", "x5t#S256": createHash("sha256").update(der).digest("base64url") });
    expect(claims.aud).toBe(env.emulator.tokenUrl());
    expect(claims.iss).toBe(env.emulator.app.clientId);
    expect(claims.sub).toBe(env.emulator.app.clientId);
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const iat = claims.iat as number;
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(claims.nbf).toBe(iat);
    expect((claims.exp as number) - iat).toBeGreaterThan(0);
    expect((claims.exp as number) - iat).toBeLessThanOrEqual(600);

    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2] ?? "", "base64url");
    const pss = { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };
    expect(verify("sha256", signed, pss, signature)).toBe(true);
    expect(verify("sha256", Buffer.from(`${parts[0]}.x${parts[1]}`), pss, signature)).toBe(false);
  });

  test("each token request carries a fresh jti", async () => {
    await listTwoUsers();
    clearTokenProviders();
    await listTwoUsers();
    const jtis = tokenRequests(env.emulator).map((f) => decode((f.get("client_assertion") ?? "").split(".")[1] ?? "").jti);
    expect(jtis).toHaveLength(2);
    expect(jtis[0]).not.toBe(jtis[1]);
  });

  test("with only the SHA-1 thumbprint: RS256 and x5t", async () => {
    expect(await listTwoUsers({ publicCertificate: "" })).toHaveLength(2);
    const { header, parts } = onlyAssertion();
    expect(header).toEqual({ alg: "RS256", typ: "JWT", x5t: createHash("sha1").update(der).digest("base64url") });
    expect(verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2] ?? "", "base64url"))).toBe(true);
  });

  test("a key pasted on one line with literal \\n, a PKCS#1 key and an encrypted key with its passphrase all sign in", async () => {
    const key = createPrivateKey(pki.appKey);
    expect(await listTwoUsers({ certificate: pki.appKey.trim().replace(/\n/g, "\\n") })).toHaveLength(2);
    const pkcs1 = key.export({ type: "pkcs1", format: "pem" }) as string;
    expect(pkcs1).toMatch(/BEGIN RSA PRIVATE KEY/);
    expect(await listTwoUsers({ certificate: pkcs1 })).toHaveLength(2);
    const encrypted = key.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "correct horse" }) as string;
    expect(encrypted).toMatch(/BEGIN ENCRYPTED PRIVATE KEY/);
    expect(await listTwoUsers({ certificate: encrypted.replace(/\n/g, "\\n"), privateKeyPassphrase: "correct horse" })).toHaveLength(2);
  });

  test("an encrypted key without or with a wrong passphrase is refused before any request", async () => {
    const encrypted = createPrivateKey(pki.appKey).export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: "right",
    }) as string;
    await expectInputError(env, () => listTwoUsers({ certificate: encrypted }), /^Private Key Passphrase: is empty/);
    await expectInputError(
      env,
      () => listTwoUsers({ certificate: encrypted, privateKeyPassphrase: "wrong" }),
      /^Private Key Passphrase: does not decrypt/,
    );
  });

  test("a key that does not match the certificate, a foreign thumbprint and a certificate pasted as the key are refused before any request", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    await expectInputError(env, () => listTwoUsers({ certificate: other }), /^Certificate: is not the private key of Public Certificate/);
    await expectInputError(
      env,
      () => listTwoUsers({ certificateThumbprint: "00".repeat(20) }),
      /^Certificate Thumbprint: is not the thumbprint of Public Certificate/,
    );
    await expectInputError(env, () => listTwoUsers({ certificate: pki.appCertificate }), /^Certificate: holds no PEM private key/);
    await expectInputError(
      env,
      () => listTwoUsers({ publicCertificate: "", certificateThumbprint: "abc" }),
      /^Certificate Thumbprint: is not a SHA-1/,
    );
  });

  test("Entra's certificate errors surface as connection errors with their AADSTS code and a hint", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { publicCertificate: "", certificateThumbprint: "ab".repeat(20) },
        /AADSTS700027: The certificate with identifier .* is not registered/,
      ],
      [
        { publicCertificate: "", certificate: other },
        /AADSTS700027: Client assertion failed signature validation\. .*upload the certificate/,
      ],
    ];
    for (const [fields, message] of cases) {
      clearTokenProviders();
      const error = await thrown(() => listTwoUsers(fields));
      expect(isConnectionError(error)).toBe(true);
      expect(error.message).toMatch(message);
    }
    clearTokenProviders();
    tokenClock.now = () => Date.now() - 3600_000;
    const stale = await thrown(() => listTwoUsers());
    expect(isConnectionError(stale)).toBe(true);
    expect(stale.message).toMatch(/AADSTS700024: Client assertion is not within its valid time range.*check the clock/);
  });

  test("the emulator answers AADSTS7000274 to an assertion without a key identifier", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
    const claims = Buffer.from(JSON.stringify({ aud: env.emulator.tokenUrl() })).toString("base64url");
    const response = await fetch(env.emulator.tokenUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: env.emulator.app.clientId,
        scope: "https://graph.microsoft.com/.default",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: `${header}.${claims}.c2ln`,
      }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error_codes: number[] }).error_codes).toEqual([7000274]);
  });
});
