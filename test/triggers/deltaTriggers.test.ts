import type { User } from "@microsoft/microsoft-graph-types";
import { deltaControl } from "../../emulator/areas/directory/delta";
import { TestEnv, expectInputError, startTestEnv } from "../helpers/setup";
import { silentLogger } from "./silentLogger";

interface Change {
  changeType: string;
  id: string;
  removedReason?: string;
  object: Record<string, unknown>;
}
interface PollBody {
  changes: Change[];
  baseline: boolean;
  resynced: boolean;
  resyncCode?: string;
}
interface PollResult {
  payload: { body: { data: PollBody } };
  resultType: string;
}

let env: TestEnv;
let logger = silentLogger();
beforeEach(async () => {
  logger = silentLogger();
  env = await startTestEnv({ userCount: 20, groupCount: 3 });
  deltaControl(env.emulator).pageSize = 10;
});
afterEach(() => env.emulator.close());

/** One scheduled run, with the instance state the platform keeps between runs. */
async function poll(
  key: string,
  instanceState: Record<string, unknown>,
  params: Record<string, unknown> = {},
): Promise<PollResult & { body: PollBody }> {
  const result = (await env.harness.trigger(
    key,
    undefined,
    { connection: env.connection, ...params },
    { instanceState, logger },
  )) as unknown as PollResult;
  return { ...result, body: result.payload.body.data };
}

function summary(changes: Change[]): string[] {
  return changes.map((c) => `${c.changeType} ${c.id}`).sort();
}

function newUser(name: string): User {
  return env.emulator.directory.createUser({ displayName: name, userPrincipalName: `${name.toLowerCase()}@contoso.com` });
}

describe("userChanges", () => {
  test("the first run records where to start and emits nothing, reading no users", async () => {
    const state: Record<string, unknown> = {};
    const first = await poll("userChanges", state);
    expect(first.resultType).toBe("polled_no_changes");
    expect(first.body).toMatchObject({ changes: [], baseline: true, resynced: false });
    const sent = env.emulator.requestsTo("/users/delta");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.search).toContain("$deltatoken=latest");
    expect(JSON.stringify(state)).toContain("/users/delta?$deltatoken=");
  });

  test("a sequence of changes across several polls comes out exactly once each, in order, including deletes", async () => {
    const { directory } = env.emulator;
    const state: Record<string, unknown> = {};
    const emitted: string[][] = [];
    await poll("userChanges", state);

    const ann = newUser("Ann");
    emitted.push(summary((await poll("userChanges", state)).body.changes));

    const existing = directory.users[2];
    const doomed = directory.users[4];
    directory.updateUser(ann, { jobTitle: "Buyer" });
    directory.updateUser(existing, { department: "Legal" });
    directory.updateUser(existing, { department: "Finance" });
    directory.deleteUser(doomed);
    const third = await poll("userChanges", state);
    emitted.push(summary(third.body.changes));
    expect(third.body.changes.find((c) => c.id === existing.id)?.object.displayName).toBe(existing.displayName);
    expect(third.body.changes.find((c) => c.id === doomed.id)?.removedReason).toBe("changed");

    const quiet = await poll("userChanges", state);
    expect(quiet.resultType).toBe("polled_no_changes");
    emitted.push(summary(quiet.body.changes));

    directory.deleteUser(ann);
    emitted.push(summary((await poll("userChanges", state)).body.changes));

    expect(emitted).toEqual([
      [`created ${ann.id}`],
      summary([
        { changeType: "updated", id: ann.id as string, object: {} },
        { changeType: "updated", id: existing.id as string, object: {} },
        { changeType: "deleted", id: doomed.id as string, object: {} },
      ]),
      [],
      [`deleted ${ann.id}`],
    ]);
  });

  test("first run set to emit everything pages through every user", async () => {
    const state: Record<string, unknown> = {};
    const first = await poll("userChanges", state, { firstRun: "emitEverything" });
    expect(first.resultType).toBe("completed");
    expect(first.body.changes).toHaveLength(20);
    expect(new Set(first.body.changes.map((c) => c.changeType))).toEqual(new Set(["created"]));
    expect(env.emulator.requestsTo("/users/delta")).toHaveLength(2);
    expect((await poll("userChanges", state)).body.changes).toEqual([]);
  });

  test("a failure part way through a round keeps the saved link, so the next run repeats the round and loses nothing", async () => {
    const state: Record<string, unknown> = {};
    await poll("userChanges", state);
    const saved = JSON.stringify(state);
    const created = Array.from({ length: 25 }, (_, i) => newUser(`Batch${i}`));
    deltaControl(env.emulator).failContinuations(5, 503); // outlasts the client's retries on the second page
    await expect(poll("userChanges", state)).rejects.toThrow(/503/);
    expect(JSON.stringify(state)).toBe(saved);

    const retried = await poll("userChanges", state);
    expect(summary(retried.body.changes)).toEqual(created.map((u) => `created ${u.id}`).sort());
    expect((await poll("userChanges", state)).body.changes).toEqual([]);
  });

  test("an expired delta token starts a new round and says so", async () => {
    const state: Record<string, unknown> = {};
    await poll("userChanges", state);
    const late = newUser("Late");
    deltaControl(env.emulator).expireTokens();
    const resync = await poll("userChanges", state);
    expect(resync.resultType).toBe("completed");
    expect(resync.body).toMatchObject({ resynced: true, resyncCode: "syncStateNotFound", baseline: false });
    expect(resync.body.changes).toHaveLength(21);
    expect(resync.body.changes.find((c) => c.id === late.id)?.changeType).toBe("created");
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("no longer valid (syncStateNotFound)"));
    expect((await poll("userChanges", state)).body).toMatchObject({ changes: [], resynced: false });
  });

  test("changes made through Graph's API (POST, PATCH, DELETE /users) come out of the next poll", async () => {
    const state: Record<string, unknown> = {};
    await poll("userChanges", state);
    const raw = (method: string, url: string, data?: unknown) =>
      env.harness.action("rawRequest", {
        connection: env.connection,
        method,
        url,
        data: data === undefined ? undefined : JSON.stringify(data),
      });
    const created = (
      (await raw("POST", "/users", {
        accountEnabled: true,
        displayName: "Api Person",
        mailNickname: "apiperson",
        userPrincipalName: "api.person@contoso.com",
        passwordProfile: { password: "x7!Kq-29vB", forceChangePasswordNextSignIn: true },
      })) as { data: { id: string } }
    ).data;
    const target = env.emulator.directory.users[1];
    await raw("PATCH", `/users/${target.id}`, { jobTitle: "Auditor" });
    const doomed = env.emulator.directory.users[2];
    await raw("DELETE", `/users/${doomed.id}`);

    const run = await poll("userChanges", state);
    expect(summary(run.body.changes)).toEqual([`created ${created.id}`, `updated ${target.id}`, `deleted ${doomed.id}`].sort());
  });

  test("a bad First Run fails before any request", async () => {
    await expectInputError(env, () => poll("userChanges", {}, { firstRun: "sometimes" }), /First Run/);
  });
});

describe("groupChanges", () => {
  test("membership and deletes come out once each", async () => {
    const { directory } = env.emulator;
    const state: Record<string, unknown> = {};
    await poll("groupChanges", state);
    const group = directory.groups[0];
    const outsider = directory.users.find((u) => !directory.members.get(group.id as string)!.includes(u.id as string))!;
    directory.addMember(group, outsider.id as string);
    const second = await poll("groupChanges", state);
    expect(second.body.changes).toEqual([
      {
        changeType: "updated",
        id: group.id,
        object: expect.objectContaining({ "members@delta": [{ "@odata.type": "#microsoft.graph.user", id: outsider.id }] }),
      },
    ]);
    const created = directory.createGroup({ displayName: "New Team", groupTypes: [] });
    directory.deleteGroup(group);
    const third = await poll("groupChanges", state);
    expect(summary(third.body.changes)).toEqual([`created ${created.id}`, `deleted ${group.id}`].sort());
  });
});
