import { Mailbox, buildMessage } from "../../emulator/areas/mail/store";
import { expectInputError } from "../helpers/setup";
import { silentLogger } from "../triggers/silentLogger";
import { MailEnv, startMailEnv } from "./mailEnv";

interface Change {
  changeType: string;
  id: string;
  object: { subject?: string; isRead?: boolean; bodyPreview?: string | null; "@removed"?: unknown };
}
interface PollBody {
  changes: Change[];
  baseline: boolean;
  resynced: boolean;
  roundComplete: boolean;
}

let env: MailEnv;
beforeEach(async () => {
  env = await startMailEnv();
});
afterEach(() => env.emulator.close());

async function poll(state: Record<string, unknown>, params: Record<string, unknown>): Promise<PollBody> {
  const result = (await env.harness.trigger(
    "newMessages",
    undefined,
    { connection: env.connection, ...params },
    { instanceState: state, logger: silentLogger() },
  )) as unknown as {
    payload: { body: { data: PollBody } };
  };
  return result.payload.body.data;
}

function deliver(box: Mailbox, subjects: string[]): string[] {
  const inbox = box.wellKnown("inbox");
  return subjects.map((subject) => box.put(buildMessage(box, inbox.id, { subject, toRecipients: [box.me] })).id);
}

const deltaRequests = () => env.emulator.requestsTo("/messages/delta");

test("exactly once, in order: seven new messages across five polls with a 503 in the middle of a round", async () => {
  const user = env.people[0];
  const box = env.mailboxOf(user);
  const params = { mailbox: user.userPrincipalName, maxChanges: "2" };
  const state: Record<string, unknown> = {};

  const first = await poll(state, params);
  expect(first).toMatchObject({ changes: [], baseline: true, roundComplete: true });
  const firstQuery = new URLSearchParams(deltaRequests()[0]?.search);
  expect(firstQuery.get("$filter")).toMatch(/^receivedDateTime ge \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(firstQuery.get("changeType")).toBe("created");
  expect(firstQuery.get("$deltatoken")).toBeNull();
  expect(deltaRequests()[0]?.path).toBe(
    `/v1.0/users/${encodeURIComponent(user.userPrincipalName as string)}/mailFolders/inbox/messages/delta`,
  );

  const sent = deliver(box, ["m1", "m2", "m3", "m4", "m5", "m6", "m7"]);
  const emitted: Change[] = [];
  const bodies: PollBody[] = [];
  for (let i = 0; i < 2; i++) bodies.push(await poll(state, params));
  emitted.push(...bodies.flatMap((b) => b.changes));
  expect(emitted.map((c) => c.object.subject)).toEqual(["m1", "m2", "m3", "m4"]);
  expect(bodies.map((b) => b.roundComplete)).toEqual([false, false]);

  const saved = JSON.stringify(state);
  env.emulator.faults.add({ kind: "status", status: 503, path: "/messages/delta", times: 5 }); // outlasts the client's retries
  await expect(poll(state, params)).rejects.toThrow(/503/);
  expect(JSON.stringify(state)).toBe(saved);

  for (let i = 0; i < 2; i++) {
    const body = await poll(state, params);
    bodies.push(body);
    emitted.push(...body.changes);
  }
  expect(bodies.at(-1)?.roundComplete).toBe(true);
  expect(emitted.map((c) => c.id)).toEqual(sent);
  expect(emitted.every((c) => c.changeType === "created")).toBe(true);
  expect(await poll(state, params)).toMatchObject({ changes: [], roundComplete: true });
});

test("new mail sent through sendMail to a shared mailbox comes out once", async () => {
  const state: Record<string, unknown> = {};
  const params = { mailbox: "support@contoso.com", folder: "Inbox" };
  await poll(state, params);
  await env.harness.action("sendMail", {
    connection: env.connection,
    mailbox: env.people[1].id,
    to: ["support@contoso.com"],
    subject: "Help!",
    body: "x",
  });
  const body = await poll(state, params);
  expect(body.changes.map((c) => [c.changeType, c.object.subject])).toEqual([["created", "Help!"]]);
  expect((await poll(state, params)).changes).toEqual([]);
});

test("emit everything reads the folder's messages once; updated and deleted come when asked for", async () => {
  const user = env.people[2];
  const box = env.mailboxOf(user);
  const params = { mailbox: user.id, firstRun: "emitEverything", changeTypes: ["created", "updated", "deleted"] };
  const state: Record<string, unknown> = {};
  const first = await poll(state, params);
  expect(first.baseline).toBe(true);
  expect(first.changes.map((c) => c.id).sort()).toEqual(
    box
      .inFolder(box.wellKnown("inbox").id)
      .map((m) => m.id)
      .sort(),
  );
  expect(new URLSearchParams(deltaRequests()[0]?.search).get("changeType")).toBeNull();

  const [kept, gone] = box.inFolder(box.wellKnown("inbox").id);
  kept.isRead = !kept.isRead;
  box.touch(kept);
  box.remove(gone);
  const [fresh] = deliver(box, ["fresh"]);
  const body = await poll(state, params);
  expect(body.changes.map((c) => [c.changeType, c.id])).toEqual([
    ["updated", kept.id],
    ["deleted", gone.id],
    ["created", fresh],
  ]);
  expect(body.changes[1]?.object["@removed"]).toEqual({ reason: "deleted" });
});

test("Unread Only leaves out messages already read", async () => {
  const user = env.people[3];
  const box = env.mailboxOf(user);
  const state: Record<string, unknown> = {};
  const params = { mailbox: user.id, unreadOnly: true };
  await poll(state, params);
  const [read, unread] = deliver(box, ["already read", "still unread"]);
  const message = box.messages.get(read);
  if (message) message.isRead = true;
  const body = await poll(state, params);
  expect(body.changes.map((c) => c.id)).toEqual([unread]);
});

test("an expired delta token starts a full round again without repeating old mail as new", async () => {
  const user = env.people[4];
  const box = env.mailboxOf(user);
  const state: Record<string, unknown> = {};
  const params = { mailbox: user.id };
  await poll(state, params);
  const [before] = deliver(box, ["before expiry"]);
  expect((await poll(state, params)).changes.map((c) => c.id)).toEqual([before]);
  env.store.deltaGeneration += 1;
  const [after] = deliver(box, ["after expiry"]);
  const body = await poll(state, params);
  expect(body.resynced).toBe(true);
  expect(body.changes.map((c) => c.id)).toEqual([after]);
});

test("app-only without a mailbox is refused before any request; delegated without one watches /me", async () => {
  await expectInputError(env, () => poll({}, {}), /Mailbox: is required with an app-only connection/);
  const user = env.people[5];
  const state: Record<string, unknown> = {};
  const params = { connection: env.delegated(user, ["Mail.ReadBasic"]), folder: "inbox" };
  await poll(state, params);
  expect(deltaRequests()[0]?.path).toBe("/v1.0/me/mailFolders/inbox/messages/delta");
  const [id] = deliver(env.mailboxOf(user), ["to me"]);
  const [change] = (await poll(state, params)).changes;
  expect(change?.id).toBe(id);
  // Mail.ReadBasic reads no body: no bodyPreview even when selected.
  expect(change?.object).toMatchObject({ subject: "to me" });
  expect(change?.object.bodyPreview ?? null).toBeNull();
});
