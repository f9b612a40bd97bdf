import { GraphClient } from "../../src/graph";
import { MAX_DELTA_PAGE_SIZE, deltaControl } from "../../emulator/areas/directory/delta";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

/**
 * The emulator's delta route reads each change-log entry (or, in a full round, each object) about once per round,
 * whatever the page size: checked by counting the entries it reads, not by timing.
 */
interface DeltaData {
  value: { id: string; displayName?: string }[];
  "@odata.deltaLink": string;
  pages: number;
}

const USERS = 1200;
let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: USERS, groupCount: 2 });
  deltaControl(env.emulator).pageSize = 10;
});
afterAll(() => env.emulator.close());

async function usersDelta(params: Record<string, unknown> = {}): Promise<DeltaData> {
  return dataOf<DeltaData>(await env.harness.action("usersDelta", { connection: env.connection, select: "id,displayName", ...params }));
}

/** Runs `round` and returns its result with the number of log and roster entries the emulator read for it. */
async function counted<T>(round: () => Promise<T>): Promise<{ result: T; visited: number }> {
  const before = env.emulator.directory.log.visited;
  const result = await round();
  return { result, visited: env.emulator.directory.log.visited - before };
}

test("a full round reads each user once, not once per page", async () => {
  const { result, visited } = await counted(() => usersDelta());
  expect(result.value).toHaveLength(USERS);
  expect(result.pages).toBe(USERS / 10);
  // One read per user plus at most one look-ahead per page.
  expect(visited).toBeLessThanOrEqual(USERS + result.pages + 1);
});

test("an incremental round reads each change once, and reports an object changed twice once, with its last state", async () => {
  const { directory } = env.emulator;
  const start = await usersDelta();
  const changed = directory.users.slice(0, 600);
  for (const user of changed) directory.updateUser(user, { displayName: `First ${user.id as string}` });
  for (const user of changed.slice(0, 300)) directory.updateUser(user, { displayName: `Second ${user.id as string}` });

  const { result, visited } = await counted(() => usersDelta({ deltaLink: start["@odata.deltaLink"] }));
  expect(result.value).toHaveLength(600);
  expect(result.pages).toBe(60);
  const names = new Map(result.value.map((u) => [u.id, u.displayName]));
  expect(names.get(changed[0].id as string)).toBe(`Second ${changed[0].id as string}`);
  expect(names.get(changed[599].id as string)).toBe(`First ${changed[599].id as string}`);
  // 900 log entries in the round; re-filtering the log on every page would read about 60 × 900.
  expect(visited).toBeLessThanOrEqual(900 + result.pages + 1);
});

test("a later round starts where the last one ended, without reading older changes", async () => {
  const { directory } = env.emulator;
  const start = await usersDelta();
  directory.updateUser(directory.users[700], { displayName: "Only Change" });
  const { result, visited } = await counted(() => usersDelta({ deltaLink: start["@odata.deltaLink"] }));
  expect(result.value.map((u) => u.displayName)).toEqual(["Only Change"]);
  expect(visited).toBeLessThanOrEqual(2);
});

test("Prefer: odata.maxpagesize is honoured up to Graph's cap for directory objects, which is also the default", async () => {
  deltaControl(env.emulator).pageSize = MAX_DELTA_PAGE_SIZE;
  const client = new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token });
  const page = async (size?: number) =>
    (await client.get<{ value: unknown[] }>("/users/delta", undefined, { headers: size ? { Prefer: `odata.maxpagesize=${size}` } : {} }))
      .value.length;
  expect(await page(50)).toBe(50);
  expect(await page(999)).toBe(MAX_DELTA_PAGE_SIZE);
  expect(await page()).toBe(MAX_DELTA_PAGE_SIZE);
  deltaControl(env.emulator).pageSize = 10;
});
