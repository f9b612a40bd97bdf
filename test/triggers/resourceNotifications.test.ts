import type { Connection } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { subscriptionService } from "../../emulator/areas/subscriptions/routes";
import { Mailbox, mailStore } from "../../emulator/areas/mail/store";
import { driveStore } from "../../emulator/areas/files/store";
import { sitesState } from "../../emulator/areas/sites/store";
import { SUBSCRIPTION_STATE_KEY, SubscriptionState } from "../../src/triggers/changeNotifications";
import { TestEnv, authCodeConnection, clientCredentialsConnection, startTestEnv } from "../helpers/setup";
import { WebhookReceiver } from "./webhookReceiver";

interface Notification {
  subscriptionId: string;
  changeType: string;
  resource: string;
  resourceData?: Record<string, unknown>;
  clientState?: unknown;
}
interface NotificationBody {
  notifications: Notification[];
  rejected: number;
}

const MINUTE = 60_000;
let env: TestEnv;
let people: User[];

beforeEach(async () => {
  env = await startTestEnv({ userCount: 12, groupCount: 2 });
  people = env.emulator.directory.users.filter((u) => u.userType === "Member" && u.mail);
});
afterEach(() => env.emulator.close());

async function deployed(resource: string, changeTypes: string, connection: Connection = env.connection): Promise<WebhookReceiver> {
  const receiver = await new WebhookReceiver(env, "changeNotifications", { connection, resource, changeTypes }).start();
  await receiver.deploy();
  return receiver;
}

function stateOf(receiver: WebhookReceiver): SubscriptionState {
  return receiver.instanceState[SUBSCRIPTION_STATE_KEY] as SubscriptionState;
}

/** What the flow received on the Notification branch, every delivery in order. */
function delivered(receiver: WebhookReceiver): Notification[] {
  return receiver.outcomes
    .filter((o) => o.branch === "Notification")
    .flatMap((o) => (o.payload.body.data as NotificationBody).notifications);
}

function mailboxOf(user: User): Mailbox {
  const box = mailStore(env.emulator).find(user.id as string);
  if (!(box instanceof Mailbox)) throw new Error("no mailbox");
  return box;
}

/** Deploys the trigger and checks the subscription asks for the resource's longest lifetime, less a few minutes. */
async function deployedForLongest(resource: string, changeTypes: string, maxMinutes: number): Promise<WebhookReceiver> {
  const before = Date.now();
  const receiver = await deployed(resource, changeTypes);
  const lifetime = Date.parse(stateOf(receiver).expirationDateTime) - before;
  expect(lifetime).toBeGreaterThan((maxMinutes - 10) * MINUTE);
  expect(lifetime).toBeLessThan(maxMinutes * MINUTE);
  return receiver;
}

async function sendMail(from: User, to: User, subject: string): Promise<void> {
  await env.harness.action("sendMail", { connection: env.connection, mailbox: from.userPrincipalName, to: [to.mail], subject, body: "Hi" });
  await subscriptionService(env.emulator).idle();
}

describe("a mailbox folder's messages", () => {
  test("sendMail delivering to the folder notifies the flow once, in Graph's Outlook shape, without the secret", async () => {
    const [sender, recipient] = people;
    // Microsoft's limit for Outlook messages is 10,080 minutes; the trigger asks for a few minutes less.
    const receiver = await deployedForLongest(`users/${recipient.id}/mailFolders('inbox')/messages`, "created", 10080);

    await sendMail(sender, recipient, "Quarter close");
    const inbox = mailboxOf(recipient).wellKnown("inbox");
    const message = mailboxOf(recipient)
      .inFolder(inbox.id)
      .find((m) => m.subject === "Quarter close");
    const resource = `Users/${recipient.id}/Messages/${message?.id}`;
    const sent = subscriptionService(env.emulator).deliveries.filter((d) => d.kind === "notification");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.status).toBe(202);
    // Graph sent the flow's secret; the trigger checked it and passed on the notification without it.
    expect((sent[0]?.body as { value: Notification[] }).value[0]?.clientState).toBe(stateOf(receiver).clientState);
    expect(delivered(receiver)).toEqual([
      expect.objectContaining({
        subscriptionId: stateOf(receiver).subscriptionId,
        changeType: "created",
        resource,
        resourceData: {
          "@odata.type": "#Microsoft.Graph.Message",
          "@odata.id": resource,
          "@odata.etag": `W/"${message?.changeKey}"`,
          id: message?.id,
        },
      }),
    ]);
    expect(JSON.stringify(receiver.outcomes.map((o) => o.payload))).not.toContain(stateOf(receiver).clientState);
  });

  test.each([
    [
      "by userPrincipalName and a well-known name in another case",
      (u: User) => `users/${u.userPrincipalName}/mailFolders('Inbox')/messages`,
    ],
    ["by folder id as a path segment", (u: User) => `users/${u.id}/mailFolders/${mailboxOf(u).wellKnown("inbox").id}/messages`],
    ["the whole mailbox", (u: User) => `users/${u.id}/messages`],
  ])("the resource spelled %s is notified too", async (_case, spell) => {
    const [sender, recipient] = people;
    const receiver = await deployed(spell(recipient), "created");
    await sendMail(sender, recipient, "Spelled");
    expect(delivered(receiver)).toHaveLength(1);
    expect(delivered(receiver)[0]?.resource).toMatch(new RegExp(`^Users/${recipient.id}/Messages/`));
  });

  test("me/... with a delegated connection is the signed-in user's mailbox", async () => {
    const [sender, recipient] = people;
    const token = env.emulator.tokens.issueAccessToken({
      kind: "delegated",
      clientId: env.emulator.app.clientId,
      tenantId: env.emulator.app.tenantId,
      scopes: ["Mail.Read"],
      userId: recipient.id,
    }).token;
    const receiver = await deployed("me/mailFolders('inbox')/messages", "created", authCodeConnection(env.emulator, token));
    await sendMail(sender, recipient, "For me");
    await sendMail(recipient, sender, "Not for me");
    expect(delivered(receiver).map((n) => n.changeType)).toEqual(["created"]);
  });

  test("me/... with an app-only connection is refused as Graph refuses it", async () => {
    const receiver = await new WebhookReceiver(env, "changeNotifications", {
      connection: env.connection,
      resource: "me/mailFolders('inbox')/messages",
      changeTypes: "created",
    }).start();
    await expect(receiver.deploy()).rejects.toThrow(/400 BadRequest: \/me request is only valid with delegated authentication flow/);
    expect(subscriptionService(env.emulator).subscriptions.size).toBe(0);
  });

  test("other folders, other mailboxes and unsubscribed change types are not notified", async () => {
    const [sender, recipient, bystander] = people;
    const receiver = await deployed(`users/${recipient.id}/mailFolders('sentitems')/messages`, "created");
    const updates = await deployed(`users/${bystander.id}/mailFolders('inbox')/messages`, "updated,deleted");
    await sendMail(sender, recipient, "Into the inbox");
    await sendMail(sender, bystander, "A new message, not an update");
    expect(delivered(receiver)).toEqual([]);
    expect(delivered(updates)).toEqual([]);
    // The recipient's own sent mail lands in the subscribed folder.
    await sendMail(recipient, sender, "Sent by the recipient");
    expect(delivered(receiver)).toHaveLength(1);
  });

  test("the scheduled run renews a mail subscription within the 10,080-minute limit", async () => {
    const receiver = await deployed(`users/${people[0]?.id}/mailFolders('inbox')/messages`, "created,updated,deleted");
    const id = stateOf(receiver).subscriptionId;
    const sub = subscriptionService(env.emulator).subscriptions.get(id)!;
    sub.expirationDateTime = new Date(Date.now() + 60 * MINUTE).toISOString();
    const before = Date.now();
    const run = await receiver.scheduled();
    expect(run.branch).toBe("Scheduled Renewal");
    expect(env.emulator.requestsTo(`/subscriptions/${id}`, "PATCH")).toHaveLength(1);
    const renewed = Date.parse(sub.expirationDateTime) - before;
    expect(renewed).toBeGreaterThan((10080 - 10) * MINUTE);
    expect(renewed).toBeLessThan(10080 * MINUTE);
    expect(run.payload.body.data).toEqual({ subscriptionId: id, expirationDateTime: sub.expirationDateTime, recreated: false });
    expect(stateOf(receiver).expirationDateTime).toBe(sub.expirationDateTime);
  });
});

describe("a drive root", () => {
  const siteDrive = () => driveStore(env.emulator).drivesOf("site", sitesState(env.emulator).sites[1]?.id)[0]?.id;

  test("uploading a file notifies `updated` on the subscribed root, with no resource data", async () => {
    const driveId = siteDrive();
    // OneDrive and SharePoint items: 42,300 minutes.
    const receiver = await deployedForLongest(`drives/${driveId}/root`, "updated", 42300);

    await env.harness.action("uploadFile", { connection: env.connection, driveId, folder: "/Reports", fileName: "new.csv", file: "a,b\n" });
    await subscriptionService(env.emulator).idle();
    const notifications = delivered(receiver);
    expect(notifications).toEqual([
      {
        id: expect.any(String),
        subscriptionId: stateOf(receiver).subscriptionId,
        subscriptionExpirationDateTime: expect.any(String),
        changeType: "updated",
        resource: `drives/${driveId}/root`,
        tenantId: env.emulator.app.tenantId,
      },
    ]);
  });

  test("a large file uploaded through an upload session notifies once, when the last chunk lands", async () => {
    const driveId = siteDrive();
    const receiver = await deployed(`drives/${driveId}/root`, "updated");
    const file = { data: Buffer.alloc(5 * 1024 * 1024, 7), contentType: "application/octet-stream" };
    await env.harness.action("uploadFile", {
      connection: env.connection,
      driveId,
      folder: "/",
      fileName: "big.bin",
      file,
      chunkSizeKiB: "1920",
    });
    await subscriptionService(env.emulator).idle();
    expect(env.emulator.requestsTo("createUploadSession", "POST")).toHaveLength(1);
    expect(env.emulator.preAuth.requests.filter((r) => r.method === "PUT")).toHaveLength(3);
    expect(delivered(receiver).map((n) => n.changeType)).toEqual(["updated"]);
  });

  test("a change in another drive is not notified; a user's default drive is found by userPrincipalName", async () => {
    const user = env.emulator.directory.users[0];
    const receiver = await deployed(`users/${user.userPrincipalName}/drive/root`, "updated");
    await env.harness.action("uploadFile", {
      connection: env.connection,
      driveId: siteDrive(),
      folder: "/",
      fileName: "elsewhere.txt",
      file: "x",
    });
    await subscriptionService(env.emulator).idle();
    expect(delivered(receiver)).toEqual([]);

    const drives = (await env.harness.action("listDrives", { connection: env.connection, userId: user.id })) as {
      data: { value: { id: string }[] };
    };
    await env.harness.action("uploadFile", {
      connection: env.connection,
      driveId: drives.data.value[0]?.id,
      folder: "/",
      fileName: "mine.txt",
      file: "x",
    });
    await subscriptionService(env.emulator).idle();
    expect(delivered(receiver)).toHaveLength(1);
    expect(delivered(receiver)[0]?.resource).toBe(`users/${user.userPrincipalName}/drive/root`);
  });
  test("a group's library by its owner gets the drive lifetime and its notifications", async () => {
    const group = env.emulator.directory.groups[0];
    const receiver = await deployedForLongest(`groups/${group.id}/drive/root`, "updated", 42300);
    const drives = (await env.harness.action("listDrives", { connection: env.connection, groupId: group.id })) as {
      data: { value: { id: string }[] };
    };
    await env.harness.action("createFolder", {
      connection: env.connection,
      driveId: drives.data.value[0]?.id,
      parentFolder: "/",
      name: "Plans",
    });
    await subscriptionService(env.emulator).idle();
    expect(delivered(receiver).map((n) => n.resource)).toEqual([`groups/${group.id}/drive/root`]);
  });
});

describe("a SharePoint list", () => {
  test("a new list item notifies `updated` on the list, within the 42,300-minute limit", async () => {
    const site = sitesState(env.emulator).sites[1];
    const list = site.lists.find((l) => l.displayName === "Projects")!;
    const receiver = await deployedForLongest(`sites/${site.id}/lists/${list.id}`, "updated", 42300);

    await env.harness.action("createListItem", {
      connection: env.connection,
      siteId: site.id,
      listId: list.id,
      fields: JSON.stringify({ Title: "Vendor portal", Status: "Planned" }),
    });
    await subscriptionService(env.emulator).idle();
    expect(delivered(receiver)).toEqual([
      expect.objectContaining({ changeType: "updated", resource: `sites/${site.id}/lists/${list.id}` }),
    ]);
    expect(delivered(receiver)[0]?.resourceData).toBeUndefined();
  });

  test("Graph refuses created or deleted on a drive root or a list", async () => {
    const site = sitesState(env.emulator).sites[1];
    const answer = await fetch(`${env.emulator.url}/v1.0/subscriptions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${env.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        changeType: "updated,deleted",
        notificationUrl: "https://example.com/hook",
        resource: `sites/${site.id}/lists/${site.lists[0]?.id}`,
        expirationDateTime: new Date(Date.now() + 600 * MINUTE).toISOString(),
      }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain("Supported change types: updated.");
  });
});

describe("the resource's read permission", () => {
  test("a token that may not read the drive cannot subscribe to it: Graph's 403, and the hint names the permission", async () => {
    const driveId = driveStore(env.emulator).drivesOf("site", sitesState(env.emulator).sites[1].id)[0].id;
    const connection = (roles: string[]) => clientCredentialsConnection(env.emulator, env.emulator.issueToken({ roles }));
    const refused = new WebhookReceiver(env, "changeNotifications", {
      connection: connection(["User.Read.All"]),
      resource: `drives/${driveId}/root`,
      changeTypes: "updated",
    });
    await refused.start();
    await expect(refused.deploy()).rejects.toThrow(
      /403 ExtensionError: Operation: Create; Exception: \[Status Code: Forbidden; Reason: Access denied\][\s\S]*drive items Files\.Read\.All/,
    );
    expect(subscriptionService(env.emulator).subscriptions.size).toBe(0);
    await deployed(`drives/${driveId}/root`, "updated", connection(["Files.Read.All"]));
    expect(subscriptionService(env.emulator).subscriptions.size).toBe(1);
  });
});
