import { X509Certificate, createHash, randomBytes } from "node:crypto";
import { EMULATOR_APP_CERTIFICATE } from "./appCertificate";

export interface AppRegistration {
  tenantId: string;
  tenantDomain: string;
  clientId: string;
  clientSecret: string;
  /** The secret's ID, which admins often paste by mistake. */
  clientSecretId: string;
  displayName: string;
}

export interface TokenInfo {
  token: string;
  kind: "app" | "delegated";
  clientId: string;
  tenantId: string;
  /** The scopes the token was requested with (`https://graph.microsoft.com/.default`, ...). */
  scopes: string[];
  /** Signed-in user for delegated tokens. */
  userId?: string;
  /** App roles (application permissions) in the `roles` claim of an app-only token; default: what the app was granted. */
  roles?: string[];
  /** Delegated permissions in the `scp` claim of a user's token; default: what the user was granted. */
  scp?: string[];
  expiresAt: number;
}

export type PermissionKind = "application" | "delegated";

interface RefreshInfo {
  clientId: string;
  tenantId: string;
  scopes: string[];
  userId?: string;
  revoked: boolean;
  /** Entra lets a refresh token lapse after 90 days without use. */
  expiresAt: number;
}

/** A certificate uploaded to the app registration, found by either thumbprint header. */
export interface RegisteredCertificate {
  certificate: X509Certificate;
  /** base64url SHA-1 of the DER (the `x5t` header). */
  x5t: string;
  /** base64url SHA-256 of the DER (the `x5t#S256` header). */
  x5tS256: string;
}

function registeredCertificate(pem: string): RegisteredCertificate {
  const certificate = new X509Certificate(pem);
  return {
    certificate,
    x5t: createHash("sha1").update(certificate.raw).digest("base64url"),
    x5tS256: createHash("sha256").update(certificate.raw).digest("base64url"),
  };
}

/** The password every seeded user signs in with, unless a test sets another. */
export const EMULATOR_USER_PASSWORD = "Emulator-Passw0rd!";
const REFRESH_INACTIVITY_MS = 90 * 24 * 3600 * 1000;

interface CodeInfo {
  clientId: string;
  tenantId: string;
  redirectUri: string;
  scopes: string[];
  userId?: string;
  expiresAt: number;
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function opaque(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

/** Access tokens, refresh tokens and authorization codes the emulator has issued. */
export class TokenStore {
  private readonly tokens = new Map<string, TokenInfo>();
  private readonly refreshTokens = new Map<string, RefreshInfo>();
  private readonly codes = new Map<string, CodeInfo>();
  private readonly redeemedCodes = new Set<string>();
  private readonly appRoles = new Map<string, string[]>();
  private readonly userScopes = new Map<string, string[]>();
  lifetimeSeconds = 3599;
  /** The app's certificate credentials (Certificates & secrets > Certificates); push to register another. */
  readonly certificates: RegisteredCertificate[] = [registeredCertificate(EMULATOR_APP_CERTIFICATE.certificate)];
  /** Sign-in settings per user principal name (lower case). */
  readonly passwords = new Map<string, string>();
  /** Users whose Conditional Access requires MFA (AADSTS50076) or who must first register for it (AADSTS50079). */
  readonly mfaRequired = new Set<string>();
  readonly mfaRegistrationRequired = new Set<string>();
  /** 'Allow public client flows': password and refresh-token grants without a client credential. */
  allowPublicClient = true;

  passwordOf(userPrincipalName: string): string {
    return this.passwords.get(userPrincipalName.toLowerCase()) ?? EMULATOR_USER_PASSWORD;
  }

  /** Every permission the routes declare: what an app or user holds unless granted otherwise. */
  everyPermission: (kind: PermissionKind) => string[] = () => [];
  /** The registered app's display name, for the `app_displayname` claim. */
  appDisplayNameOf: (clientId: string) => string | undefined = () => undefined;
  /** The userPrincipalName of a directory user, for the `upn` claim. */
  userPrincipalNameOf: (userId: string) => string | undefined = () => undefined;

  /** Sets the application permissions an app's tokens carry (undefined: back to every permission). */
  grantAppRoles(clientId: string, roles: string[] | undefined): void {
    if (roles) this.appRoles.set(clientId, roles);
    else this.appRoles.delete(clientId);
  }

  /** Sets the delegated permissions a user's tokens carry (undefined: back to every permission). */
  grantUserScopes(userId: string, scopes: string[] | undefined): void {
    if (scopes) this.userScopes.set(userId, scopes);
    else this.userScopes.delete(userId);
  }

  issueAccessToken(info: Omit<TokenInfo, "token" | "expiresAt">, lifetimeSeconds = this.lifetimeSeconds): TokenInfo {
    const expiresAt = Date.now() + lifetimeSeconds * 1000;
    const granted =
      info.kind === "app"
        ? { roles: info.roles ?? this.appRoles.get(info.clientId) ?? this.everyPermission("application") }
        : { scp: info.scp ?? (info.userId ? this.userScopes.get(info.userId) : undefined) ?? this.everyPermission("delegated") };
    const full: TokenInfo = { ...info, ...granted, token: "", expiresAt };
    full.token = this.signedJwt(full);
    this.tokens.set(full.token, full);
    return full;
  }

  /** A JWT shaped like Entra's v1 Graph access tokens; the signature is random, as only this store validates it. */
  private signedJwt(info: TokenInfo): string {
    const now = Math.floor(Date.now() / 1000);
    const upn = info.userId ? this.userPrincipalNameOf(info.userId) : undefined;
    const claims = {
      aud: "https://graph.microsoft.com",
      iss: `https://sts.windows.net/${info.tenantId}/`,
      iat: now,
      nbf: now,
      exp: Math.floor(info.expiresAt / 1000),
      appid: info.clientId,
      app_displayname: this.appDisplayNameOf(info.clientId),
      idtyp: info.kind === "app" ? "app" : "user",
      oid: info.kind === "app" ? info.clientId : info.userId,
      tid: info.tenantId,
      uti: randomBytes(16).toString("base64url"),
      ver: "1.0",
      ...(info.kind === "app" ? { roles: info.roles } : { scp: (info.scp ?? []).join(" "), upn, unique_name: upn }),
    };
    return `${base64urlJson({ typ: "JWT", alg: "RS256", kid: "emulator" })}.${base64urlJson(claims)}.${randomBytes(64).toString("base64url")}`;
  }

  issueRefreshToken(info: Omit<RefreshInfo, "revoked" | "expiresAt">): string {
    const token = opaque("0.AR8A");
    this.refreshTokens.set(token, { ...info, revoked: false, expiresAt: Date.now() + REFRESH_INACTIVITY_MS });
    return token;
  }

  issueCode(info: Omit<CodeInfo, "expiresAt">, lifetimeSeconds = 600): string {
    const code = opaque("M.C5_BAY.");
    this.codes.set(code, { ...info, expiresAt: Date.now() + lifetimeSeconds * 1000 });
    return code;
  }

  lookup(token: string): TokenInfo | undefined {
    return this.tokens.get(token);
  }

  /** Redeems a code once; a second use, an expired or an unknown code answers the reason instead. */
  redeemCode(code: string): CodeInfo | "expired" | "redeemed" | "unknown" {
    const info = this.codes.get(code);
    if (!info) return this.redeemedCodes.has(code) ? "redeemed" : "unknown";
    this.codes.delete(code);
    if (info.expiresAt < Date.now()) return "expired";
    this.redeemedCodes.add(code);
    return info;
  }

  refresh(token: string): RefreshInfo | "revoked" | "expired" | "unknown" {
    const info = this.refreshTokens.get(token);
    if (!info) return "unknown";
    if (info.revoked) return "revoked";
    return info.expiresAt < Date.now() ? "expired" : info;
  }

  /** Makes every refresh token lapse, as after 90 days without use. */
  expireRefreshTokens(): void {
    for (const info of this.refreshTokens.values()) info.expiresAt = Date.now() - 1000;
  }

  /** Makes every access token (or one) expired, as if an hour had passed. */
  expireAccessTokens(token?: string): void {
    for (const info of this.tokens.values()) {
      if (!token || info.token === token) info.expiresAt = Date.now() - 1000;
    }
  }

  expireCodes(): void {
    for (const info of this.codes.values()) info.expiresAt = Date.now() - 1000;
  }

  revokeRefreshTokens(): void {
    for (const info of this.refreshTokens.values()) info.revoked = true;
  }
}
