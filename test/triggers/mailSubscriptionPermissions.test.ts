import type { User } from "@microsoft/microsoft-graph-types";
import { subscriptionService } from "../../emulator/areas/subscriptions/routes";
import { TestEnv, authCodeConnection, clientCredentialsConnection, failure, startTestEnv } from "../helpers/setup";
import { WebhookReceiver } from "./webhookReceiver";

let env: TestEnv;
let people: User[];
beforeAll(async () => {
  env = await startTestEnv({ userCount: 12 });
  people = env.emulator.directory.users.filter((u) => u.userType === "Member" && u.mail);
});
afterAll(() => env.emulator.close());
beforeEach(() => subscriptionService(env.emulator).subscriptions.clear());

const inbox = (user: User | undefined) => `users/${user?.id as string}/mailFolders('inbox')/messages`;

function appConnection(roles: string[]) {
  return clientCredentialsConnection(env.emulator, env.emulator.issueToken({ roles }));
}

function userConnection(user: User | undefined, scopes: string[]) {
  return authCodeConnection(env.emulator, env.emulator.issueToken({ kind: "delegated", userId: user?.id as string, scopes, scp: scopes }));
}

async function deploy(connection: unknown, resource: string): Promise<WebhookReceiver> {
  const receiver = await new WebhookReceiver(env, "changeNotifications", { connection, resource, changeTypes: "created" }).start();
  await receiver.deploy();
  return receiver;
}

describe("a subscription on a mailbox folder's messages needs the mail read permission", () => {
  test("app-only without a mail role: Graph's 403, and the hint names Mail.ReadBasic", async () => {
    const error = await failure(() => deploy(appConnection(["User.Read.All"]), inbox(people[0])));
    expect(error.message).toMatch(/403 ExtensionError: Operation: Create; Exception: \[Status Code: Forbidden; Reason: Access denied\]/);
    expect(error.message).toContain(
      "Microsoft names no application permission for changeNotifications; the token holds roles User.Read.All.",
    );
    expect(error.message).toContain("mail messages Mail.ReadBasic (Mail.ReadBasic.All for apps)");
    expect(subscriptionService(env.emulator).subscriptions.size).toBe(0);
  });

  test.each([["Mail.ReadBasic.All"], ["Mail.Read"], ["Mail.ReadWrite"]])("app-only with %s: created", async (role) => {
    await deploy(appConnection([role]), inbox(people[1]));
    expect(subscriptionService(env.emulator).subscriptions.size).toBe(1);
  });

  test("delegated: Mail.ReadBasic for the own mailbox, the .Shared form for another's", async () => {
    const [me, other] = people;
    const error = await failure(() => deploy(userConnection(me, ["User.Read"]), "me/mailFolders('inbox')/messages"));
    expect(error.message).toContain("Microsoft names no delegated permission for changeNotifications; the token holds scopes User.Read.");
    expect(error.message).toContain("Mail.ReadBasic");
    await deploy(userConnection(me, ["Mail.ReadBasic"]), "me/mailFolders('inbox')/messages");
    await deploy(userConnection(me, ["Mail.ReadBasic"]), `users/${me?.userPrincipalName as string}/messages`);
    await failure(() => deploy(userConnection(me, ["Mail.Read"]), inbox(other)));
    await deploy(userConnection(me, ["Mail.Read.Shared"]), inbox(other));
    expect(subscriptionService(env.emulator).subscriptions.size).toBe(3);
  });

  test("renewing (PATCH) checks it too, and the error names Mail.ReadBasic", async () => {
    const receiver = await deploy(appConnection(["Mail.ReadBasic.All"]), inbox(people[2]));
    const [subscriptionId] = [...subscriptionService(env.emulator).subscriptions.keys()];
    const error = await failure(() =>
      env.harness.action("renewSubscription", { connection: appConnection(["User.Read.All"]), subscriptionId }),
    );
    expect(error.message).toMatch(/403 ExtensionError: Operation: Update/);
    expect(error.message).toContain("the token holds roles User.Read.All.");
    expect(error.message).toContain("mail messages Mail.ReadBasic");
    await env.harness.action("renewSubscription", { connection: receiver.params.connection, subscriptionId });
  });
});

test("the mail area itself refuses an app-only token without a mail role, naming what to grant", async () => {
  const error = await failure(() =>
    env.harness.action("listMessages", { connection: appConnection(["User.Read.All"]), mailbox: people[0]?.userPrincipalName }),
  );
  expect(error.message).toMatch(/403 ErrorAccessDenied/);
  expect(error.message).toContain("listMessages needs the application permission Mail.ReadBasic.All; the token holds roles User.Read.All.");
});
