import type { Group, User } from "@microsoft/microsoft-graph-types";
import { GraphClient, GraphError } from "../../src/graph";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

type Page<T> = { value: T[]; "@odata.nextLink"?: string; "@odata.count"?: number; moreAvailable?: boolean };
type Member = { id: string; "@odata.type": string; displayName?: string };

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 80, groupCount: 30 });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
});

const directory = () => env.emulator.directory;
const group = (i: number) => directory().groups[i];
const members = (g: Group) => directory().members.get(g.id as string) ?? [];
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as GraphError,
  );

describe("listGroups", () => {
  test("one page with nextLink, then fetch all up to the limit", async () => {
    const page = dataOf<Page<Group>>(await env.harness.action("listGroups", { connection: env.connection, top: "7" }));
    expect(page.value).toHaveLength(7);
    expect(page["@odata.nextLink"]).toContain("$skiptoken=");
    const all = dataOf<Page<Group>>(
      await env.harness.action("listGroups", { connection: env.connection, top: "7", fetchAll: true, limit: "100" }),
    );
    expect(all.value.map((g) => g.id)).toEqual(directory().groups.map((g) => g.id));
    expect(all.moreAvailable).toBe(false);
    expect(env.emulator.requestsTo("/v1.0/groups", "GET")).toHaveLength(1 + 5);
  });

  test("$search and a count send ConsistencyLevel: eventual", async () => {
    const data = dataOf<Page<Group>>(
      await env.harness.action("listGroups", { connection: env.connection, search: '"displayName:sales"', count: true }),
    );
    const expected = directory().groups.filter((g) => g.displayName?.toLowerCase().startsWith("sales"));
    expect(data.value.map((g) => g.id).sort()).toEqual(expected.map((g) => g.id).sort());
    expect(data["@odata.count"]).toBe(expected.length);
    expect(env.emulator.requests[0]?.headers.consistencylevel).toBe("eventual");
  });

  test("a filter passes through as written", async () => {
    const data = dataOf<Page<Group>>(
      await env.harness.action("listGroups", {
        connection: env.connection,
        filter: "securityEnabled eq true",
        select: "id,securityEnabled",
      }),
    );
    expect(data.value.length).toBe(directory().groups.filter((g) => g.securityEnabled).length);
    expect(new URLSearchParams(env.emulator.requests[0]?.search).get("$filter")).toBe("securityEnabled eq true");
  });
});

describe("get, create, update, delete", () => {
  test("getGroup with $select; a missing group surfaces Graph's 404 with request-id", async () => {
    const data = dataOf<Group>(
      await env.harness.action("getGroup", { connection: env.connection, groupId: group(0).id, select: "id,displayName" }),
    );
    expect(data).toMatchObject({ id: group(0).id, displayName: group(0).displayName });
    expect(data.mailNickname).toBeUndefined();
    const error = (await failure(
      env.harness.action("getGroup", { connection: env.connection, groupId: "00000000-0000-4000-8000-000000000001" }),
    )) as GraphError;
    expect(error.status).toBe(404);
    expect(error.code).toBe("Request_ResourceNotFound");
    expect(error.message).toMatch(/request-id: [0-9a-f-]{36}/);
  });

  test("createGroup sends a Microsoft 365 group or a security group as Graph expects", async () => {
    const m365 = dataOf<Group>(
      await env.harness.action("createGroup", {
        connection: env.connection,
        displayName: "Library Assist",
        mailNickname: "library",
        description: "Self help",
        visibility: "Private",
      }),
    );
    expect(JSON.parse(env.emulator.requestsTo("/v1.0/groups", "POST")[0]?.body ?? "{}")).toEqual({
      displayName: "Library Assist",
      mailNickname: "library",
      groupTypes: ["Unified"],
      mailEnabled: true,
      securityEnabled: false,
      description: "Self help",
      visibility: "Private",
    });
    expect(m365).toMatchObject({ displayName: "Library Assist", groupTypes: ["Unified"], visibility: "Private" });
    expect(directory().findGroup(m365.id as string)).toBeDefined();

    env.emulator.requests.length = 0;
    const security = dataOf<Group>(
      await env.harness.action("createGroup", {
        connection: env.connection,
        displayName: "Badge Access",
        mailNickname: "badge",
        groupKind: "Security",
      }),
    );
    expect(JSON.parse(env.emulator.requestsTo("/v1.0/groups", "POST")[0]?.body ?? "{}")).toEqual({
      displayName: "Badge Access",
      mailNickname: "badge",
      groupTypes: [],
      mailEnabled: false,
      securityEnabled: true,
    });
    expect(security.securityEnabled).toBe(true);
    expect(security.visibility).toBe("Private");
  });

  test("updateGroup PATCHes (204) and returns the group read back", async () => {
    const target = group(3);
    const data = dataOf<Group>(
      await env.harness.action("updateGroup", {
        connection: env.connection,
        groupId: target.id,
        description: "New text",
        properties: '{"displayName": "Renamed"}',
      }),
    );
    expect(JSON.parse(env.emulator.requestsTo(`/groups/${target.id as string}`, "PATCH")[0]?.body ?? "{}")).toEqual({
      description: "New text",
      displayName: "Renamed",
    });
    expect(new URLSearchParams(env.emulator.requestsTo(`/groups/${target.id as string}`, "GET")[0]?.search).get("$select")).toBe(
      "id,displayName,mailNickname,description",
    );
    expect(data).toMatchObject({ id: target.id, displayName: "Renamed", description: "New text", mailNickname: target.mailNickname });
  });

  test("deleteGroup handles 204; deleting again is Graph's 404", async () => {
    const target = group(directory().groups.length - 1);
    expect(dataOf(await env.harness.action("deleteGroup", { connection: env.connection, groupId: target.id }))).toBeNull();
    expect(directory().findGroup(target.id as string)).toBeUndefined();
    const error = (await failure(env.harness.action("deleteGroup", { connection: env.connection, groupId: target.id }))) as GraphError;
    expect(error.status).toBe(404);
  });
});

describe("members", () => {
  test("direct members carry @odata.type; transitive ones include members of nested groups", async () => {
    // The seeded directory nests group 0 inside group 1.
    const outer = group(1);
    const inner = group(0);
    const direct = dataOf<Page<Member>>(
      await env.harness.action("listGroupMembers", { connection: env.connection, groupId: outer.id, fetchAll: true }),
    );
    expect(direct.value.map((m) => m.id)).toEqual(members(outer));
    expect(direct.value.find((m) => m.id === inner.id)?.["@odata.type"]).toBe("#microsoft.graph.group");
    expect(direct.value.filter((m) => m["@odata.type"] === "#microsoft.graph.user").length).toBe(members(outer).length - 1);
    expect(env.emulator.requestsTo(`/groups/${outer.id as string}/members`, "GET")).toHaveLength(1);

    const transitive = dataOf<Page<Member>>(
      await env.harness.action("listGroupMembers", {
        connection: env.connection,
        groupId: outer.id,
        transitive: true,
        top: "5",
        fetchAll: true,
      }),
    );
    const expected = new Set([...members(outer), ...members(inner)]);
    expect(new Set(transitive.value.map((m) => m.id))).toEqual(expected);
    expect(transitive.value).toHaveLength(expected.size);
    expect(env.emulator.requestsTo(`/groups/${outer.id as string}/transitiveMembers`, "GET").length).toBe(Math.ceil(expected.size / 5));
  });

  test("a filter on members is sent as an advanced query; Graph refuses a plain one", async () => {
    const target = group(2);
    const data = dataOf<Page<Member>>(
      await env.harness.action("listGroupMembers", {
        connection: env.connection,
        groupId: target.id,
        filter: "startswith(displayName,'a')",
        select: "id,displayName",
      }),
    );
    const expected = members(target).filter((id) => directory().findUser(id)?.displayName?.toLowerCase().startsWith("a"));
    expect(data.value.map((m) => m.id).sort()).toEqual(expected.sort());
    expect(data["@odata.count"]).toBe(expected.length);
    expect(new URLSearchParams(env.emulator.requests[0]?.search).get("$count")).toBe("true");
    expect(env.emulator.requests[0]?.headers.consistencylevel).toBe("eventual");

    const client = new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token });
    const plain = (await failure(
      client.get(`/groups/${target.id as string}/members`, { $filter: "startswith(displayName,'a')" }),
    )) as GraphError;
    expect(plain.status).toBe(400);
    expect(plain.code).toBe("Request_UnsupportedQuery");
  });

  test("an order on members is sent as an advanced query; Graph refuses a plain one", async () => {
    const target = group(2);
    const data = dataOf<Page<Member>>(
      await env.harness.action("listGroupMembers", {
        connection: env.connection,
        groupId: target.id,
        orderBy: "displayName",
        select: "id,displayName",
      }),
    );
    const names = data.value.map((m) => (m.displayName ?? "").toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(new URLSearchParams(env.emulator.requests[0]?.search).get("$count")).toBe("true");
    expect(env.emulator.requests[0]?.headers.consistencylevel).toBe("eventual");

    const client = new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token });
    const plain = (await failure(client.get(`/groups/${target.id as string}/members`, { $orderby: "displayName" }))) as GraphError;
    expect(plain.status).toBe(400);
    expect(plain.graphMessage).toBe("Sorting not supported for current query.");
  });

  test("addGroupMember posts an @odata.id on the connection's own origin; a second add surfaces Graph's 400", async () => {
    const target = group(4);
    const user = directory().users.find((u) => !members(target).includes(u.id as string)) as User;
    expect(
      dataOf(await env.harness.action("addGroupMember", { connection: env.connection, groupId: target.id, memberId: user.id })),
    ).toBeNull();
    const post = env.emulator.requestsTo(`/v1.0/groups/${target.id as string}/members/$ref`, "POST");
    expect(post).toHaveLength(1);
    expect(JSON.parse(post[0]?.body ?? "{}")).toEqual({ "@odata.id": `${env.emulator.url}/v1.0/directoryObjects/${user.id as string}` });
    expect(members(target)).toContain(user.id);

    const again = (await failure(
      env.harness.action("addGroupMember", { connection: env.connection, groupId: target.id, memberId: user.id }),
    )) as GraphError;
    expect(again.status).toBe(400);
    expect(again.message).toContain("One or more added object references already exist for the following modified properties: 'members'.");
  });

  test("removeGroupMember deletes the $ref (204); a non-member is Graph's 404", async () => {
    const target = group(5);
    const memberId = members(target)[0];
    expect(dataOf(await env.harness.action("removeGroupMember", { connection: env.connection, groupId: target.id, memberId }))).toBeNull();
    expect(env.emulator.requestsTo(`/v1.0/groups/${target.id as string}/members/${memberId}/$ref`, "DELETE")).toHaveLength(1);
    expect(members(target)).not.toContain(memberId);
    const again = (await failure(
      env.harness.action("removeGroupMember", { connection: env.connection, groupId: target.id, memberId }),
    )) as GraphError;
    expect(again.status).toBe(404);
    expect(again.code).toBe("Request_ResourceNotFound");
  });
});
