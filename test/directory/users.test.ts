import type { User } from "@microsoft/microsoft-graph-types";
import { GraphClient, GraphError } from "../../src/graph";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

type Page<T> = { value: T[]; "@odata.nextLink"?: string; "@odata.count"?: number; "@odata.context"?: string; moreAvailable?: boolean };

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 120 });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
});

const directory = () => env.emulator.directory;
const memberUser = (i = 0) => directory().users.filter((u) => u.userType === "Member")[i];
const query = (i = 0) => new URLSearchParams(env.emulator.requests[i]?.search ?? "");

describe("listUsers", () => {
  test("one page with the SaaS-management $select and $top=999 by default, no advanced query", async () => {
    const data = dataOf<Page<User>>(await env.harness.action("listUsers", { connection: env.connection }));
    expect(data.value).toHaveLength(120);
    expect(Object.keys(data.value[0] as object).sort()).toEqual(
      "accountEnabled,assignedLicenses,displayName,givenName,id,mail,onPremisesImmutableId,onPremisesLastSyncDateTime,surname,userPrincipalName,userType,createdDateTime,country,department"
        .split(",")
        .sort(),
    );
    expect(query().get("$top")).toBe("999");
    expect(query().get("$count")).toBeNull();
    expect(query().get("$filter")).toBeNull();
    expect(env.emulator.requests[0]?.headers.consistencylevel).toBeUndefined();
  });

  test("one page returns Graph's @odata.nextLink; fetch all follows it up to the limit", async () => {
    const page = dataOf<Page<User>>(await env.harness.action("listUsers", { connection: env.connection, top: "25", select: "id" }));
    expect(page.value).toHaveLength(25);
    expect(page["@odata.nextLink"]).toContain("$skiptoken=");
    expect(page.moreAvailable).toBeUndefined();

    env.emulator.requests.length = 0;
    const all = dataOf<Page<User>>(
      await env.harness.action("listUsers", { connection: env.connection, top: "25", select: "id", fetchAll: true, limit: "60" }),
    );
    expect(all.value).toHaveLength(60);
    expect(all.moreAvailable).toBe(true);
    expect(new Set(all.value.map((u) => u.id)).size).toBe(60);
    expect(env.emulator.requestsTo("/v1.0/users", "GET")).toHaveLength(3);

    const everything = dataOf<Page<User>>(
      await env.harness.action("listUsers", { connection: env.connection, top: "50", select: "id", fetchAll: true }),
    );
    expect(everything.value).toHaveLength(120);
    expect(everything.moreAvailable).toBe(false);
  });

  test("domains build an escaped endswith filter with $count=true and ConsistencyLevel on every page", async () => {
    const expected = directory().users.filter((u) => /@(o'brien\.example|fabrikam\.com)$/i.test(u.userPrincipalName ?? ""));
    expect(expected.some((u) => u.userPrincipalName?.endsWith("@o'brien.example"))).toBe(true);
    const data = dataOf<Page<User>>(
      await env.harness.action("listUsers", {
        connection: env.connection,
        domains: ["o'brien.example", "@Fabrikam.com"],
        top: "5",
        fetchAll: true,
      }),
    );
    expect(data.value.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
    expect(data["@odata.count"]).toBe(expected.length);
    expect(query().get("$filter")).toBe("endswith(userPrincipalName,'@o''brien.example') or endswith(userPrincipalName,'@fabrikam.com')");
    expect(query().get("$count")).toBe("true");
    const calls = env.emulator.requestsTo("/v1.0/users", "GET");
    expect(calls.length).toBe(Math.ceil(expected.length / 5));
    for (const call of calls) expect(call.headers.consistencylevel).toBe("eventual");
  });

  test("domains combine with a user filter as (domains) and (filter)", async () => {
    const data = dataOf<Page<User>>(
      await env.harness.action("listUsers", {
        connection: env.connection,
        domains: ["contoso.com"],
        filter: "accountEnabled eq false",
        select: "id,accountEnabled,userPrincipalName",
      }),
    );
    expect(query().get("$filter")).toBe("(endswith(userPrincipalName,'@contoso.com')) and (accountEnabled eq false)");
    const expected = directory().users.filter((u) => u.userPrincipalName?.endsWith("@contoso.com") && u.accountEnabled === false);
    expect(expected.length).toBeGreaterThan(0);
    expect(data.value.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
  });

  test("* in the domains means every user, including those without mail: no filter at all", async () => {
    const data = dataOf<Page<User>>(await env.harness.action("listUsers", { connection: env.connection, domains: ["contoso.com", "*"] }));
    expect(data.value).toHaveLength(120);
    expect(data.value.some((u) => u.mail === null)).toBe(true);
    expect(query().get("$filter")).toBeNull();
    expect(query().get("$count")).toBeNull();
  });

  test("$search is sent quoted with ConsistencyLevel, and $orderby passes through", async () => {
    const data = dataOf<Page<User>>(
      await env.harness.action("listUsers", { connection: env.connection, search: '"displayName:adele"', select: "id,displayName" }),
    );
    expect(data.value.length).toBeGreaterThan(0);
    for (const user of data.value) expect(user.displayName?.toLowerCase()).toContain("adele");
    expect(env.emulator.requests[0]?.headers.consistencylevel).toBe("eventual");

    const ordered = dataOf<Page<User>>(
      await env.harness.action("listUsers", { connection: env.connection, orderBy: "displayName desc", select: "displayName", top: "10" }),
    );
    const names = ordered.value.map((u) => (u.displayName ?? "").toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    expect(query(1).get("$count")).toBeNull();
    expect(env.emulator.requests[1]?.headers.consistencylevel).toBeUndefined();
  });

  test("$filter with $orderby, or sorting by another property, goes as an advanced query, which Graph requires", async () => {
    const data = dataOf<Page<User>>(
      await env.harness.action("listUsers", {
        connection: env.connection,
        filter: "accountEnabled eq true",
        orderBy: "displayName",
        select: "id,displayName,accountEnabled",
        top: "20",
      }),
    );
    expect(query().get("$count")).toBe("true");
    expect(env.emulator.requests[0]?.headers.consistencylevel).toBe("eventual");
    expect(data.value.every((u) => u.accountEnabled === true)).toBe(true);
    const names = data.value.map((u) => (u.displayName ?? "").toLowerCase());
    expect(names).toEqual([...names].sort());

    await env.harness.action("listUsers", { connection: env.connection, orderBy: "createdDateTime desc", select: "id" });
    expect(query(1).get("$count")).toBe("true");
    expect(env.emulator.requests[1]?.headers.consistencylevel).toBe("eventual");

    const client = new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token });
    const plain = (await client
      .get("/users", { $filter: "accountEnabled eq true", $orderby: "displayName" })
      .catch((e: unknown) => e)) as GraphError;
    expect(plain.status).toBe(400);
    expect(plain.code).toBe("Request_UnsupportedQuery");
    expect(plain.graphMessage).toBe("Sorting not supported for current query.");
  });
});

describe("getUser", () => {
  test("by id and by userPrincipalName, with $select", async () => {
    const user = memberUser(3);
    const byId = dataOf<User>(await env.harness.action("getUser", { connection: env.connection, userId: user.id }));
    expect(byId.userPrincipalName).toBe(user.userPrincipalName);
    expect(byId).toHaveProperty(["@odata.context"]);
    const byUpn = dataOf<User>(
      await env.harness.action("getUser", { connection: env.connection, userId: user.userPrincipalName, select: "id,department" }),
    );
    expect(byUpn).toMatchObject({ id: user.id, department: user.department });
    expect(byUpn.displayName).toBeUndefined();
    expect(env.emulator.requests[1]?.path).toBe(`/v1.0/users/${encodeURIComponent(user.userPrincipalName as string).replace(/'/g, "%27")}`);
  });

  test("a user with ' in the UPN reaches the right user", async () => {
    const user = directory().users.find((u) => u.userPrincipalName?.includes("'")) as User;
    const data = dataOf<User>(await env.harness.action("getUser", { connection: env.connection, userId: user.userPrincipalName }));
    expect(data.id).toBe(user.id);
  });

  test("a userPrincipalName starting with $ is addressed in Graph's key form, /users('$…')", async () => {
    const user = directory().createUser({ displayName: "Dollar Admin", userPrincipalName: "$admin@contoso.com", mailNickname: "admin" });
    const before = env.emulator.requests.length;
    const data = dataOf<User>(await env.harness.action("getUser", { connection: env.connection, userId: "$admin@contoso.com" }));
    expect(data.id).toBe(user.id);
    expect(env.emulator.requests[before]?.path).toBe("/v1.0/users(%27%24admin%40contoso.com%27)");
  });

  test("a missing user surfaces Graph's 404 with its code and request-id", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const error = (await env.harness
      .action("getUser", { connection: env.connection, userId: missing })
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.status).toBe(404);
    expect(error.code).toBe("Request_ResourceNotFound");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain("Request_ResourceNotFound");
    expect(error.message).toContain(`request-id: ${error.requestId as string}`);
    expect(error.message).toContain(`Resource '${missing}' does not exist`);
  });
});

describe("create, update, enable/disable, revoke, delete", () => {
  test("createUser posts Graph's body and returns the 201 user", async () => {
    const data = dataOf<User>(
      await env.harness.action("createUser", {
        connection: env.connection,
        displayName: "Nora Quinn",
        userPrincipalName: "nora.quinn@contoso.com",
        password: "xWwvJ]6NMw+bWH-d",
        department: "Legal",
        usageLocation: "gb",
        properties: '{"employeeId": "E-77"}',
      }),
    );
    expect(data.userPrincipalName).toBe("nora.quinn@contoso.com");
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/);
    const sent = JSON.parse(env.emulator.requestsTo("/v1.0/users", "POST")[0]?.body ?? "{}") as Record<string, unknown>;
    expect(sent).toEqual({
      accountEnabled: true,
      displayName: "Nora Quinn",
      mailNickname: "nora.quinn",
      userPrincipalName: "nora.quinn@contoso.com",
      passwordProfile: { forceChangePasswordNextSignIn: true, password: "xWwvJ]6NMw+bWH-d" },
      department: "Legal",
      usageLocation: "GB",
      employeeId: "E-77",
    });
    expect(directory().findUser("nora.quinn@contoso.com")?.usageLocation).toBe("GB");
  });

  test("createUser surfaces Graph's 400 for a duplicate userPrincipalName", async () => {
    const existing = memberUser(1).userPrincipalName as string;
    const error = (await env.harness
      .action("createUser", { connection: env.connection, displayName: "Dup", userPrincipalName: existing, password: "xWwvJ]6NMw+bWH-d" })
      .catch((e: unknown) => e)) as GraphError;
    expect(error.status).toBe(400);
    expect(error.message).toContain("Another object with the same value for property userPrincipalName already exists.");
  });

  test("updateUser PATCHes only the given fields (204) and returns the user read back", async () => {
    const user = memberUser(4);
    const data = dataOf<User>(
      await env.harness.action("updateUser", {
        connection: env.connection,
        userId: user.id,
        jobTitle: "Head of Sales",
        properties: '{"officeLocation": "18/2111"}',
      }),
    );
    const patch = env.emulator.requestsTo(`/v1.0/users/${user.id as string}`, "PATCH");
    expect(patch).toHaveLength(1);
    expect(JSON.parse(patch[0]?.body ?? "{}")).toEqual({ jobTitle: "Head of Sales", officeLocation: "18/2111" });
    const get = env.emulator.requestsTo(`/v1.0/users/${user.id as string}`, "GET");
    expect(new URLSearchParams(get[0]?.search).get("$select")).toBe("id,displayName,userPrincipalName,jobTitle,officeLocation");
    expect(data).toMatchObject({
      id: user.id,
      jobTitle: "Head of Sales",
      officeLocation: "18/2111",
      userPrincipalName: user.userPrincipalName,
    });
  });

  test("updateUser that renames a user addressed by userPrincipalName reads it back under the new name", async () => {
    const user = memberUser(8);
    const newUpn = "renamed.user8@contoso.com";
    expect(directory().findUser(newUpn)).toBeUndefined();
    const data = dataOf<User>(
      await env.harness.action("updateUser", {
        connection: env.connection,
        userId: user.userPrincipalName,
        properties: JSON.stringify({ userPrincipalName: newUpn }),
      }),
    );
    expect(data).toMatchObject({ id: user.id, userPrincipalName: newUpn });
    expect(env.emulator.requestsTo(`/v1.0/users/${encodeURIComponent(newUpn)}`, "GET")).toHaveLength(1);
  });

  test("disableUser and enableUser flip accountEnabled", async () => {
    const user = memberUser(5);
    const disabled = dataOf<User>(await env.harness.action("disableUser", { connection: env.connection, userId: user.userPrincipalName }));
    expect(disabled.accountEnabled).toBe(false);
    expect(directory().findUser(user.id as string)?.accountEnabled).toBe(false);
    expect(JSON.parse(env.emulator.requestsTo("/users/", "PATCH")[0]?.body ?? "{}")).toEqual({ accountEnabled: false });
    const enabled = dataOf<User>(await env.harness.action("enableUser", { connection: env.connection, userId: user.userPrincipalName }));
    expect(enabled).toMatchObject({ id: user.id, accountEnabled: true });
  });

  test("revokeSignInSessions returns Graph's boolean answer", async () => {
    const user = memberUser(6);
    const data = dataOf<{ value: boolean; "@odata.context": string }>(
      await env.harness.action("revokeSignInSessions", { connection: env.connection, userId: user.id }),
    );
    expect(data.value).toBe(true);
    expect(data["@odata.context"]).toMatch(/\$metadata#Edm\.Boolean$/);
    expect(env.emulator.requestsTo(`/users/${user.id as string}/revokeSignInSessions`, "POST")).toHaveLength(1);
  });

  test("deleteUser handles Graph's 204 and the user is gone", async () => {
    const user = memberUser(7);
    const result = await env.harness.action("deleteUser", { connection: env.connection, userId: user.id });
    expect(dataOf(result)).toBeNull();
    expect(directory().findUser(user.id as string)).toBeUndefined();
    const again = (await env.harness
      .action("deleteUser", { connection: env.connection, userId: user.id })
      .catch((e: unknown) => e)) as GraphError;
    expect(again.status).toBe(404);
  });
});

describe("manager, memberships, licence details", () => {
  test("getManager returns the manager as a directoryObject typed user; none gives Graph's 404", async () => {
    const [userId, managerId] = [...directory().managers.entries()][0];
    const data = dataOf<User & { "@odata.type": string }>(await env.harness.action("getManager", { connection: env.connection, userId }));
    expect(data).toMatchObject({ id: managerId, "@odata.type": "#microsoft.graph.user" });
    const top = directory().users.find((u) => !directory().managers.has(u.id as string)) as User;
    const error = (await env.harness
      .action("getManager", { connection: env.connection, userId: top.id })
      .catch((e: unknown) => e)) as GraphError;
    expect(error.status).toBe(404);
    expect(error.message).toContain("Resource 'manager' does not exist");
  });

  test("listUserMemberOf lists groups, directory roles and administrative units with @odata.type", async () => {
    // The first member holds the Global Administrator role and is in the administrative unit (index 0).
    const user = memberUser(0);
    const data = dataOf<Page<{ id: string; "@odata.type": string; displayName: string }>>(
      await env.harness.action("listUserMemberOf", { connection: env.connection, userId: user.id }),
    );
    const types = new Set(data.value.map((o) => o["@odata.type"]));
    expect(types).toEqual(new Set(["#microsoft.graph.group", "#microsoft.graph.directoryRole", "#microsoft.graph.administrativeUnit"]));
    const groups = directory().groups.filter((g) =>
      directory()
        .members.get(g.id as string)
        ?.includes(user.id as string),
    );
    expect(
      data.value
        .filter((o) => o["@odata.type"] === "#microsoft.graph.group")
        .map((o) => o.id)
        .sort(),
    ).toEqual(groups.map((g) => g.id).sort());
    expect(env.emulator.requests[0]?.headers.consistencylevel).toBeUndefined();
  });

  test("listUserMemberOf with a filter sends the advanced query ($count=true, ConsistencyLevel)", async () => {
    const user = memberUser(0);
    const data = dataOf<Page<{ displayName: string; "@odata.type": string }>>(
      await env.harness.action("listUserMemberOf", {
        connection: env.connection,
        userId: user.id,
        filter: "startswith(displayName,'Global')",
        select: "id,displayName",
      }),
    );
    expect(data.value).toEqual([
      expect.objectContaining({ displayName: "Global Administrator", "@odata.type": "#microsoft.graph.directoryRole" }),
    ]);
    expect(data["@odata.count"]).toBe(1);
    expect(query().get("$count")).toBe("true");
    expect(env.emulator.requests[0]?.headers.consistencylevel).toBe("eventual");
  });

  test("listUserLicenseDetails lists the assigned SKUs with their service plans", async () => {
    const user = directory().users.find((u) => (u.assignedLicenses ?? []).length > 0) as User;
    const data = dataOf<Page<{ skuId: string; skuPartNumber: string; servicePlans: unknown[] }>>(
      await env.harness.action("listUserLicenseDetails", { connection: env.connection, userId: user.userPrincipalName }),
    );
    expect(data.value.map((d) => d.skuId)).toEqual((user.assignedLicenses ?? []).map((l) => l.skuId));
    expect(data.value[0]?.servicePlans.length).toBeGreaterThan(0);
    expect(data["@odata.context"]).toContain("/licenseDetails");
  });
});
