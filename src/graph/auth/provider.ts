import { createHash } from "node:crypto";
import { registerSecret } from "../redact";
import { Transport, TransportError, transportFor } from "../transport";
import { CLIENT_ASSERTION_TYPE, CertificateCredential, clientAssertion } from "./assertion";
import { TokenError, tokenErrorFrom } from "./errors";

/** How the component proves who it is at the token endpoint, per connection type. */
export type Grant =
  | { type: "certificate"; credential: CertificateCredential }
  | { type: "password"; username: string; password: string; clientSecret?: string }
  | { type: "refreshToken"; refreshToken: string; clientSecret?: string };

export interface TokenProviderConfig {
  tokenUrl: string;
  clientId: string;
  /** Space-separated scopes. */
  scopes: string;
  grant: Grant;
  transport?: Transport;
  timeoutMs?: number;
  /** A connection-specific hint for an AADSTS code, preferred over the generic one. */
  hint?: (aadsts: number) => string | undefined;
}

/** Clock seam: tests move time forward instead of waiting for a token to expire. */
export const tokenClock = { now: (): number => Date.now() };

/** Renew this long before `expires_in` ends (at most half the lifetime), so no request leaves with a dying token. */
export const REFRESH_MARGIN_SECONDS = 300;
const MAX_PROVIDERS = 500;

interface CachedToken {
  token: string;
  renewAt: number;
}

interface TokenAnswer {
  access_token?: string;
  expires_in?: number | string;
  refresh_token?: string;
}

/**
 * Gets, caches and renews one connection's access token. Concurrent callers share one token request; a rotated
 * refresh token replaces the previous one in memory.
 */
export class TokenProvider {
  private cached?: CachedToken;
  private inflight?: Promise<string>;
  private refreshToken?: string;
  private readonly transport: Transport;
  /** Token requests sent (successful or not). */
  requests = 0;

  constructor(private readonly config: TokenProviderConfig) {
    this.transport = config.transport ?? transportFor();
    if (config.grant.type === "refreshToken") this.refreshToken = config.grant.refreshToken;
  }

  getToken(): Promise<string> {
    if (this.cached && tokenClock.now() < this.cached.renewAt) return Promise.resolve(this.cached.token);
    this.inflight ??= this.requestToken().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Forgets `token` (Graph refused it), so the next caller gets a new one. */
  invalidate(token?: string): void {
    if (!token || this.cached?.token === token) this.cached = undefined;
  }

  private form(): URLSearchParams {
    const { grant, clientId, scopes, tokenUrl } = this.config;
    const form = new URLSearchParams({ client_id: clientId, scope: scopes });
    if (grant.type === "certificate") {
      form.set("grant_type", "client_credentials");
      form.set("client_assertion_type", CLIENT_ASSERTION_TYPE);
      form.set("client_assertion", clientAssertion(grant.credential, clientId, tokenUrl, tokenClock.now()));
      return form;
    }
    if (grant.type === "password") {
      form.set("grant_type", "password");
      form.set("username", grant.username);
      form.set("password", grant.password);
    } else {
      form.set("grant_type", "refresh_token");
      form.set("refresh_token", this.refreshToken ?? grant.refreshToken);
    }
    if (grant.clientSecret) form.set("client_secret", grant.clientSecret);
    return form;
  }

  private async requestToken(): Promise<string> {
    const url = new URL(this.config.tokenUrl);
    const startedAt = tokenClock.now();
    this.requests += 1;
    let status: number;
    let text: string;
    try {
      const response = await this.transport.send({
        method: "POST",
        url,
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: this.form().toString(),
        timeoutMs: this.config.timeoutMs ?? 30_000,
      });
      status = response.status;
      text = response.body.toString("utf8");
    } catch (error) {
      const code = error instanceof TransportError ? error.code : "ERROR";
      throw new TokenError(`The token request to ${url.origin} got no answer (${code}): ${(error as Error).message}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const answer = (body ?? {}) as TokenAnswer;
    if (status >= 400 || typeof answer.access_token !== "string") throw tokenErrorFrom(status, body, this.config.hint);
    registerSecret(answer.access_token);
    if (answer.refresh_token) {
      registerSecret(answer.refresh_token);
      this.refreshToken = answer.refresh_token;
    }
    const lifetime = Number(answer.expires_in) > 0 ? Number(answer.expires_in) : 3600;
    const margin = Math.min(REFRESH_MARGIN_SECONDS, lifetime / 2);
    this.cached = { token: answer.access_token, renewAt: startedAt + (lifetime - margin) * 1000 };
    return answer.access_token;
  }
}

const providers = new Map<string, TokenProvider>();

/**
 * The provider for one connection's credentials, kept for the life of the process so every action (and every
 * concurrent request) of that connection shares its token. `identity` lists everything the token depends on.
 */
export function tokenProviderFor(identity: unknown[], create: () => TokenProviderConfig): TokenProvider {
  const key = createHash("sha256").update(JSON.stringify(identity)).digest("base64url");
  let provider = providers.get(key);
  if (!provider) {
    provider = new TokenProvider(create());
    if (providers.size >= MAX_PROVIDERS) providers.delete(providers.keys().next().value as string);
    providers.set(key, provider);
  }
  return provider;
}

/** Forgets every cached provider and token (tests). */
export function clearTokenProviders(): void {
  providers.clear();
}
