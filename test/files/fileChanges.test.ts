import type { Drive, DriveItem } from "@microsoft/microsoft-graph-types";
import { sitesState } from "../../emulator/areas/sites/store";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";
import { silentLogger } from "../triggers/silentLogger";
import type { DeltaChange, DeltaPollBody } from "../../src/triggers/deltaTrigger";

type PollBody = DeltaPollBody & { changes: DeltaChange[] };

let env: TestEnv;
let driveId: string;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 3, groupCount: 1 });
  const siteId = sitesState(env.emulator).sites[1]?.id;
  driveId = dataOf<{ value: Drive[] }>(await env.harness.action("listDrives", { connection: env.connection, siteId })).value[0]
    ?.id as string;
});
afterAll(() => env.emulator.close());
afterEach(() => env.emulator.faults.clear());

async function poll(instanceState: Record<string, unknown>, params: Record<string, unknown> = {}): Promise<PollBody> {
  const result = (await env.harness.trigger(
    "fileChanges",
    undefined,
    { connection: env.connection, driveId, ...params },
    { instanceState, logger: silentLogger() },
  )) as unknown as { payload: { body: { data: PollBody } } };
  return result.payload.body.data;
}

const upload = (folder: string, fileName: string, text: string) =>
  env.harness.action("uploadFile", { connection: env.connection, driveId, folder, fileName, file: text }).then((r) => dataOf<DriveItem>(r));
const names = (body: PollBody) =>
  body.changes.map((c) => `${c.changeType} ${typeof c.object.name === "string" ? c.object.name : c.id}`).sort();

test("first run emits nothing and asks for token=latest; later polls emit each change once, with a failed poll in the middle", async () => {
  const state: Record<string, unknown> = {};
  const first = await poll(state);
  expect(first.changes).toEqual([]);
  expect(env.emulator.requestsTo("/root/delta", "GET").at(-1)?.search).toContain("token=latest");

  const a = await upload("/Reports", "a.csv", "1");
  await upload("/", "b.txt", "2");
  const second = await poll(state);
  expect(names(second)).toEqual(["created a.csv", "created b.txt"]);
  expect((await poll(state)).changes).toEqual([]);

  await upload("/Reports", "a.csv", "changed");
  await env.harness.action("deleteDriveItem", { connection: env.connection, driveId, itemPath: "/b.txt" });
  const saved = JSON.stringify(state);
  env.emulator.faults.add({ kind: "status", status: 503, path: "/root/delta", times: 10 });
  await expect(poll(state)).rejects.toThrow(/503/);
  expect(JSON.stringify(state)).toBe(saved);
  env.emulator.faults.clear();

  const after = await poll(state);
  expect(names(after)).toEqual(["deleted b.txt", "updated a.csv"]);
  expect(after.changes.find((c) => c.changeType === "updated")?.id).toBe(a.id);
  expect((await poll(state)).changes).toEqual([]);
});

test("emit everything, then only a folder's files matching a name filter", async () => {
  const state: Record<string, unknown> = {};
  const params = { firstRun: "emitEverything", folder: "/Reports", nameFilter: "*.csv, q?.xlsx" };
  const first = await poll(state, params);
  expect(first.baseline).toBe(true);
  expect(first.changes.every((c) => c.changeType === "created")).toBe(true);
  expect(names(first)).toEqual(expect.arrayContaining(["created q3.xlsx"]));
  expect(names(first).some((n) => n.includes("readme.txt") || n.includes("2026"))).toBe(false);

  await upload("/Reports/2026", "deep.csv", "x");
  await upload("/Reports", "notes.txt", "x");
  await upload("/", "outside.csv", "x");
  const next = await poll(state, params);
  expect(names(next)).toEqual(["created deep.csv"]);
});
