import { X509Certificate } from "node:crypto";
import { createConnection } from "@prismatic-io/spectral/dist/testing";
import type { Connection } from "@prismatic-io/spectral";
import { certificateCredentials, passwordGrant, refreshToken } from "../../src/connections";
import type { Emulator } from "../../emulator";
import { clearTokenProviders, tokenClock } from "../../src/graph";
import { pki } from "./network";
import { TestEnv, startTestEnv } from "./setup";

/** The inputs every connection that gets its own tokens shares, pointed at the emulator. */
function tenantApp(emulator: Emulator): Record<string, unknown> {
  return {
    baseUrl: emulator.url,
    entraIdEndpoint: emulator.url,
    tenant: emulator.app.tenantId,
    clientId: emulator.app.clientId,
  };
}

/** A certificate connection with the test app certificate (register it on the emulator first). */
export function certificateConnection(emulator: Emulator, fields: Record<string, unknown> = {}): Connection {
  return createConnection(certificateCredentials, {
    ...tenantApp(emulator),
    certificate: pki.appKey,
    certificateThumbprint: thumbprintOf(pki.appCertificate),
    publicCertificate: pki.appCertificate,
    scopes: "https://graph.microsoft.com/.default",
    ...fields,
  });
}

export function passwordConnection(emulator: Emulator, fields: Record<string, unknown> = {}): Connection {
  const user = emulator.directory.users[0];
  return createConnection(passwordGrant, {
    ...tenantApp(emulator),
    username: user?.userPrincipalName,
    password: emulator.tokens.passwordOf(user?.userPrincipalName ?? ""),
    scopes: "https://graph.microsoft.com/User.Read.All",
    ...fields,
  });
}

export function refreshTokenConnection(emulator: Emulator, token: string, fields: Record<string, unknown> = {}): Connection {
  return createConnection(refreshToken, {
    ...tenantApp(emulator),
    refreshToken: token,
    scopes: "https://graph.microsoft.com/.default offline_access",
    ...fields,
  });
}

/** A refresh token for the emulator's first user, as an authorization-code sign-in would have given. */
export function issueRefreshToken(emulator: Emulator): string {
  return emulator.tokens.issueRefreshToken({
    clientId: emulator.app.clientId,
    tenantId: emulator.app.tenantId,
    scopes: ["https://graph.microsoft.com/User.Read.All", "offline_access"],
    userId: emulator.directory.users[0]?.id ?? undefined,
  });
}

/** The SHA-1 thumbprint the Azure portal shows for a certificate (upper-case hex). */
export function thumbprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint.replace(/:/g, "");
}

/** Token requests the emulator received, as parsed forms. */
export function tokenRequests(emulator: Emulator): URLSearchParams[] {
  return emulator.requestsTo("/oauth2/v2.0/token", "POST").map((r) => new URLSearchParams(r.body));
}

/** Runs `run` and returns what it threw (failing the test if nothing was thrown). */
export async function thrown(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error, but none was thrown");
}

/**
 * Registers the hooks the connection suites share: an emulator (its app has the certificate registered), and before each
 * test no cached token, an empty request log and the real clock. Read `ref.env` inside tests.
 */
export function useConnectionEnv(): { env: TestEnv } {
  const ref = {} as { env: TestEnv };
  const realNow = tokenClock.now;
  beforeAll(async () => {
    ref.env = await startTestEnv({ userCount: 5 });
  });
  afterAll(() => ref.env.emulator.close());
  beforeEach(() => {
    clearTokenProviders();
    ref.env.emulator.requests.length = 0;
    ref.env.emulator.tokens.allowPublicClient = true;
    tokenClock.now = realNow;
  });
  return ref;
}
