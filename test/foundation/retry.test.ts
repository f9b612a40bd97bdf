import { json } from "../../emulator/kernel/http";
import { retryTiming } from "../../src/graph";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

let env: TestEnv;
let echoCalls = 0;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 10 });
  env.emulator.router.graph("POST", "/echo", (ctx) => {
    echoCalls += 1;
    return json(201, { received: ctx.body ?? ctx.rawBody.toString("utf8"), contentType: ctx.headers["content-type"] });
  });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
  env.emulator.faults.clear();
  echoCalls = 0;
  retryTiming.scale = 0.01;
});

function raw(params: Record<string, unknown>) {
  return env.harness.action("rawRequest", { connection: env.connection, ...params });
}

test("429 then 200 on GET: Retry-After is honoured in real time", async () => {
  retryTiming.scale = 1;
  env.emulator.faults.throttle(1, "1", "/v1.0/users");
  const started = Date.now();
  const result = await raw({ url: "/users", queryParams: [{ key: "$top", value: "2" }] });
  const waited = Date.now() - started;
  expect(dataOf<{ value: unknown[] }>(result).value).toHaveLength(2);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(2);
  expect(waited).toBeGreaterThanOrEqual(950);
});

test("429 then 201 on POST: retried once (a throttled request was not processed), after Retry-After", async () => {
  retryTiming.scale = 1;
  env.emulator.faults.throttle(1, "1", "/v1.0/echo");
  const started = Date.now();
  const result = await raw({ url: "/echo", method: "POST", data: '{"displayName":"x"}' });
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  expect(dataOf<{ received: unknown }>(result).received).toEqual({ displayName: "x" });
  expect(echoCalls).toBe(1);
  expect(env.emulator.requestsTo("/v1.0/echo", "POST")).toHaveLength(2);
});

test("Retry-After given as an HTTP-date is honoured", async () => {
  retryTiming.scale = 1;
  env.emulator.faults.throttle(1, new Date(Date.now() + 2000).toUTCString(), "/v1.0/users");
  const started = Date.now();
  await raw({ url: "/users" });
  // HTTP-dates have whole-second precision: the wait is between 1 and 2 seconds.
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(2);
});

test("503 without Retry-After backs off exponentially and recovers on GET", async () => {
  env.emulator.faults.add({ kind: "status", status: 503, path: "/v1.0/users", times: 2 });
  const result = await raw({ url: "/users", queryParams: [{ key: "$top", value: "1" }] });
  expect(dataOf<{ value: unknown[] }>(result).value).toHaveLength(1);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(3);
});

test("a 503 on POST is not retried without Retry On All Errors", async () => {
  env.emulator.faults.add({ kind: "status", status: 503, path: "/v1.0/echo", times: 1 });
  await expect(raw({ url: "/echo", method: "POST", data: "{}" })).rejects.toThrow(/503 serviceNotAvailable/);
  expect(env.emulator.requestsTo("/v1.0/echo")).toHaveLength(1);
  expect(echoCalls).toBe(0);
});

test("a 503 on POST is retried when Retry On All Errors is on", async () => {
  env.emulator.faults.add({ kind: "status", status: 503, path: "/v1.0/echo", times: 1 });
  await raw({ url: "/echo", method: "POST", data: "{}", retryAllErrors: "true" });
  expect(env.emulator.requestsTo("/v1.0/echo")).toHaveLength(2);
  expect(echoCalls).toBe(1);
});

test("a POST whose connection dropped after it was processed is never replayed, even with Retry On All Errors", async () => {
  env.emulator.faults.add({ kind: "drop", when: "after", path: "/v1.0/echo" });
  await expect(raw({ url: "/echo", method: "POST", data: "{}", retryAllErrors: "true" })).rejects.toThrow(
    /failed without an answer.*ECONNRESET|socket hang up/,
  );
  expect(echoCalls).toBe(1);
  expect(env.emulator.requestsTo("/v1.0/echo")).toHaveLength(1);
});

test("a GET whose connection dropped is replayed", async () => {
  env.emulator.faults.add({ kind: "drop", path: "/v1.0/users" });
  const result = await raw({ url: "/users", queryParams: [{ key: "$top", value: "1" }] });
  expect(dataOf<{ value: unknown[] }>(result).value).toHaveLength(1);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(2);
});

test("Max Retry Count 0 surfaces the 429 with Graph's code and request-id", async () => {
  env.emulator.faults.throttle(1, "1", "/v1.0/users");
  await expect(raw({ url: "/users", maxRetries: "0" })).rejects.toThrow(/429 TooManyRequests: .*request-id: [0-9a-f-]{36}/);
});

test("a Retry-After beyond the wait cap is surfaced at once instead of stalling the flow", async () => {
  env.emulator.faults.throttle(1, "3600", "/v1.0/users");
  retryTiming.scale = 1;
  const started = Date.now();
  await expect(raw({ url: "/users" })).rejects.toMatchObject({
    status: 429,
    retryAfterSeconds: 3600,
    message: expect.stringMatching(/429 TooManyRequests: .*, Retry-After: 3600 s\)$/),
  });
  expect(Date.now() - started).toBeLessThan(2000);
});

test("a slow answer beyond Timeout fails the attempt, and a GET is tried again", async () => {
  env.emulator.faults.add({ kind: "slow", delayMs: 400, path: "/v1.0/users" });
  const result = await raw({ url: "/users", timeout: "150", queryParams: [{ key: "$top", value: "1" }] });
  expect(dataOf<{ value: unknown[] }>(result).value).toHaveLength(1);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(2);
});
