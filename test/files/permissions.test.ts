import type { Site } from "@microsoft/microsoft-graph-types";
import { GraphError } from "../../src/graph";
import { filesPermissions } from "../../src/actions/files/permissions";
import { sitesPermissions } from "../../src/actions/sites/permissions";
import { driveStore } from "../../emulator/areas/files/store";
import { sitesState } from "../../emulator/areas/sites/store";
import { siteGrants } from "../../emulator/areas/sites/selected";
import { TestEnv, authCodeConnection, clientCredentialsConnection, dataOf, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 5, groupCount: 1 });
});
afterAll(() => env.emulator.close());
beforeEach(() => siteGrants(env).clear());

const integrations = () => sitesState(env.emulator).sites[1];
const marketing = () => sitesState(env.emulator).sites[2];
const projects = () => integrations().lists.find((l) => l.displayName === "Projects")!;
const libraryOf = (siteId: string) => driveStore(env.emulator).drivesOf("site", siteId)[0].id;

/** Runs an action with an app token holding exactly these roles; answers the data or the thrown error. */
function withRoles(roles: string[], key: string, params: Record<string, unknown>): Promise<unknown> {
  const connection = clientCredentialsConnection(env.emulator, env.emulator.issueToken({ roles }));
  return env.harness.action(key, { connection, ...params }).then(
    (result) => dataOf(result),
    (error: unknown) => error,
  );
}

describe("files and sites routes check Microsoft's permissions", () => {
  test("a token without Files.Read.All or Sites.Read.All gets Graph's 403, and the hint names the permission to grant", async () => {
    const error = await withRoles(["User.Read.All", "Sites.Manage.All"], "listFolder", {
      driveId: libraryOf(integrations().id),
      folder: "/",
    });
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(403);
    expect((error as GraphError).code).toBe("Authorization_RequestDenied");
    const needed = filesPermissions.listFolder.application[0] as string;
    expect(needed).toBe("Files.Read.All");
    expect((error as Error).message).toContain(`listFolder needs the application permission ${needed}`);
    expect((error as Error).message).toContain("the token holds roles User.Read.All, Sites.Manage.All");
  });

  test.each([
    ["Files.Read.All", "listFolder", true],
    ["Sites.Read.All", "listFolder", true],
    ["Files.ReadWrite.All", "listFolder", true],
    ["Files.Read.All", "createFolder", false],
    ["Files.ReadWrite.All", "createFolder", true],
    ["Sites.ReadWrite.All", "createFolder", true],
  ])("%s may %s: %s", async (role, key, allowed) => {
    const result = await withRoles([role], key, {
      driveId: libraryOf(integrations().id),
      folder: "/",
      parentFolder: "/",
      name: `f-${role}`,
    });
    if (allowed) expect(result).not.toBeInstanceOf(Error);
    else expect(result).toMatchObject({ status: 403, code: "Authorization_RequestDenied" });
  });

  test("lists: reading takes Sites.Read.All, writing items Sites.ReadWrite.All, creating lists Sites.Manage.All", async () => {
    const ids = { siteId: integrations().id, listId: projects().id };
    expect(await withRoles(["Sites.Read.All"], "listListItems", ids)).not.toBeInstanceOf(Error);
    const refused = await withRoles(["Sites.Read.All"], "createListItem", { ...ids, fields: '{"Title":"x"}' });
    expect((refused as GraphError).status).toBe(403);
    expect((refused as Error).message).toContain(
      `createListItem needs the application permission ${sitesPermissions.createListItem.application[0] as string}`,
    );
    expect(await withRoles(["Sites.ReadWrite.All"], "createListItem", { ...ids, fields: '{"Title":"x"}' })).not.toBeInstanceOf(Error);
    const create = { siteId: integrations().id, displayName: "Managed" };
    expect(((await withRoles(["Sites.ReadWrite.All"], "createList", create)) as GraphError).status).toBe(403);
    expect(await withRoles(["Sites.Manage.All"], "createList", create)).not.toBeInstanceOf(Error);
  });
});

describe("Sites.Selected", () => {
  test("reaches only the sites granted to the app, with the role granted", async () => {
    const site = integrations();
    const denied = await withRoles(["Sites.Selected"], "getSite", { siteId: site.id });
    expect(denied).toMatchObject({ status: 403, code: "accessDenied" });

    siteGrants(env).set(site.id.toLowerCase(), "read");
    expect(await withRoles(["Sites.Selected"], "getSite", { siteId: site.id })).toMatchObject({ id: site.id });
    expect(await withRoles(["Sites.Selected"], "getSite", { siteId: marketing().id })).toMatchObject({ status: 403 });
    const found = (await withRoles(["Sites.Selected"], "searchSites", { search: "*" })) as { value: Site[] };
    expect(found.value.map((s) => s.id)).toEqual([site.id]);

    const ids = { siteId: site.id, listId: projects().id };
    expect(await withRoles(["Sites.Selected"], "createListItem", { ...ids, fields: '{"Title":"y"}' })).toMatchObject({ status: 403 });
    siteGrants(env).set(site.id.toLowerCase(), "write");
    expect(await withRoles(["Sites.Selected"], "createListItem", { ...ids, fields: '{"Title":"y"}' })).not.toBeInstanceOf(Error);
    expect(await withRoles(["Sites.Selected"], "createList", { siteId: site.id, displayName: "Needs manage" })).toMatchObject({
      status: 403,
    });
  });

  test("reaches a granted site's library by drive id, never a user's OneDrive", async () => {
    siteGrants(env).set(integrations().id.toLowerCase(), "read");
    expect(await withRoles(["Sites.Selected"], "listFolder", { driveId: libraryOf(integrations().id), folder: "/" })).not.toBeInstanceOf(
      Error,
    );
    expect(await withRoles(["Sites.Selected"], "listFolder", { driveId: libraryOf(marketing().id), folder: "/" })).toMatchObject({
      status: 403,
    });
    const user = env.emulator.directory.users[0];
    expect(await withRoles(["Sites.Selected"], "listDrives", { userId: user.id })).toMatchObject({ status: 403 });
    expect(await withRoles(["Files.Read.All"], "listDrives", { userId: user.id })).not.toBeInstanceOf(Error);
  });
});

describe("delegated Files.Read", () => {
  /** Runs an action for a signed-in user whose token carries exactly these scopes. */
  function asUser(scp: string[], key: string, params: Record<string, unknown>): Promise<unknown> {
    const user = env.emulator.directory.users[1];
    const token = env.emulator.tokens.issueAccessToken({
      kind: "delegated",
      clientId: env.emulator.app.clientId,
      tenantId: env.emulator.app.tenantId,
      scopes: scp,
      scp,
      userId: user.id,
    }).token;
    return env.harness.action(key, { connection: authCodeConnection(env.emulator, token), ...params }).then(
      (result) => dataOf(result),
      (error: unknown) => error,
    );
  }

  test("reaches the user's own OneDrive only; Files.Read.All reaches other drives", async () => {
    const self = env.emulator.directory.users[1];
    const own = (await asUser(["Files.Read"], "listDrives", { userId: self.id })) as { value: { id: string }[] };
    expect(await asUser(["Files.Read"], "listFolder", { driveId: own.value[0]?.id, folder: "/" })).not.toBeInstanceOf(Error);
    expect(await asUser(["Files.Read"], "listDrives", { userId: env.emulator.directory.users[2].id })).toMatchObject({ status: 403 });
    const library = libraryOf(integrations().id);
    expect(await asUser(["Files.Read"], "listFolder", { driveId: library, folder: "/" })).toMatchObject({ status: 403 });
    expect(await asUser(["Files.Read.All"], "listFolder", { driveId: library, folder: "/" })).not.toBeInstanceOf(Error);
  });
});
