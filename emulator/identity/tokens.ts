import { X509Certificate, createHash, randomBytes } from "node:crypto";

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
  scopes: string[];
  /** Signed-in user for delegated tokens. */
  userId?: string;
  expiresAt: number;
}

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

function opaque(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

/** Access tokens, refresh tokens and authorization codes the emulator has issued. */
export class TokenStore {
  private readonly tokens = new Map<string, TokenInfo>();
  private readonly refreshTokens = new Map<string, RefreshInfo>();
  private readonly codes = new Map<string, CodeInfo>();
  private readonly redeemedCodes = new Set<string>();
  lifetimeSeconds = 3599;
  /** The app's certificate credentials (Certificates & secrets > Certificates). */
  readonly certificates: RegisteredCertificate[] = [];
  /** Sign-in settings per user principal name (lower case). */
  readonly passwords = new Map<string, string>();
  /** Users whose Conditional Access requires MFA (AADSTS50076) or who must first register for it (AADSTS50079). */
  readonly mfaRequired = new Set<string>();
  readonly mfaRegistrationRequired = new Set<string>();
  /** 'Allow public client flows': password and refresh-token grants without a client credential. */
  allowPublicClient = true;

  registerCertificate(pem: string): RegisteredCertificate {
    const certificate = new X509Certificate(pem);
    const registered = {
      certificate,
      x5t: createHash("sha1").update(certificate.raw).digest("base64url"),
      x5tS256: createHash("sha256").update(certificate.raw).digest("base64url"),
    };
    this.certificates.push(registered);
    return registered;
  }

  passwordOf(userPrincipalName: string): string {
    return this.passwords.get(userPrincipalName.toLowerCase()) ?? EMULATOR_USER_PASSWORD;
  }

  issueAccessToken(info: Omit<TokenInfo, "token" | "expiresAt">, lifetimeSeconds = this.lifetimeSeconds): TokenInfo {
    // Shaped like a JWT (three dot-separated parts) so redaction is tested against realistic text.
    const token = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${randomBytes(48).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
    const full: TokenInfo = { ...info, token, expiresAt: Date.now() + lifetimeSeconds * 1000 };
    this.tokens.set(token, full);
    return full;
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
