import type { Message } from "@microsoft/microsoft-graph-types";
import { Mailbox, MessageRecord } from "../../emulator/areas/mail/store";
import { dataOf, expectInputError } from "../helpers/setup";
import { useMailEnv } from "./mailEnv";

const env = useMailEnv();
beforeEach(() => {
  env.store.appAccessPolicy = undefined;
});

const folder = (box: Mailbox, name: string): MessageRecord[] => box.inFolder(box.wellKnown(name).id);
const bySubject = (box: Mailbox, name: string, subject: string) => folder(box, name).filter((m) => m.subject === subject);

describe("sendMail", () => {
  test("inline attachments (file data and JSON) reach the recipients' Inbox and the sender's Sent Items", async () => {
    const [sender, to, cc, bcc] = env.people;
    const pdf = Buffer.from("%PDF-1.4 report");
    const result = dataOf(
      await env.harness.action("sendMail", {
        connection: env.connection,
        mailbox: sender.userPrincipalName,
        to: [`${to.displayName ?? ""} <${to.mail ?? ""}>`],
        cc: `${cc.mail ?? ""}`,
        bcc: [bcc.mail],
        subject: "Report inline",
        body: "<p>Attached.</p>",
        importance: "high",
        attachments: [{ data: pdf, contentType: "application/pdf" }],
        attachmentNames: ["report.pdf"],
      }),
    );
    expect(result).toMatchObject({
      sent: true,
      via: "sendMail",
      attachments: [{ name: "report.pdf", size: pdf.length, method: "inline" }],
    });
    expect(env.emulator.requestsTo("/sendMail", "POST")).toHaveLength(1);
    const sent = JSON.parse(env.emulator.requests[0]?.body ?? "{}") as { message: Message; saveToSentItems: boolean };
    expect(sent.saveToSentItems).toBe(true);
    expect(sent.message.toRecipients).toEqual([{ emailAddress: { name: to.displayName, address: to.mail } }]);

    for (const person of [to, cc, bcc]) {
      const [received] = bySubject(env.mailboxOf(person), "inbox", "Report inline");
      expect(received).toMatchObject({
        isRead: false,
        importance: "high",
        from: { emailAddress: { address: sender.mail } },
        bccRecipients: [],
      });
      expect(env.mailboxOf(person).attachments.get(received.id)?.[0]?.content).toEqual(pdf);
    }
    expect(bySubject(env.mailboxOf(sender), "sentitems", "Report inline")).toHaveLength(1);
  });

  test("a JSON list of {name, contentType, contentBytes}; Save To Sent Items off keeps no copy", async () => {
    const [sender, to] = [env.people[4], env.people[5]];
    await env.harness.action("sendMail", {
      connection: env.connection,
      mailbox: sender.id,
      to: [to.mail],
      subject: "JSON attachment",
      body: "plain",
      bodyFormat: "text",
      saveToSentItems: false,
      attachments: JSON.stringify([{ name: "a.txt", contentType: "text/plain", contentBytes: Buffer.from("hello").toString("base64") }]),
    });
    const [received] = bySubject(env.mailboxOf(to), "inbox", "JSON attachment");
    expect(received.body).toEqual({ contentType: "text", content: "plain" });
    expect(env.mailboxOf(to).attachments.get(received.id)?.[0]).toMatchObject({ name: "a.txt", contentType: "text/plain" });
    expect(bySubject(env.mailboxOf(sender), "sentitems", "JSON attachment")).toHaveLength(0);
  });

  test("from a shared mailbox: the recipients see the shared address, its Sent Items keep the copy", async () => {
    const to = env.people[6];
    await env.harness.action("sendMail", {
      connection: env.connection,
      mailbox: "support@contoso.com",
      to: [to.mail],
      subject: "From support",
      body: "Hi",
    });
    const [received] = bySubject(env.mailboxOf(to), "inbox", "From support");
    expect(received.from?.emailAddress.address).toBe("support@contoso.com");
    expect(bySubject(env.store.sharedMailbox, "sentitems", "From support")).toHaveLength(1);
    expect(env.emulator.requests[0]?.path).toBe("/v1.0/users/support%40contoso.com/sendMail");
  });

  test("a delegated user needs Mail.Send.Shared to send from the shared mailbox", async () => {
    const user = env.people[7];
    const params = { mailbox: "support@contoso.com", to: [env.people[8].mail], subject: "Delegated shared", body: "Hi" };
    await expect(env.harness.action("sendMail", { ...params, connection: env.delegated(user, ["Mail.Send"]) })).rejects.toThrow(
      /403 ErrorAccessDenied/,
    );
    await env.harness.action("sendMail", { ...params, connection: env.delegated(user, ["Mail.Send.Shared"]) });
    expect(bySubject(env.mailboxOf(env.people[8]), "inbox", "Delegated shared")).toHaveLength(1);
  });

  test("an application access policy that leaves the mailbox out surfaces Graph's 403", async () => {
    env.store.appAccessPolicy = new Set([env.people[0].id as string]);
    await expect(
      env.harness.action("sendMail", {
        connection: env.connection,
        mailbox: env.people[1].id,
        to: [env.people[2].mail],
        subject: "x",
        body: "x",
      }),
    ).rejects.toThrow(/403 ErrorAccessDenied: Access to OData is disabled: \[RAOP\]/);
  });

  test("app-only without a mailbox, bad addresses and no recipient are refused before any request", async () => {
    const base = { connection: env.connection, subject: "x", body: "x" };
    await expectInputError(
      env,
      () => env.harness.action("sendMail", { ...base, to: [env.people[1].mail] }),
      /Mailbox: is required with an app-only connection/,
    );
    await expectInputError(
      env,
      () => env.harness.action("sendMail", { ...base, mailbox: env.people[0].id, to: ["not-an-address"] }),
      /To: "not-an-address" is not an email address/,
    );
    await expectInputError(
      env,
      () => env.harness.action("sendMail", { ...base, mailbox: env.people[0].id, bcc: ["a@b"] }),
      /Bcc: "a@b" is not an email address/,
    );
    await expectInputError(
      env,
      () => env.harness.action("sendMail", { ...base, mailbox: env.people[0].id }),
      /To: needs at least one recipient/,
    );
    await expectInputError(
      env,
      () =>
        env.harness.action("sendMail", {
          ...base,
          mailbox: env.people[0].id,
          to: [env.people[1].mail],
          attachments: [{ data: Buffer.from("x"), contentType: "text/plain" }],
        }),
      /Attachments: entry 1 is file data without a name/,
    );
  });

  test("a delegated connection without a mailbox sends as the signed-in user (/me)", async () => {
    const [user, to] = [env.people[9], env.people[10]];
    await env.harness.action("sendMail", { connection: env.delegated(user), to: [to.mail], subject: "As me", body: "x" });
    expect(env.emulator.requests[0]?.path).toBe("/v1.0/me/sendMail");
    expect(bySubject(env.mailboxOf(to), "inbox", "As me")[0]?.from?.emailAddress.address).toBe(user.mail);
  });

  test("the emulator refuses more than 3 MB inline with Graph's 413 ErrorMessageSizeExceeded", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 1, 1).toString("base64");
    await expect(
      env.harness.action("rawRequest", {
        connection: env.connection,
        url: `/users/${env.people[0].id ?? ""}/sendMail`,
        method: "POST",
        data: JSON.stringify({
          message: {
            toRecipients: [{ emailAddress: { address: env.people[1].mail } }],
            attachments: [{ "@odata.type": "#microsoft.graph.fileAttachment", name: "big.bin", contentBytes: big }],
          },
        }),
      }),
    ).rejects.toThrow(/413 ErrorMessageSizeExceeded/);
  });
});

describe("drafts, replies and forwards", () => {
  test("createDraft puts a draft in Drafts; sendDraft delivers it and empties Drafts", async () => {
    const [sender, to] = [env.people[11], env.people[12]];
    const draft = dataOf<Message>(
      await env.harness.action("createDraft", {
        connection: env.connection,
        mailbox: sender.id,
        to: [to.mail],
        subject: "Draft one",
        body: "<b>x</b>",
      }),
    );
    expect(draft).toMatchObject({ isDraft: true, subject: "Draft one" });
    const box = env.mailboxOf(sender);
    expect(bySubject(box, "drafts", "Draft one")).toHaveLength(1);
    expect(dataOf(await env.harness.action("sendDraft", { connection: env.connection, mailbox: sender.id, messageId: draft.id }))).toEqual({
      sent: true,
      id: draft.id,
    });
    expect(bySubject(box, "drafts", "Draft one")).toHaveLength(0);
    expect(bySubject(box, "sentitems", "Draft one")).toHaveLength(1);
    expect(bySubject(env.mailboxOf(to), "inbox", "Draft one")).toHaveLength(1);
  });

  test("createDraft in another folder", async () => {
    const sender = env.people[11];
    const draft = dataOf<Message>(
      await env.harness.action("createDraft", { connection: env.connection, mailbox: sender.id, subject: "Parked", folder: "archive" }),
    );
    expect(draft.parentFolderId).toBe(env.mailboxOf(sender).wellKnown("archive").id);
  });

  test("replyToMessage answers the sender, or everyone with Reply All", async () => {
    const [a, b, c] = [env.people[13], env.people[14], env.people[15]];
    await env.harness.action("sendMail", {
      connection: env.connection,
      mailbox: a.id,
      to: [b.mail],
      cc: [c.mail],
      subject: "Plan",
      body: "x",
    });
    const original = bySubject(env.mailboxOf(b), "inbox", "Plan")[0];
    await env.harness.action("replyToMessage", { connection: env.connection, mailbox: b.id, messageId: original.id, comment: "Agreed" });
    expect(JSON.parse(env.emulator.requests.at(-1)?.body ?? "{}")).toEqual({ comment: "Agreed" });
    expect(bySubject(env.mailboxOf(a), "inbox", "RE: Plan")).toHaveLength(1);
    expect(bySubject(env.mailboxOf(c), "inbox", "RE: Plan")).toHaveLength(0);
    await env.harness.action("replyToMessage", {
      connection: env.connection,
      mailbox: b.id,
      messageId: original.id,
      comment: "All",
      replyAll: true,
    });
    expect(env.emulator.requests.at(-1)?.path).toMatch(/\/replyAll$/);
    expect(bySubject(env.mailboxOf(a), "inbox", "RE: Plan")).toHaveLength(2);
    expect(bySubject(env.mailboxOf(c), "inbox", "RE: Plan")).toHaveLength(1);
  });

  test("forwardMessage sends the message with its attachments", async () => {
    const [owner, to] = [env.people[16], env.people[17]];
    const withFile = folder(env.mailboxOf(owner), "inbox").find((m) => m.hasAttachments) as MessageRecord;
    await env.harness.action("forwardMessage", {
      connection: env.connection,
      mailbox: owner.id,
      messageId: withFile.id,
      to: [to.mail],
      comment: "FYI",
    });
    const [forwarded] = bySubject(env.mailboxOf(to), "inbox", `FW: ${withFile.subject}`);
    expect(env.mailboxOf(to).attachments.get(forwarded.id)?.[0]?.name).toBe("invoice.pdf");
    await expectInputError(
      env,
      () => env.harness.action("forwardMessage", { connection: env.connection, mailbox: owner.id, messageId: withFile.id }),
      /To: needs at least one recipient/,
    );
  });
});
