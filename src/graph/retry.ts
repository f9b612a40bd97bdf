/** Timing knobs shared by every client. Tests shrink `scale` so backoff waits take milliseconds. */
export const retryTiming = {
  /** Multiplies every computed wait (Retry-After and backoff). 1 in production. */
  scale: 1,
  /** First backoff step when Graph gives no Retry-After. */
  backoffBaseMs: 1000,
  /** Largest single backoff step. */
  backoffCapMs: 32_000,
  /** A Retry-After longer than this is not waited out: the error is surfaced instead. */
  maxSingleWaitMs: 120_000,
  /** Total time one request may spend waiting between attempts. */
  maxTotalWaitMs: 300_000,
};

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Fixed wait between attempts when Graph sends no Retry-After and backoff is off; 0 means "use backoff". */
  retryDelayMs: number;
  useExponentialBackoff: boolean;
  /** Retry any error status, and 5xx for non-idempotent methods too. Never replays a non-idempotent request after a dropped connection. */
  retryAllErrors: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  retryDelayMs: 0,
  useExponentialBackoff: true,
  retryAllErrors: false,
};

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const THROTTLE_STATUSES = new Set([429, 503, 504]);
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Network failures where the request never reached the server, so replaying cannot duplicate it. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** Should an HTTP error status be retried? 429 always; other transient statuses for idempotent methods, or for any with retryAllErrors. */
export function shouldRetryStatus(status: number, method: string, policy: RetryPolicy): boolean {
  if (status === 429) return true;
  if (policy.retryAllErrors) return status >= 400 && status !== 401 && status !== 403;
  return isIdempotent(method) && TRANSIENT_STATUSES.has(status);
}

/** Should a request that got no answer be replayed? Only if it is idempotent, or provably never sent. */
export function shouldRetryNetworkError(code: string, method: string): boolean {
  return isIdempotent(method) || NOT_SENT_CODES.has(code);
}

export function isThrottleStatus(status: number): boolean {
  return THROTTLE_STATUSES.has(status);
}

/** Parses Retry-After as delta-seconds or an HTTP-date; returns milliseconds, or undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Wait before retry number `attempt` (1-based) when the server gave no Retry-After. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  if (!policy.useExponentialBackoff && policy.retryDelayMs > 0) return policy.retryDelayMs;
  const base = policy.retryDelayMs > 0 ? policy.retryDelayMs : retryTiming.backoffBaseMs;
  const ceiling = Math.min(retryTiming.backoffCapMs, base * 2 ** (attempt - 1));
  // "Equal jitter": at least half the step, so clients that were throttled together spread out without retrying at once.
  return ceiling / 2 + random() * (ceiling / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
