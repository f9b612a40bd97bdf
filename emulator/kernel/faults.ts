import { seededRandom } from "./random";

export type FaultKind = "status" | "drop" | "slow";

export interface FaultRule {
  kind: FaultKind;
  /** Only requests with this method (any if absent). */
  method?: string;
  /** Matched against the URL path (e.g. "/v1.0/users"): a substring, or a RegExp. Any path if absent. */
  path?: string | RegExp;
  /** For "status": the status to answer (429, 503, ...). */
  status?: number;
  /** Retry-After header value, seconds or an HTTP-date. */
  retryAfter?: string;
  /** Graph error code for "status" faults. */
  code?: string;
  /** For "slow": delay before the normal answer. */
  delayMs?: number;
  /** For "drop": drop the connection before handling (nothing done) or after handling (done, but no answer). */
  when?: "before" | "after";
  /** How many requests this rule hits; Infinity for every one. Default 1. */
  times?: number;
  /** Chance (0..1) that a matching request is hit, drawn from a seeded generator. Default 1. */
  probability?: number;
}

export interface ActiveFault extends FaultRule {
  hits: number;
}

/** Faults switched on per test: throttling, outages, slow answers, dropped connections. */
export class FaultInjector {
  private rules: ActiveFault[] = [];
  private random = seededRandom(42);

  add(rule: FaultRule): ActiveFault {
    const active: ActiveFault = { times: 1, probability: 1, ...rule, hits: 0 };
    this.rules.push(active);
    return active;
  }

  /** Shorthand: the next `times` matching requests answer 429 with this Retry-After. */
  throttle(times = 1, retryAfter = "1", path?: string | RegExp): ActiveFault {
    return this.add({ kind: "status", status: 429, retryAfter, times, path, code: "TooManyRequests" });
  }

  /** Removes every rule and restarts the probability draws (from `seed`, 42 unless given). */
  clear(seed = 42): void {
    this.rules = [];
    this.random = seededRandom(seed);
  }

  /** The fault that applies to this request, if any (and counts the hit). */
  take(method: string, path: string): ActiveFault | undefined {
    for (const rule of this.rules) {
      if (rule.hits >= (rule.times ?? 1)) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path && !(typeof rule.path === "string" ? path.includes(rule.path) : rule.path.test(path))) continue;
      if ((rule.probability ?? 1) < 1 && this.random() >= (rule.probability ?? 1)) continue;
      rule.hits += 1;
      return rule;
    }
    return undefined;
  }
}
