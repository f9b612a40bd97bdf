import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../src/client";
import { BatchRequestItem, GraphClient, GraphError, InputError, retryTiming, runBatch } from "../../src/graph";
import { batchState } from "../../emulator/areas/batch/routes";
import { TestEnv, expectInputError, fastRetries, startTestEnv } from "../helpers/setup";

let env: TestEnv;
let client: GraphClient;

beforeAll(async () => {
  env = await startTestEnv({ userCount: 60 });
  client = createGraphClient(env.connection);
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.faults.clear();
  env.emulator.requests.length = 0;
  batchState(env.emulator).log.length = 0;
  fastRetries();
});

const users = (): User[] => env.emulator.directory.users;

function lookups(count: number, offset = 0): BatchRequestItem[] {
  return users()
    .slice(offset, offset + count)
    .map((u, i) => ({ id: `u${i}`, method: "GET", url: `/users/${u.id}?$select=id,userPrincipalName` }));
}

function batchBodies(): { requests: BatchRequestItem[] }[] {
  return env.emulator.requestsTo("/$batch", "POST").map((r) => JSON.parse(r.body) as { requests: BatchRequestItem[] });
}

/** How many times the emulator executed each sub-request id (excluding injected faults and 424s). */
function executions(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of batchState(env.emulator).log) {
    if (entry.status === 429 || entry.status === 503 || entry.status === 424) continue;
    counts.set(entry.id, (counts.get(entry.id) ?? 0) + 1);
  }
  return counts;
}

test("splits 45 requests into $batch calls of 20, 20 and 5 and answers in the caller's order", async () => {
  const requests = lookups(45);
  const results = await runBatch(client, requests);
  expect(batchBodies().map((b) => b.requests.length)).toEqual([20, 20, 5]);
  expect(results.map((r) => r.id)).toEqual(requests.map((r) => r.id));
  expect(results.map((r) => (r.body as User).id)).toEqual(
    users()
      .slice(0, 45)
      .map((u) => u.id),
  );
  expect(results.every((r) => r.status === 200)).toBe(true);
  expect(results[0]?.headers["Content-Type"]).toMatch(/application\/json/);
});

test("the emulator answers in a shuffled order, and the runner restores the caller's order", async () => {
  const requests = lookups(20);
  const raw = await client.post<{ responses: { id: string }[] }>("$batch", { requests });
  expect(raw.responses.map((r) => r.id)).not.toEqual(requests.map((r) => r.id));
  const results = await runBatch(client, requests);
  expect(results.map((r) => r.id)).toEqual(requests.map((r) => r.id));
});

test("keeps a dependsOn chain in one $batch call even when it does not fit the current one", async () => {
  const requests = lookups(19);
  const [a, b, c] = users().slice(30, 33);
  requests.push(
    { id: "a", method: "GET", url: `/users/${a.id}` },
    { id: "b", method: "GET", url: `/users/${b.id}`, dependsOn: ["a"] },
    { id: "c", method: "GET", url: `/users/${c.id}`, dependsOn: ["b"] },
  );
  const results = await runBatch(client, requests);
  const bodies = batchBodies();
  expect(bodies.map((x) => x.requests.length)).toEqual([19, 3]);
  expect(bodies[1]?.requests.map((r) => [r.id, r.dependsOn])).toEqual([
    ["a", undefined],
    ["b", ["a"]],
    ["c", ["b"]],
  ]);
  expect(results.slice(19).map((r) => (r.body as User).id)).toEqual([a.id, b.id, c.id]);
});

test("a dependsOn chain goes in a $batch call of its own, dependencies first, since Graph refuses a mix", async () => {
  const [a, b] = users().slice(30, 32);
  const requests: BatchRequestItem[] = [
    { id: "second", method: "GET", url: `/users/${b.id}`, dependsOn: ["first"] },
    ...lookups(5),
    { id: "first", method: "GET", url: `/users/${a.id}` },
  ];
  const results = await runBatch(client, requests);
  expect(batchBodies().map((x) => x.requests.map((r) => r.id))).toEqual([
    ["u0", "u1", "u2", "u3", "u4"],
    ["first", "second"],
  ]);
  expect(results.map((r) => r.status)).toEqual(Array(7).fill(200));
  expect((results[0]?.body as User).id).toBe(b.id);
});

test("a chain that would start from two requests is refused before sending anything", async () => {
  const error = await expectInputError(
    env,
    () =>
      runBatch(client, [
        { id: "a", method: "GET", url: "/users" },
        { id: "b", method: "GET", url: "/groups" },
        { id: "c", method: "GET", url: "/me", dependsOn: ["a", "b"] },
      ]),
    /start from 2 requests without dependsOn \("a", "b"\).*fully in sequence or fully in parallel/,
  );
  expect(error).toBeInstanceOf(InputError);
});

test("a retry round whose chain lost its start is sent in sequence, not as a mix Graph refuses", async () => {
  const [a, b, c, d] = users().slice(44, 48);
  env.emulator.faults.throttle(1, "1", `/users/${b.id}`);
  env.emulator.faults.throttle(1, "1", `/users/${c.id}`);
  const results = await runBatch(client, [
    { id: "a", method: "GET", url: `/users/${a.id}` },
    { id: "b", method: "GET", url: `/users/${b.id}`, dependsOn: ["a"] },
    { id: "c", method: "GET", url: `/users/${c.id}`, dependsOn: ["a"] },
    { id: "d", method: "GET", url: `/users/${d.id}`, dependsOn: ["b", "c"] },
  ]);
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  expect(batchBodies()[1]?.requests.map((r) => [r.id, r.dependsOn])).toEqual([
    ["b", undefined],
    ["c", ["b"]],
    ["d", ["b", "c"]],
  ]);
});

test("a request whose dependency failed comes back 424 and is not retried", async () => {
  const results = await runBatch(client, [
    { id: "missing", method: "GET", url: "/users/00000000-0000-4000-8000-000000000000" },
    { id: "after", method: "GET", url: `/users/${users()[0]?.id}`, dependsOn: ["missing"] },
  ]);
  expect(results.map((r) => r.status)).toEqual([404, 424]);
  expect((results[0]?.body as { error: { code: string } }).error.code).toBe("Request_ResourceNotFound");
  expect(batchBodies()).toHaveLength(1);
});

test("retries only the sub-requests answered 429, and does each request exactly once", async () => {
  env.emulator.faults.throttle(3, "2", "/users/");
  const requests = lookups(25);
  const results = await runBatch(client, requests);
  expect(results.every((r) => r.status === 200)).toBe(true);
  const bodies = batchBodies();
  expect(bodies.map((b) => b.requests.length)).toEqual([20, 5, 3]);
  const throttled = batchState(env.emulator)
    .log.filter((e) => e.status === 429)
    .map((e) => e.id);
  expect(bodies[2]?.requests.map((r) => r.id).sort()).toEqual(throttled.sort());
  const counts = executions();
  expect(counts.size).toBe(25);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
});

test("waits out the sub-response's Retry-After before the retry round", async () => {
  retryTiming.scale = 1;
  env.emulator.faults.throttle(1, "1", "/users/");
  const started = Date.now();
  const results = await runBatch(client, lookups(2));
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  expect(results.map((r) => r.status)).toEqual([200, 200]);
});

test("a throttled dependency is retried together with the request that got 424 because of it", async () => {
  const [a, b] = users().slice(40, 42);
  env.emulator.faults.throttle(1, "1", `/users/${a.id}`);
  const results = await runBatch(client, [
    { id: "first", method: "GET", url: `/users/${a.id}` },
    { id: "second", method: "GET", url: `/users/${b.id}`, dependsOn: ["first"] },
  ]);
  expect(results.map((r) => r.status)).toEqual([200, 200]);
  expect(batchBodies()[1]?.requests.map((r) => [r.id, r.dependsOn])).toEqual([
    ["first", undefined],
    ["second", ["first"]],
  ]);
});

test("a sub-request 504 or 503 is retried for a GET but not for a POST, which may have been done", async () => {
  const [reader, writer] = users().slice(50, 52);
  env.emulator.faults.add({ kind: "status", status: 504, path: `/users/${reader.id}`, times: 1 });
  env.emulator.faults.add({ kind: "status", status: 504, path: `/users/${writer.id}/revokeSignInSessions`, times: 1 });
  env.emulator.faults.add({ kind: "status", status: 503, path: "/users/nobody@contoso.com/revokeSignInSessions", times: 1 });
  const results = await runBatch(client, [
    { id: "read", method: "GET", url: `/users/${reader.id}` },
    { id: "write", method: "POST", url: `/users/${writer.id}/revokeSignInSessions` },
    { id: "write2", method: "POST", url: "/users/nobody@contoso.com/revokeSignInSessions" },
  ]);
  expect(results.map((r) => r.status)).toEqual([200, 504, 503]);
  expect(batchBodies().map((b) => b.requests.map((r) => r.id))).toEqual([["read", "write", "write2"], ["read"]]);
});

test("with readOnly, a POST that only reads is retried after a 503, a 504 and a lost $batch call", async () => {
  env.emulator.faults.add({ kind: "status", status: 503, path: "/getPresencesByUserId", times: 1 });
  env.emulator.faults.add({ kind: "status", status: 504, path: "/$batch", times: 1 });
  env.emulator.faults.add({ kind: "drop", path: "/$batch", times: 1 });
  const ids = users()
    .slice(0, 2)
    .map((u) => u.id);
  const results = await runBatch(client, [{ id: "p", method: "POST", url: "/communications/getPresencesByUserId", body: { ids } }], {
    readOnly: true,
  });
  expect(results[0]?.status).toBe(200);
  expect(batchBodies()).toHaveLength(4);
});

test("gives up after the retry cap and surfaces the 429", async () => {
  env.emulator.faults.throttle(Infinity, "1", "/users/");
  const results = await runBatch(client, lookups(1), { maxRetries: 2 });
  expect(results[0]?.status).toBe(429);
  expect(results[0]?.headers["Retry-After"]).toBe("1");
  expect(batchBodies()).toHaveLength(3);
});

test("a whole-batch 503 is retried for GETs, and nothing is done twice", async () => {
  env.emulator.faults.add({ kind: "status", status: 503, retryAfter: "1", path: "/$batch", times: 1 });
  const results = await runBatch(client, lookups(5));
  expect(results.every((r) => r.status === 200)).toBe(true);
  expect(env.emulator.requestsTo("/$batch", "POST")).toHaveLength(2);
  expect([...executions().values()]).toEqual([1, 1, 1, 1, 1]);
});

test("a whole-batch 429 is retried with its Retry-After, and nothing is done twice", async () => {
  env.emulator.faults.throttle(2, "1", "/$batch");
  const results = await runBatch(client, lookups(3));
  expect(results.every((r) => r.status === 200)).toBe(true);
  expect(env.emulator.requestsTo("/$batch", "POST")).toHaveLength(3);
  expect([...executions().values()]).toEqual([1, 1, 1]);
});

test("after a whole-batch 504 only idempotent requests are sent again; a POST comes back as unknown (status 0)", async () => {
  env.emulator.faults.add({ kind: "status", status: 504, path: "/$batch", times: 1 });
  const [user] = users();
  const results = await runBatch(client, [
    { id: "read", method: "GET", url: `/users/${user?.id}` },
    { id: "write", method: "POST", url: `/users/${user?.id}/revokeSignInSessions` },
  ]);
  expect(results.map((r) => r.status)).toEqual([200, 0]);
  expect(batchBodies().map((b) => b.requests.map((r) => r.id))).toEqual([["read", "write"], ["read"]]);
});

test("after a whole-batch 503 a POST is not sent again and says its outcome is unknown", async () => {
  env.emulator.faults.add({ kind: "status", status: 503, retryAfter: "1", path: "/$batch", times: 1 });
  const [user] = users();
  const results = await runBatch(client, [
    { id: "read", method: "GET", url: `/users/${user?.id}` },
    { id: "write", method: "POST", url: `/users/${user?.id}/revokeSignInSessions` },
  ]);
  expect(results.map((r) => r.status)).toEqual([200, 0]);
  expect(results[1]?.body).toEqual({
    error: {
      code: "OutcomeUnknown",
      message: expect.stringMatching(/^The \$batch call answered 503 serviceNotAvailable, so this request may or may not have been done/),
      innerError: expect.objectContaining({ "request-id": expect.any(String) }),
    },
  });
  expect(batchBodies().map((b) => b.requests.map((r) => r.id))).toEqual([["read", "write"], ["read"]]);
});

test("a whole-batch 429 that never ends is surfaced per request once the cap is reached", async () => {
  env.emulator.faults.throttle(Infinity, "1", "/$batch");
  const results = await runBatch(client, lookups(2), { maxRetries: 1 });
  expect(results.map((r) => [r.status, r.headers["Retry-After"]])).toEqual([
    [429, "1"],
    [429, "1"],
  ]);
  expect(env.emulator.requestsTo("/$batch", "POST")).toHaveLength(2);
});

test("runs at most `concurrency` $batch calls at once", async () => {
  env.emulator.faults.add({ kind: "slow", path: "/$batch", delayMs: 50, times: Infinity });
  let inFlight = 0;
  let peak = 0;
  const probe = {
    request: async (...args: Parameters<GraphClient["request"]>) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await client.request(...args);
      } finally {
        inFlight -= 1;
      }
    },
  } as unknown as GraphClient;
  const results = await runBatch(probe, lookups(60).concat(lookups(60).map((r) => ({ ...r, id: `again-${r.id}` }))), { concurrency: 2 });
  expect(results).toHaveLength(120);
  expect(peak).toBe(2);
});

test("an object body goes out with Content-Type: application/json", async () => {
  const user = users()[5];
  const results = await runBatch(client, [{ id: "1", method: "PATCH", url: `/users/${user.id}`, body: { jobTitle: "Batch Lead" } }]);
  expect(batchBodies()[0]?.requests[0]?.headers).toEqual({ "Content-Type": "application/json" });
  expect(results[0]?.status).toBe(204);
  expect(user.jobTitle).toBe("Batch Lead");
});

test("an advanced query in a batch takes ConsistencyLevel in its own headers", async () => {
  const url = "/users?$filter=endswith(userPrincipalName,'@contoso.com')&$count=true&$select=id";
  const results = await runBatch(client, [
    { id: "without", method: "GET", url },
    { id: "with", method: "GET", url, headers: { ConsistencyLevel: "eventual" } },
  ]);
  expect(results[0]).toMatchObject({ status: 400, body: { error: { code: "Request_UnsupportedQuery" } } });
  expect(results[1]?.status).toBe(200);
  expect((results[1]?.body as { "@odata.count": number })["@odata.count"]).toBeGreaterThan(0);
});

test("an empty list sends nothing", async () => {
  await expect(runBatch(client, [])).resolves.toEqual([]);
  expect(env.emulator.requests).toHaveLength(0);
});

describe("a bad request list fails with a clear error and sends nothing", () => {
  const good = (id: string): BatchRequestItem => ({ id, method: "GET", url: "/users" });
  const cases: [string, unknown, RegExp][] = [
    ["not a list", { id: "1" }, /must be a list/],
    ["missing id", [{ method: "GET", url: "/users" }], /request 1 has no id/],
    ["duplicate ids (case-insensitive)", [good("a"), good("A")], /"A" is used by more than one request/],
    ["unknown method", [{ id: "1", method: "FETCH", url: "/users" }], /method "FETCH"/],
    ["absolute URL to another host", [{ id: "1", method: "GET", url: "https://evil.example/users" }], /not an absolute URL/],
    ["URL with the version", [{ id: "1", method: "GET", url: "/v1.0/users" }], /must not start with the API version/],
    ["string body without Content-Type", [{ id: "1", method: "POST", url: "/users", body: "x" }], /needs a Content-Type/],
    ["dependsOn an unknown id", [{ ...good("1"), dependsOn: ["nope"] }], /depends on "nope", which is not in the list/],
    [
      "a dependsOn cycle",
      [
        { ...good("1"), dependsOn: ["2"] },
        { ...good("2"), dependsOn: ["1"] },
      ],
      /cycle/,
    ],
    [
      "a dependsOn chain longer than 20",
      Array.from({ length: 21 }, (_, i) => ({ ...good(`r${i}`), ...(i > 0 ? { dependsOn: [`r${i - 1}`] } : {}) })),
      /21 requests.*at most 20/,
    ],
  ];
  test.each(cases)("%s", async (_name, requests, message) => {
    const error = await expectInputError(env, () => runBatch(client, requests), message);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^Requests: /);
  });
});

describe("the emulator's $batch validates like Graph", () => {
  test("more than 20 requests is a 400", async () => {
    const error = await client.post("$batch", { requests: lookups(21) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(400);
    expect((error as GraphError).graphMessage).toBe("The number of requests in the batch exceeds the limit of 20.");
  });

  test("independent requests mixed with a dependsOn chain is a 400", async () => {
    const requests = [...lookups(2), { id: "x", method: "GET", url: "/users", dependsOn: ["u0"] }];
    const error = await client.post("$batch", { requests }).catch((e: unknown) => e);
    expect((error as GraphError).status).toBe(400);
    expect((error as GraphError).graphMessage).toBe("Batch should be either fully sequential or fully parallel.");
  });

  test("a body without Content-Type is a 400", async () => {
    const error = await client
      .post("$batch", { requests: [{ id: "7", method: "POST", url: "/users", body: { a: 1 } }] })
      .catch((e: unknown) => e);
    expect((error as GraphError).graphMessage).toBe("Write request id : 7 does not contain Content-Type header or body.");
  });
});
