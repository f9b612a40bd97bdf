import { deltaControl } from "../../emulator/areas/directory/delta";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";

interface DeltaData {
  value: { id: string; displayName?: string; "@removed"?: { reason: string }; "members@delta"?: { id: string; "@removed"?: unknown }[] }[];
  "@odata.deltaLink": string;
  resynced: boolean;
  resyncCode?: string;
  pages: number;
}

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 30, groupCount: 4 });
  deltaControl(env.emulator).pageSize = 10;
});
afterAll(() => env.emulator.close());
afterEach(() => env.emulator.faults.clear());

async function usersDelta(params: Record<string, unknown> = {}): Promise<DeltaData> {
  return dataOf<DeltaData>(await env.harness.action("usersDelta", { connection: env.connection, ...params }));
}

async function groupsDelta(params: Record<string, unknown> = {}): Promise<DeltaData> {
  return dataOf<DeltaData>(await env.harness.action("groupsDelta", { connection: env.connection, ...params }));
}

describe("usersDelta", () => {
  test("a first round pages through every user and ends with a delta link", async () => {
    const before = env.emulator.requestsTo("/users/delta").length;
    const data = await usersDelta({ select: "id,displayName" });
    expect(data.value).toHaveLength(env.emulator.directory.users.length);
    expect(new Set(data.value.map((u) => u.id)).size).toBe(30);
    expect(data.value[0]).toEqual({ id: expect.any(String), displayName: expect.any(String) });
    expect(data.pages).toBe(3);
    expect(data.resynced).toBe(false);
    expect(data["@odata.deltaLink"]).toMatch(new RegExp(`^${env.emulator.url}/v1\\.0/users/delta\\?\\$deltatoken=`));
    const sent = env.emulator.requestsTo("/users/delta").slice(before);
    expect(sent).toHaveLength(3);
    expect(decodeURIComponent(sent[0]?.search ?? "")).toContain("$select=id,displayName");
    expect(sent[1]?.search).toContain("$skiptoken=");
  });

  test("the next round returns only what changed, deletes marked @removed, and an empty round after that", async () => {
    const { directory } = env.emulator;
    const first = await usersDelta();
    const created = directory.createUser({ displayName: "Nora New", userPrincipalName: "nora.new@contoso.com" });
    const updated = directory.users[3];
    directory.updateUser(updated, { displayName: "Renamed Person" });
    const removed = directory.users[5];
    directory.deleteUser(removed);

    const second = await usersDelta({ deltaLink: first["@odata.deltaLink"] });
    expect(second.resynced).toBe(false);
    const byId = new Map(second.value.map((u) => [u.id, u]));
    expect(byId.size).toBe(3);
    expect(byId.get(created.id as string)?.displayName).toBe("Nora New");
    expect(byId.get(updated.id as string)?.displayName).toBe("Renamed Person");
    expect(byId.get(removed.id as string)).toEqual({ id: removed.id, "@removed": { reason: "changed" } });

    const third = await usersDelta({ deltaLink: second["@odata.deltaLink"] });
    expect(third.value).toEqual([]);
    expect(third.pages).toBe(1);
  });

  test("an expired delta link (400 syncStateNotFound) restarts a full round and says so", async () => {
    const first = await usersDelta();
    deltaControl(env.emulator).expireTokens();
    const data = await usersDelta({ deltaLink: first["@odata.deltaLink"] });
    expect(data.resynced).toBe(true);
    expect(data.resyncCode).toBe("syncStateNotFound");
    expect(data.value).toHaveLength(env.emulator.directory.users.length);
    const next = await usersDelta({ deltaLink: data["@odata.deltaLink"] });
    expect(next).toMatchObject({ value: [], resynced: false });
  });

  test("410 Gone resyncRequired restarts a full round too", async () => {
    const first = await usersDelta();
    deltaControl(env.emulator).expireTokens("resyncRequired");
    const data = await usersDelta({ deltaLink: first["@odata.deltaLink"] });
    expect(data).toMatchObject({ resynced: true, resyncCode: "resyncRequired" });
    expect(data.value).toHaveLength(env.emulator.directory.users.length);
  });

  test("a throttled page is retried and the round still completes", async () => {
    env.emulator.faults.throttle(1, "1", "/users/delta");
    const data = await usersDelta();
    expect(data.value).toHaveLength(env.emulator.directory.users.length);
  });

  test("a Graph error part way through a round surfaces Graph's code and request-id", async () => {
    deltaControl(env.emulator).failContinuations(1, 400);
    await expect(usersDelta()).rejects.toThrow(/400 UnknownError: Injected failure.*request-id: [0-9a-f-]{36}/);
  });

  test("a round bigger than Max Changes fails instead of returning part of it", async () => {
    await expect(usersDelta({ maxChanges: "12" })).rejects.toThrow(/more than 12 changed objects/);
  });

  test("bad input fails before any request", async () => {
    await expectInputError(env, () => usersDelta({ deltaLink: "users/delta?$deltatoken=x" }), /Delta Link/);
    await expectInputError(
      env,
      () => usersDelta({ deltaLink: `${env.emulator.url}/v1.0/groups/delta?$deltatoken=abc` }),
      /Delta Link: is not a users delta link/,
    );
    await expectInputError(
      env,
      () => usersDelta({ deltaLink: `${env.emulator.url}/v1.0/users/delta?$skiptoken=abc` }),
      /Delta Link: has no \$deltatoken/,
    );
    await expectInputError(
      env,
      () => usersDelta({ deltaLink: "https://evil.example/v1.0/users/delta?$deltatoken=abc" }),
      /Delta Link: .*not this connection's Microsoft Graph host/,
    );
    await expectInputError(env, () => usersDelta({ maxChanges: "0" }), /Max Changes/);
  });
});

describe("groupsDelta", () => {
  test("membership changes come as members@delta, deleted groups as @removed", async () => {
    const { directory } = env.emulator;
    const first = await groupsDelta();
    expect(first.value).toHaveLength(directory.groups.length);
    const sales = directory.groups[0];
    expect(first.value.find((g) => g.id === sales.id)?.["members@delta"]).toHaveLength(directory.members.get(sales.id as string)!.length);

    const formerMember = directory.members.get(sales.id as string)![0];
    const newMember = directory.users.find((u) => !directory.members.get(sales.id as string)!.includes(u.id as string))!;
    directory.removeMember(sales, formerMember);
    directory.addMember(sales, newMember.id as string);
    const security = directory.groups.find((g) => !(g.groupTypes ?? []).includes("Unified"))!;
    directory.deleteGroup(security);

    const second = await groupsDelta({ deltaLink: first["@odata.deltaLink"] });
    expect(second.value).toHaveLength(2);
    expect(second.value.find((g) => g.id === sales.id)?.["members@delta"]).toEqual([
      { "@odata.type": "#microsoft.graph.user", id: newMember.id },
      { "@odata.type": "#microsoft.graph.user", id: formerMember, "@removed": { reason: "deleted" } },
    ]);
    expect(second.value.find((g) => g.id === security.id)).toEqual({ id: security.id, "@removed": { reason: "deleted" } });
  });

  test("a users delta link is refused", async () => {
    const users = await usersDelta();
    await expectInputError(env, () => groupsDelta({ deltaLink: users["@odata.deltaLink"] }), /Delta Link: is not a groups delta link/);
  });
});
