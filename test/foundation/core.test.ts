import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  encodeSegment,
  escapeODataString,
  graphPath,
  needsCount,
  needsEventualConsistency,
  odataString,
  parseRetryAfter,
  retryTiming,
  searchClause,
  userPath,
  shouldRetryNetworkError,
  shouldRetryStatus,
} from "../../src/graph";

describe("Retry-After", () => {
  test("seconds", () => expect(parseRetryAfter("7")).toBe(7000));
  test("an HTTP-date", () => {
    const now = Date.parse("Fri, 27 Nov 2026 08:00:00 GMT");
    expect(parseRetryAfter("Fri, 27 Nov 2026 08:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Fri, 27 Nov 2026 07:59:00 GMT", now)).toBe(0);
  });
  test("absent or unreadable", () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("backoff", () => {
  test("doubles from the base, with equal jitter, up to the cap", () => {
    const policy = { ...DEFAULT_RETRY_POLICY };
    expect(backoffDelay(1, policy, () => 0)).toBe(retryTiming.backoffBaseMs / 2);
    expect(backoffDelay(1, policy, () => 0.999)).toBeLessThan(retryTiming.backoffBaseMs);
    expect(backoffDelay(3, policy, () => 0)).toBe(2 * retryTiming.backoffBaseMs);
    expect(backoffDelay(30, policy, () => 1)).toBe(retryTiming.backoffCapMs);
  });
  test("a fixed delay when backoff is off", () => {
    expect(backoffDelay(4, { ...DEFAULT_RETRY_POLICY, useExponentialBackoff: false, retryDelayMs: 250 })).toBe(250);
  });
});

describe("what is retried", () => {
  const policy = DEFAULT_RETRY_POLICY;
  test("429 for every method", () => {
    for (const method of ["GET", "POST", "PATCH", "DELETE"]) expect(shouldRetryStatus(429, method, policy)).toBe(true);
  });
  test("503 and 504 only for idempotent methods unless retryAllErrors", () => {
    expect(shouldRetryStatus(503, "GET", policy)).toBe(true);
    expect(shouldRetryStatus(504, "PUT", policy)).toBe(true);
    expect(shouldRetryStatus(503, "POST", policy)).toBe(false);
    expect(shouldRetryStatus(503, "POST", { ...policy, retryAllErrors: true })).toBe(true);
  });
  test("client errors are not retried, nor 401 even with retryAllErrors", () => {
    expect(shouldRetryStatus(400, "GET", policy)).toBe(false);
    expect(shouldRetryStatus(409, "GET", { ...policy, retryAllErrors: true })).toBe(true);
    expect(shouldRetryStatus(401, "GET", { ...policy, retryAllErrors: true })).toBe(false);
  });
  test("a dropped connection replays only idempotent requests, or ones that were never sent", () => {
    expect(shouldRetryNetworkError("ECONNRESET", "GET")).toBe(true);
    expect(shouldRetryNetworkError("ECONNRESET", "POST")).toBe(false);
    expect(shouldRetryNetworkError("ECONNREFUSED", "POST")).toBe(true);
  });
});

describe("OData and paths", () => {
  test("a quote in a literal doubles", () => {
    expect(escapeODataString("o'brien.example")).toBe("o''brien.example");
    expect(odataString("it's")).toBe("'it''s'");
  });
  test("search clauses are quoted", () => {
    expect(searchClause("displayName", 'say "hi"')).toBe('"displayName:say \\"hi\\""');
  });
  test("path segments cannot escape their place", () => {
    expect(graphPath`/users/${"a/b?c#d"}/manager`).toBe("/users/a%2Fb%3Fc%23d/manager");
    expect(encodeSegment("o'brien@contoso.com")).toBe("o%27brien%40contoso.com");
    expect(() => encodeSegment(" ", "User")).toThrow(/^User: is empty/);
  });
  test("a userPrincipalName starting with $ takes Graph's key form", () => {
    expect(userPath("adele@contoso.com", "/manager")).toBe("/users/adele%40contoso.com/manager");
    expect(userPath("$adele@contoso.com")).toBe("/users(%27%24adele%40contoso.com%27)");
    expect(userPath("$o'brien@contoso.com")).toBe("/users(%27%24o%27%27brien%40contoso.com%27)");
  });
  test("advanced-query detection ignores operators inside string literals", () => {
    expect(needsEventualConsistency({ $filter: "endswith(mail,'@x.com')" })).toBe(true);
    expect(needsEventualConsistency({ $filter: "displayName eq 'not ne'" })).toBe(false);
    expect(needsEventualConsistency({ $search: '"displayName:a"' })).toBe(true);
    expect(needsCount({ $filter: "accountEnabled ne true" })).toBe(true);
  });
});
