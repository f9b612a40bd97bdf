import type { User } from "@microsoft/microsoft-graph-types";
import { GraphError, graphPath } from "../../src/graph";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 60 });
});
afterAll(() => env.emulator.close());

const run = (key: string, inputs: Record<string, unknown>) => () => env.harness.action(key, { connection: env.connection, ...inputs });
const someUser = () => env.emulator.directory.users[1];
const GROUP = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
const SKU = "6fd2c87f-b296-42f0-b197-1e91e994b900";

describe("bad input fails before any request, naming the input", () => {
  test.each([
    ["not a user", /^User: "not a user" is neither an object ID/],
    ["ann@", /^User: /],
    ["a/b@contoso.com", /^User: /],
    ["ann?x=1@contoso.com", /^User: /],
    ["", /^User: is required/],
  ])("user reference %p", async (userId, message) => {
    for (const key of ["getUser", "deleteUser", "disableUser", "getManager", "listUserMemberOf"]) {
      await expectInputError(env, run(key, { userId }), message);
    }
  });

  test("empty required inputs", async () => {
    await expectInputError(
      env,
      run("createUser", { displayName: " ", userPrincipalName: "x@contoso.com", password: "p" }),
      /^Display Name: is required/,
    );
    await expectInputError(
      env,
      run("createUser", { displayName: "X", userPrincipalName: "x@contoso.com", password: "" }),
      /^Password: is required/,
    );
    await expectInputError(env, run("createGroup", { displayName: "X", mailNickname: "" }), /^Mail Nickname: is required/);
    await expectInputError(env, run("getGroup", { groupId: "" }), /^Group: is required/);
  });

  test.each([["contoso com"], ["bad_domain.com"], ["-contoso.com"], ["contoso"], ["x.com/../users"]])(
    "invalid domain %p",
    async (domain) => {
      await expectInputError(env, run("listUsers", { domains: ["contoso.com", domain] }), /^Domains: .* is not a domain name/);
    },
  );

  test.each([["0"], ["1000"], ["ten"], ["-5"]])("$top out of range or not a number: %p", async (top) => {
    await expectInputError(env, run("listUsers", { top }), /^Page Size: /);
    await expectInputError(env, run("listGroups", { top }), /^Page Size: /);
    await expectInputError(env, run("listGroupMembers", { groupId: GROUP, top }), /^Page Size: /);
  });

  test("a fetch-all limit out of range", async () => {
    await expectInputError(env, run("listUsers", { fetchAll: true, limit: "0" }), /^Limit: /);
  });

  test("JSON that does not parse, or is not an object", async () => {
    await expectInputError(
      env,
      run("updateUser", { userId: someUser().id, properties: "{jobTitle: 'x'" }),
      /^More Properties \(JSON\): is not valid JSON/,
    );
    await expectInputError(
      env,
      run("createGroup", { displayName: "X", mailNickname: "x", properties: "[1,2]" }),
      /^More Properties \(JSON\): must be a JSON object/,
    );
    await expectInputError(
      env,
      run("assignLicenses", { userId: someUser().id, addLicenses: "[{skuId:" }),
      /^Add Licenses: is not valid JSON/,
    );
  });

  test("SKU ids and service plans that are not GUIDs", async () => {
    const userId = someUser().id;
    await expectInputError(env, run("assignLicenses", { userId, skuId: "ENTERPRISEPACK" }), /^SKU ID: "ENTERPRISEPACK" is not a GUID/);
    await expectInputError(
      env,
      run("assignLicenses", { userId, skuId: SKU, disabledPlans: ["TEAMS1"] }),
      /^Disabled Plans: "TEAMS1" is not a GUID/,
    );
    await expectInputError(env, run("assignLicenses", { userId, removeLicenses: [SKU, "E3"] }), /^Remove Licenses: "E3" is not a GUID/);
    await expectInputError(
      env,
      run("assignLicenses", { userId, addLicenses: '[{"skuId": "nope"}]' }),
      /^Add Licenses: "nope" is not a GUID/,
    );
    await expectInputError(
      env,
      run("assignLicenses", { userId, addLicenses: '[{"disabledPlans": []}]' }),
      /^Add Licenses: entry 1 has no skuId/,
    );
    await expectInputError(env, run("assignLicenses", { userId }), /^SKU ID: nothing to do/);
    await expectInputError(
      env,
      run("assignLicenses", { userId, disabledPlans: ["57ff2da0-773e-42df-b2af-ffb7a2317929"] }),
      /^Disabled Plans: apply to the SKU ID/,
    );
  });

  test("other typed fields", async () => {
    const userId = someUser().id;
    await expectInputError(
      env,
      run("updateUser", { userId, usageLocation: "USA" }),
      /^Usage Location: "USA" is not a two-letter country code/,
    );
    await expectInputError(env, run("updateUser", { userId }), /^More Properties \(JSON\): nothing to change/);
    await expectInputError(
      env,
      run("createUser", { displayName: "X", userPrincipalName: "6731de76-14a6-49ae-97bc-6eba6914391e", password: "p" }),
      /^User Principal Name: .* is a GUID/,
    );
    await expectInputError(
      env,
      run("createUser", { displayName: "X", userPrincipalName: "x@contoso.com", password: "p", mailNickname: "x y" }),
      /^Mail Nickname: "x y" is not a valid mail alias/,
    );
    await expectInputError(
      env,
      run("createUser", { displayName: "X", userPrincipalName: "ñü@contoso.com", password: "p" }),
      /^Mail Nickname: cannot be made from "ñü@contoso.com"; give one/,
    );
    await expectInputError(
      env,
      run("createGroup", { displayName: "X", mailNickname: "has space" }),
      /^Mail Nickname: "has space" is not a valid mail alias/,
    );
    await expectInputError(
      env,
      run("createGroup", { displayName: "X", mailNickname: "x", groupKind: "Distribution" }),
      /^Group Type: "Distribution" is not one of/,
    );
    await expectInputError(env, run("updateGroup", { groupId: GROUP, visibility: "Secret" }), /^Visibility: "Secret" is not one of/);
    await expectInputError(
      env,
      run("updateGroup", { groupId: GROUP, visibility: "HiddenMembership" }),
      /^Visibility: HiddenMembership can be set only when a Microsoft 365 group is created/,
    );
    await expectInputError(
      env,
      run("createGroup", { displayName: "X", mailNickname: "x", groupKind: "Security", visibility: "HiddenMembership" }),
      /^Visibility: HiddenMembership is only for Microsoft 365 groups/,
    );
    await expectInputError(env, run("updateGroup", { groupId: GROUP }), /^More Properties \(JSON\): nothing to change/);
    await expectInputError(
      env,
      run("addGroupMember", { groupId: "HR Taskforce", memberId: someUser().id }),
      /^Group: "HR Taskforce" is not a GUID/,
    );
    await expectInputError(
      env,
      run("removeGroupMember", { groupId: GROUP, memberId: someUser().userPrincipalName }),
      /^Member: .* is not a GUID/,
    );
    await expectInputError(env, run("getPresence", { userId: someUser().userPrincipalName }), /^User: .* is not a GUID/);
    await expectInputError(
      env,
      run("getPresences", { userIds: [someUser().id, "ann@contoso.com"] }),
      /^User IDs: "ann@contoso.com" is not a GUID/,
    );
    await expectInputError(env, run("getPresences", { userIds: [] }), /^User IDs: is required/);
  });
});

describe("path segments are encoded", () => {
  test("graphPath keeps /, ? and # inside one segment", () => {
    expect(graphPath`/users/${"a/b?c=1#d"}/manager`).toBe("/users/a%2Fb%3Fc%3D1%23d/manager");
  });

  test("a guest UPN with #EXT# reaches that user, sent as one encoded segment", async () => {
    const guest = env.emulator.directory.users.find((u) => u.userPrincipalName?.includes("#EXT#")) as User;
    env.emulator.requests.length = 0;
    const data = dataOf<User>(await env.harness.action("getUser", { connection: env.connection, userId: guest.userPrincipalName }));
    expect(data.id).toBe(guest.id);
    expect(env.emulator.requests[0]?.path).toContain("%23EXT%23");
  });

  test("an encoded traversal in a UPN stays literal and cannot reach another endpoint", async () => {
    env.emulator.requests.length = 0;
    const error = (await env.harness
      .action("getUser", { connection: env.connection, userId: "..%2F..%2Fgroups%3F@contoso.com" })
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.status).toBe(404);
    expect(env.emulator.requests).toHaveLength(1);
    expect(env.emulator.requests[0]?.path).toBe("/v1.0/users/..%252F..%252Fgroups%253F%40contoso.com");
  });
});
