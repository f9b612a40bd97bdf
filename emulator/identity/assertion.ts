import { constants, verify } from "node:crypto";
import type { RequestContext } from "../kernel/router";
import type { Reply } from "../kernel/http";
import { aadError } from "./aad";

const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/** Entra's tolerance for clock skew on nbf and exp. */
const SKEW_SECONDS = 300;

interface AssertionHeader {
  alg?: string;
  x5t?: string;
  "x5t#S256"?: string;
}

interface AssertionClaims {
  aud?: string;
  iss?: string;
  sub?: string;
  jti?: string;
  nbf?: number;
  exp?: number;
}

function decodePart<T>(part: string | undefined): T | undefined {
  try {
    return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8")) as T;
  } catch {
    return undefined;
  }
}

/**
 * Checks a client assertion as Entra does: a JWT signed by a certificate registered on the app (found by its `x5t` or
 * `x5t#S256` header), whose `aud` is this token endpoint, `iss` and `sub` the client, and lifetime includes now.
 * Returns an error reply, or undefined when the assertion proves the client.
 */
export function checkClientAssertion(ctx: RequestContext, body: URLSearchParams, clientId: string): Reply | undefined {
  // Scheme aside (a TLS front in tests forwards plain HTTP), the audience is the URL this request came to.
  const tokenUrl = `${ctx.url.host}${ctx.url.pathname}`;
  const app = ctx.emulator.app.clientId;
  if (body.get("client_assertion_type") !== CLIENT_ASSERTION_TYPE) {
    return aadError(ctx, 400, "invalid_request", 50027, `client_assertion_type must be '${CLIENT_ASSERTION_TYPE}'.`);
  }
  const parts = (body.get("client_assertion") ?? "").split(".");
  const header = decodePart<AssertionHeader>(parts[0]);
  const claims = decodePart<AssertionClaims>(parts[1]);
  if (parts.length !== 3 || !header || !claims) {
    return aadError(ctx, 400, "invalid_request", 50027, "JWT token is invalid or malformed.");
  }
  const keyId = header["x5t#S256"] ?? header.x5t;
  if (!keyId) {
    return aadError(
      ctx,
      401,
      "invalid_client",
      7000274,
      "The client assertion has no key identifier: neither 'x5t' nor 'x5t#S256' is in its header.",
    );
  }
  const registered = ctx.emulator.tokens.certificates.find((c) =>
    header["x5t#S256"] ? c.x5tS256 === header["x5t#S256"] : c.x5t === header.x5t,
  );
  if (!registered) {
    return aadError(
      ctx,
      401,
      "invalid_client",
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${keyId}', Please visit the Azure Portal to see configured keys for app Id '${app}'.]`,
    );
  }
  const algorithm = header.alg === "PS256" ? "PS256" : header.alg === "RS256" ? "RS256" : undefined;
  const data = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2] ?? "", "base64url");
  const key = registered.certificate.publicKey;
  const valid =
    algorithm === "PS256"
      ? verify("sha256", data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, signature)
      : algorithm === "RS256"
        ? verify("sha256", data, key, signature)
        : false;
  if (!valid) {
    return aadError(ctx, 401, "invalid_client", 700027, "Client assertion failed signature validation.");
  }
  if (typeof claims.aud !== "string" || claims.aud.replace(/^https?:\/\//, "") !== tokenUrl) {
    return aadError(
      ctx,
      401,
      "invalid_client",
      700027,
      `Client assertion contains an invalid audience '${String(claims.aud)}'; expected this token endpoint.`,
    );
  }
  if (claims.iss !== clientId || claims.sub !== clientId) {
    return aadError(ctx, 401, "invalid_client", 700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
  }
  const now = Math.floor(Date.now() / 1000);
  if (
    typeof claims.exp !== "number" ||
    typeof claims.nbf !== "number" ||
    now > claims.exp + SKEW_SECONDS ||
    now < claims.nbf - SKEW_SECONDS
  ) {
    return aadError(
      ctx,
      401,
      "invalid_client",
      700024,
      `Client assertion is not within its valid time range. Current time: ${new Date(now * 1000).toISOString()}, assertion valid from ${new Date((claims.nbf ?? 0) * 1000).toISOString()}, expiry time of assertion ${new Date((claims.exp ?? 0) * 1000).toISOString()}.`,
    );
  }
  return undefined;
}
