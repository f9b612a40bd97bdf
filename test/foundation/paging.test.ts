import { GraphClient } from "../../src/graph";
import { TestEnv, startTestEnv } from "../helpers/setup";

let env: TestEnv;
let client: GraphClient;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 230 });
  client = new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
  env.emulator.faults.clear();
});

test("collect follows @odata.nextLink across pages and stops at the limit", async () => {
  const result = await client.collect<{ id: string }>({ path: "/users", query: { $top: 50, $select: "id" } }, { limit: 120 });
  expect(result.items).toHaveLength(120);
  expect(result.moreAvailable).toBe(true);
  expect(result.pages).toBe(3);
  expect(new Set(result.items.map((u) => u.id)).size).toBe(120);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(3);
  // Later pages are Graph's nextLink, followed as given.
  expect(env.emulator.requests[1]?.search).toContain("$skiptoken=");
});

test("collect returns everything when the limit is above the total, with no resume link", async () => {
  const result = await client.collect<{ id: string }>({ path: "/users", query: { $top: 100 } }, { limit: 10_000 });
  expect(result.items).toHaveLength(230);
  expect(result.moreAvailable).toBe(false);
  expect(result.nextLink).toBeUndefined();
  expect(result.pages).toBe(3);
});

test("a limit on a page boundary hands back the nextLink to resume from", async () => {
  const first = await client.collect<{ id: string }>({ path: "/users", query: { $top: 100, $select: "id" } }, { limit: 100 });
  expect(first.moreAvailable).toBe(true);
  expect(first.nextLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/users\?.*\$skiptoken=/);
  const rest = await client.collect<{ id: string }>({ path: first.nextLink as string }, { limit: 1000 });
  expect(rest.items).toHaveLength(130);
  const all = new Set([...first.items, ...rest.items].map((u) => u.id));
  expect(all.size).toBe(230);
});

test("items() streams: breaking early fetches no further page", async () => {
  const seen: string[] = [];
  for await (const user of client.items<{ id: string }>({ path: "/users", query: { $top: 10 } })) {
    seen.push(user.id);
    if (seen.length === 15) break;
  }
  expect(seen).toHaveLength(15);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(2);
});

test("the first page's ConsistencyLevel header is sent on every later page", async () => {
  const result = await client.collect<{ id: string }>({ path: "/users", query: { $search: '"displayName:a"', $top: 5 } }, { limit: 12 });
  expect(result.items.length).toBe(12);
  const calls = env.emulator.requestsTo("/v1.0/users");
  expect(calls.length).toBeGreaterThanOrEqual(3);
  for (const call of calls) expect(call.headers.consistencylevel).toBe("eventual");
});

test("without ConsistencyLevel an advanced query fails with Graph's own error", async () => {
  await expect(
    client.get("/users", { $filter: "endswith(userPrincipalName,'@contoso.com')" }, { autoConsistency: false }),
  ).rejects.toMatchObject({ status: 400, code: "Request_UnsupportedQuery" });
});

test("$count=true without ConsistencyLevel is silently ignored on directory objects, as Graph does", async () => {
  const plain = await client.get<{ "@odata.count"?: number }>("/users", { $count: "true", $top: 1 }, { autoConsistency: false });
  expect(plain["@odata.count"]).toBeUndefined();
  const advanced = await client.get<{ "@odata.count"?: number }>("/users", { $count: "true", $top: 1 });
  expect(advanced["@odata.count"]).toBe(230);
});

test("a limit below 1 is refused before any request", async () => {
  await expect(client.collect({ path: "/users" }, { limit: 0 })).rejects.toThrow(/Limit/);
  expect(env.emulator.requests).toHaveLength(0);
});

test("a nextLink on another origin is refused, not followed", async () => {
  env.emulator.router.graph("GET", "/evilPage", () => ({
    status: 200,
    body: { value: [{ id: "1" }], "@odata.nextLink": "https://attacker.example/v1.0/users?$skiptoken=x" },
    headers: { "Content-Type": "application/json" },
  }));
  await expect(client.collect({ path: "/evilPage" }, { limit: 10 })).rejects.toThrow(
    /@odata\.nextLink.*not this connection's Microsoft Graph host/,
  );
});
