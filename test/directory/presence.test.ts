import type { Presence } from "@microsoft/microsoft-graph-types";
import { randomUUID } from "node:crypto";
import { presenceOf } from "../../emulator/areas/directory/presence";
import { GraphClient, GraphError } from "../../src/graph";
import { fetchPresences } from "../../src/actions/presence/presenceRequests";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 30 });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
});

const users = () => env.emulator.directory.users;

test("getPresence returns the user's presence in Graph's shape", async () => {
  const user = users()[2];
  const data = dataOf<Presence & { "@odata.context": string }>(
    await env.harness.action("getPresence", { connection: env.connection, userId: user.id }),
  );
  const expected = presenceOf(user);
  expect(data).toMatchObject({ id: user.id, availability: expected.availability, activity: expected.activity, statusMessage: null });
  expect(data["@odata.context"]).toContain(`users('${user.id as string}')/presence/$entity`);
  expect(env.emulator.requests[0]?.path).toBe(`/v1.0/users/${user.id as string}/presence`);
});

test("seeded presence is deterministic and varied", () => {
  const states = new Set(users().map((u) => presenceOf(u).availability));
  expect(states.size).toBeGreaterThan(2);
  expect(presenceOf(users()[0])).toEqual(presenceOf(users()[0]));
});

test("getPresence for an unknown user surfaces Graph's 404", async () => {
  const error = (await env.harness
    .action("getPresence", { connection: env.connection, userId: randomUUID() })
    .catch((e: unknown) => e)) as GraphError;
  expect(error).toBeInstanceOf(GraphError);
  expect(error.status).toBe(404);
});

test("getPresences posts the ids and keeps their order; duplicates are sent once", async () => {
  const ids = [users()[5]?.id, users()[1]?.id, users()[5]?.id, users()[9]?.id] as string[];
  const data = dataOf<{ value: Presence[] }>(await env.harness.action("getPresences", { connection: env.connection, userIds: ids }));
  expect(data.value.map((p) => p.id)).toEqual([ids[0], ids[1], ids[3]]);
  expect(data.value[1]?.availability).toBe(presenceOf(users()[1]).availability);
  const calls = env.emulator.requestsTo("/v1.0/communications/getPresencesByUserId", "POST");
  expect(calls).toHaveLength(1);
  expect(JSON.parse(calls[0]?.body ?? "{}")).toEqual({ ids: [ids[0], ids[1], ids[3]] });
});

test("more ids than Graph's 650 per call go as sub-requests of one $batch, 650 ids at most each", async () => {
  const known = users().map((u) => u.id as string);
  const ids = [...known, ...Array.from({ length: 1400 - known.length }, () => randomUUID())];
  const data = dataOf<{ value: Presence[] }>(await env.harness.action("getPresences", { connection: env.connection, userIds: ids }));
  expect(data.value.map((p) => p.id)).toEqual(ids);
  expect(data.value[0]?.availability).toBe(presenceOf(users()[0]).availability);
  expect(data.value[1399]?.availability).toBe("PresenceUnknown");
  expect(env.emulator.requestsTo("/communications/getPresencesByUserId", "POST")).toHaveLength(0);
  const batches = env.emulator.requestsTo("/v1.0/$batch", "POST");
  expect(batches).toHaveLength(1);
  const sub = (JSON.parse(batches[0]?.body ?? "{}") as { requests: { url: string; body: { ids: string[] } }[] }).requests;
  expect(sub.map((r) => r.url)).toEqual(Array(3).fill("/communications/getPresencesByUserId"));
  expect(sub.map((r) => r.body.ids.length)).toEqual([650, 650, 100]);
});

test("a presence sub-request answered 503 is retried: the POST only reads", async () => {
  const ids = Array.from({ length: 700 }, () => randomUUID());
  env.emulator.faults.add({ kind: "status", status: 503, path: "/v1.0/communications/getPresencesByUserId", times: 1 });
  const data = dataOf<{ value: Presence[] }>(await env.harness.action("getPresences", { connection: env.connection, userIds: ids }));
  expect(data.value.map((p) => p.id)).toEqual(ids);
  expect(env.emulator.requestsTo("/v1.0/$batch", "POST")).toHaveLength(2);
});

test("a throttled presence sub-request is retried alone and the order is kept", async () => {
  const ids = Array.from({ length: 1300 }, () => randomUUID());
  env.emulator.faults.add({ kind: "status", status: 429, retryAfter: "1", path: "/v1.0/communications/getPresencesByUserId", times: 1 });
  const data = dataOf<{ value: Presence[] }>(await env.harness.action("getPresences", { connection: env.connection, userIds: ids }));
  expect(data.value.map((p) => p.id)).toEqual(ids);
  const rounds = env.emulator
    .requestsTo("/v1.0/$batch", "POST")
    .map((r) => (JSON.parse(r.body) as { requests: unknown[] }).requests.length);
  expect(rounds).toEqual([2, 1]);
});

test("presences come back in the order of the ids even when Graph answers in another order", async () => {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  const presence = (id: string): Presence => ({ id, availability: "Available", activity: "Available" });
  const client = {
    post: () => Promise.resolve({ value: [presence(c.toUpperCase()), presence(a), presence(b)] }),
  } as unknown as GraphClient;
  const result = await fetchPresences(client, [a, b, c]);
  expect(result.map((p) => p.id?.toLowerCase())).toEqual([a, b, c]);
});
