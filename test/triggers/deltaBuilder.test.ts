import { component, input } from "@prismatic-io/spectral";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import { connections } from "../../src/connections";
import { graphPath } from "../../src/graph";
import { oneOf } from "../../src/inputs/clean";
import { deltaPollingTrigger } from "../../src/triggers/deltaTrigger";
import { TestEnv, startTestEnv } from "../helpers/setup";
import { silentLogger } from "./silentLogger";

/** A trigger built as the mail and files triggers build theirs: own inputs, a delta path from them, no from-now token. */
const collectionChanges = deltaPollingTrigger({
  label: "Collection Changes",
  description: "Changes of a directory collection, chosen by an input, without a from-now token.",
  noun: "object",
  inputs: {
    collection: input({
      label: "Collection",
      type: "string",
      required: true,
      comments: "The directory collection to track: users or groups.",
      clean: oneOf("Collection", ["users", "groups"] as const),
    }),
  },
  deltaPath: (params) => graphPath`${params.collection}`,
  defaultSelect: "id,displayName",
  latestQuery: null,
  exampleChanges: [],
});

const testComponent = component({
  key: "delta-builder-test",
  display: { label: "Delta builder test", description: "A component around one built trigger.", iconPath: "icon.png" },
  actions: {},
  triggers: { collectionChanges },
  connections,
});

let env: TestEnv;
afterEach(() => env.emulator.close());

interface Body {
  changes: { changeType: string; id: string }[];
  baseline: boolean;
  roundComplete: boolean;
}

async function poll(state: Record<string, unknown>, params: Record<string, unknown>): Promise<{ body: Body; resultType: string }> {
  const result = (await createHarness(testComponent).trigger(
    "collectionChanges",
    undefined,
    { connection: env.connection, ...params },
    { instanceState: state, logger: silentLogger() },
  )) as unknown as { payload: { body: { data: Body } }; resultType: string };
  return { body: result.payload.body.data, resultType: result.resultType };
}

test("with no from-now token, Emit Nothing reads the first round across polls without emitting it, then emits changes", async () => {
  env = await startTestEnv({ userCount: 450, groupCount: 1 });
  const params = { collection: "users", maxChanges: "200" };
  const state: Record<string, unknown> = {};
  const bodies: Body[] = [];
  for (let i = 0; i < 3; i++) bodies.push((await poll(state, params)).body);
  expect(bodies.map((b) => [b.changes.length, b.baseline, b.roundComplete])).toEqual([
    [0, true, false],
    [0, true, false],
    [0, true, true],
  ]);
  const asked = env.emulator.requestsTo("/v1.0/users/delta");
  expect(asked.every((r) => !r.search.includes("deltatoken=latest"))).toBe(true);

  const added = env.emulator.directory.createUser({ displayName: "Newcomer", userPrincipalName: "newcomer@contoso.com" });
  const next = await poll(state, params);
  expect(next.body.changes).toEqual([expect.objectContaining({ changeType: "created", id: added.id })]);
});

test("the delta path comes from the trigger's own cleaned inputs", async () => {
  env = await startTestEnv({ userCount: 3, groupCount: 2 });
  const state: Record<string, unknown> = {};
  await poll(state, { collection: "groups", firstRun: "emitEverything" });
  expect(env.emulator.requestsTo("/v1.0/groups/delta").length).toBeGreaterThan(0);
  expect(env.emulator.requestsTo("/v1.0/users/delta")).toHaveLength(0);
});
