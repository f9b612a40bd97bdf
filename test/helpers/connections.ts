import { X509Certificate } from "node:crypto";
import { createConnection } from "@prismatic-io/spectral/dist/testing";
import type { Connection } from "@prismatic-io/spectral";
import { certificateCredentials, passwordGrant, refreshToken } from "../../src/connections";
import type { Emulator } from "../../emulator";
import { pki } from "./network";

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
