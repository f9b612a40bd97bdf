/**
 * What an access token says about itself, read from its JWT claims: who it is for and what it may do.
 * Only claims are kept; the token itself never leaves this function.
 */
export interface TokenClaims {
  /** `application` for app-only tokens (roles), `delegated` for a signed-in user (scp). */
  kind?: "application" | "delegated";
  tenantId?: string;
  appId?: string;
  appName?: string;
  /** The signed-in user's object id (delegated tokens). */
  userId?: string;
  /** The signed-in user's sign-in name (delegated tokens). */
  user?: string;
  /** App roles (application permissions) the token holds. */
  roles: string[];
  /** Scopes (delegated permissions) the token holds. */
  scopes: string[];
  audience?: string;
  /** ISO date-time the token expires. */
  expiresAt?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function isoFromEpoch(value: unknown): string | undefined {
  return typeof value === "number" && Number.isFinite(value) ? new Date(value * 1000).toISOString() : undefined;
}

/** Decodes a JWT access token's claims; undefined for a token that is not a JWT (opaque or encrypted tokens). */
export function readTokenClaims(token: string | undefined): TokenClaims | undefined {
  const parts = (token ?? "").replace(/^Bearer\s+/i, "").split(".");
  if (parts.length !== 3) return undefined;
  let claims: Record<string, unknown>;
  try {
    const decoded = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as unknown;
    if (!decoded || typeof decoded !== "object" || Array.isArray(decoded)) return undefined;
    claims = decoded as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [];
  const scopes = (text(claims.scp) ?? "").split(" ").filter(Boolean);
  // Entra marks app-only tokens with idtyp "app"; a token with scopes acts for a user.
  const kind =
    scopes.length > 0 || claims.idtyp === "user" ? "delegated" : roles.length > 0 || claims.idtyp === "app" ? "application" : undefined;
  return {
    kind,
    tenantId: text(claims.tid),
    appId: text(claims.appid) ?? text(claims.azp),
    appName: text(claims.app_displayname),
    userId: kind === "delegated" ? text(claims.oid) : undefined,
    user: kind === "delegated" ? (text(claims.upn) ?? text(claims.preferred_username) ?? text(claims.unique_name)) : undefined,
    roles,
    scopes,
    audience: text(claims.aud),
    expiresAt: isoFromEpoch(claims.exp),
  };
}
