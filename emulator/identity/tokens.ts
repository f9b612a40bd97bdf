import { randomBytes } from "node:crypto";

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
}

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

  issueAccessToken(info: Omit<TokenInfo, "token" | "expiresAt">, lifetimeSeconds = this.lifetimeSeconds): TokenInfo {
    // Shaped like a JWT (three dot-separated parts) so redaction is tested against realistic text.
    const token = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${randomBytes(48).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
    const full: TokenInfo = { ...info, token, expiresAt: Date.now() + lifetimeSeconds * 1000 };
    this.tokens.set(token, full);
    return full;
  }

  issueRefreshToken(info: Omit<RefreshInfo, "revoked">): string {
    const token = opaque("0.AR8A");
    this.refreshTokens.set(token, { ...info, revoked: false });
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

  refresh(token: string): RefreshInfo | "revoked" | "unknown" {
    const info = this.refreshTokens.get(token);
    if (!info) return "unknown";
    return info.revoked ? "revoked" : info;
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
