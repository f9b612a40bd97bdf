import { deltaControl } from "../../emulator/areas/directory/delta";
import { TestEnv, startTestEnv } from "../helpers/setup";
import { silentLogger } from "./silentLogger";

interface Change {
  changeType: string;
  id: string;
}
interface PollBody {
  changes: Change[];
  baseline: boolean;
  resynced: boolean;
  roundComplete: boolean;
}

let env: TestEnv;
afterEach(() => env.emulator.close());

async function poll(instanceState: Record<string, unknown>, params: Record<string, unknown>): Promise<PollBody> {
  const result = (await env.harness.trigger(
    "userChanges",
    undefined,
    { connection: env.connection, ...params },
    { instanceState, logger: silentLogger() },
  )) as unknown as { payload: { body: { data: PollBody } } };
  return result.payload.body.data;
}

/** Polls `times` times or until a round completes, counting how often each id came out; returns the polls made. */
async function drain(state: Record<string, unknown>, params: Record<string, unknown>, seen: Map<string, number>, times: number) {
  for (let polls = 1; polls <= times; polls += 1) {
    const body = await poll(state, params);
    expect(body.changes.length).toBeLessThanOrEqual(Number(params.maxChanges));
    for (const change of body.changes) seen.set(change.id, (seen.get(change.id) ?? 0) + 1);
    if (body.roundComplete) return polls;
  }
  return times;
}

test("a 25,000-user first round with Max Changes 1,000 comes out exactly once across polls, with a 503 in the middle", async () => {
  env = await startTestEnv({ userCount: 25_000, groupCount: 1 });
  const params = { firstRun: "emitEverything", maxChanges: "1000" };
  const state: Record<string, unknown> = {};
  const seen = new Map<string, number>();

  expect(await drain(state, params, seen, 10)).toBe(10);
  expect(seen.size).toBe(10_000);
  const saved = JSON.stringify(state);
  expect(saved).toContain("$skiptoken");

  deltaControl(env.emulator).failContinuations(5, 503); // outlasts the client's retries
  await expect(poll(state, params)).rejects.toThrow(/503/);
  expect(JSON.stringify(state)).toBe(saved);

  const polls = await drain(state, params, seen, 30);
  expect(polls).toBe(15);
  expect(seen.size).toBe(25_000);
  expect([...seen.values()].every((times) => times === 1)).toBe(true);
  expect(new Set(env.emulator.directory.users.map((u) => u.id))).toEqual(new Set(seen.keys()));
  // Graph's largest page for directory objects is 200: 5 pages per poll, none split or read twice (plus the 5 failures).
  expect(env.emulator.requestsTo("/users/delta")).toHaveLength(125 + 5);
  expect(JSON.stringify(state)).toContain("$deltatoken");
  const after = await poll(state, params);
  expect(after).toMatchObject({ changes: [], roundComplete: true, baseline: false });
});

test("an expired delta link with more users than Max Changes resyncs across polls instead of failing every poll", async () => {
  env = await startTestEnv({ userCount: 450, groupCount: 1 });
  const params = { maxChanges: "200" };
  const state: Record<string, unknown> = {};
  await poll(state, params);
  deltaControl(env.emulator).expireTokens();

  const bodies: PollBody[] = [];
  for (let i = 0; i < 3; i += 1) bodies.push(await poll(state, params));
  expect(bodies.map((b) => [b.changes.length, b.resynced, b.roundComplete])).toEqual([
    [200, true, false],
    [200, true, false],
    [50, true, true],
  ]);
  const ids = bodies.flatMap((b) => b.changes.map((c) => c.id));
  expect(new Set(ids).size).toBe(450);
  expect(await poll(state, params)).toMatchObject({ changes: [], resynced: false, roundComplete: true });
});
