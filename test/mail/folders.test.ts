import type { MailFolder } from "@microsoft/microsoft-graph-types";
import { dataOf, expectInputError } from "../helpers/setup";
import { Page, personWithFolders, queryOf, useMailEnv } from "./mailEnv";

const env = useMailEnv();

const names = (page: Page<MailFolder>) => page.value.map((f) => f.displayName);

describe("listMailFolders", () => {
  test("top-level folders of a mailbox; hidden ones only on request", async () => {
    const user = personWithFolders(env);
    const params = { connection: env.connection, mailbox: user.userPrincipalName, top: "100" };
    const page = dataOf<Page<MailFolder>>(await env.harness.action("listMailFolders", params));
    expect(names(page)).toEqual(expect.arrayContaining(["Inbox", "Drafts", "Sent Items", "Deleted Items", "Junk Email", "Archive"]));
    expect(names(page)).not.toContain("Rules staging");
    expect(env.emulator.requests[0]?.path).toBe(`/v1.0/users/${encodeURIComponent(user.userPrincipalName as string)}/mailFolders`);

    const withHidden = dataOf<Page<MailFolder>>(await env.harness.action("listMailFolders", { ...params, includeHidden: true }));
    expect(names(withHidden)).toContain("Rules staging");
    expect(queryOf(env, 1).get("includeHiddenFolders")).toBe("true");
  });

  test("child folders by well-known name and by id", async () => {
    const user = personWithFolders(env);
    const inbox = dataOf<Page<MailFolder>>(
      await env.harness.action("listMailFolders", { connection: env.connection, mailbox: user.id, parentFolder: "Inbox" }),
    );
    expect(names(inbox)).toEqual(["Projects"]);
    expect(env.emulator.requests[0]?.path).toMatch(/\/mailFolders\/inbox\/childFolders$/);
    const projects = dataOf<Page<MailFolder>>(
      await env.harness.action("listMailFolders", { connection: env.connection, mailbox: user.id, parentFolder: inbox.value[0]?.id }),
    );
    expect(names(projects)).toEqual(["Falcon"]);
  });

  test("one page with its nextLink, or fetch all up to the limit", async () => {
    const user = env.people[1];
    const params = { connection: env.connection, mailbox: user.userPrincipalName, top: "3" };
    const page = dataOf<Page<MailFolder>>(await env.harness.action("listMailFolders", params));
    expect(page.value).toHaveLength(3);
    expect(page["@odata.nextLink"]).toBeDefined();
    const some = dataOf<Page<MailFolder>>(await env.harness.action("listMailFolders", { ...params, fetchAll: true, limit: "5" }));
    expect(some.value).toHaveLength(5);
    expect(some.moreAvailable).toBe(true);
  });

  test("a folder that is neither an id nor a well-known name is refused before any request", async () => {
    await expectInputError(
      env,
      () => env.harness.action("listMailFolders", { connection: env.connection, mailbox: env.people[0].id, parentFolder: "Projects" }),
      /Parent Folder: "Projects" is neither a folder ID nor a well-known folder name \(archive, clutter/,
    );
  });

  test("app-only without a mailbox is refused before any request; delegated without one reads /me", async () => {
    await expectInputError(
      env,
      () => env.harness.action("listMailFolders", { connection: env.connection }),
      /Mailbox: is required with an app-only connection/,
    );
    const user = env.people[2];
    const page = dataOf<Page<MailFolder>>(await env.harness.action("listMailFolders", { connection: env.delegated(user) }));
    expect(names(page)).toContain("Inbox");
    expect(env.emulator.requests[0]?.path).toBe("/v1.0/me/mailFolders");
  });
});

test("Graph's own errors for an unknown user, a user without a mailbox and an unknown folder", async () => {
  const call = (mailbox: string, parentFolder?: string) =>
    env.harness.action("listMailFolders", { connection: env.connection, mailbox, parentFolder });
  await expect(call("nobody@contoso.com")).rejects.toThrow(
    /404 ErrorInvalidUser: The requested user 'nobody@contoso.com' is invalid\..*request-id/,
  );
  const guest = env.emulator.directory.users.find((u) => u.userType === "Guest");
  await expect(call(guest?.id as string)).rejects.toThrow(/404 MailboxNotEnabledForRESTAPI/);
  await expect(call(env.people[0].id as string, "AAMkAGI2Rm9sZAAuNotARealFolderId000=")).rejects.toThrow(/404 ErrorFolderNotFound/);
});

describe("selectMailFolder", () => {
  test("lists folders and child folders labelled by path, keyed by id", async () => {
    const user = personWithFolders(env);
    const box = env.mailboxOf(user);
    const { result } = (await env.harness.dataSource("selectMailFolder", {
      connection: env.connection,
      mailbox: user.userPrincipalName,
    })) as {
      result: { label: string; key: string }[];
    };
    const falcon = [...box.folders.values()].find((f) => f.displayName === "Falcon");
    expect(result).toContainEqual({ label: "Inbox / Projects / Falcon", key: falcon?.id });
    expect(result.map((o) => o.label)).toEqual(expect.arrayContaining(["Inbox", "Inbox / Projects", "Sync Issues / Conflicts"]));
    // Only folders with children are opened.
    expect(env.emulator.requestsTo("/childFolders")).toHaveLength(3);
  });

  test("app-only without a mailbox is refused before any request", async () => {
    await expectInputError(env, () => env.harness.dataSource("selectMailFolder", { connection: env.connection }), /Mailbox: is required/);
  });
});
