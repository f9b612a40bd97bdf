import type { Attachment, Message } from "@microsoft/microsoft-graph-types";
import { buildMessage } from "../../emulator/areas/mail/store";
import { dataOf, expectInputError } from "../helpers/setup";
import { Page, queryOf, useMailEnv } from "./mailEnv";

const env = useMailEnv();

const list = (params: Record<string, unknown>) =>
  env.harness.action("listMessages", { connection: env.connection, mailbox: env.people[0].userPrincipalName, ...params });
const inboxOf = (i: number) => [...env.mailboxOf(env.people[i]).inFolder(env.mailboxOf(env.people[i]).wellKnown("inbox").id)];

describe("listMessages", () => {
  test("a folder's messages, newest first as Graph orders them by default", async () => {
    const page = dataOf<Page<Message>>(await list({ folder: "inbox", top: "50" }));
    const expected = inboxOf(0).sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
    expect(page.value.map((m) => m.id)).toEqual(expected.map((m) => m.id));
    expect(env.emulator.requests[0]?.path).toMatch(/\/mailFolders\/inbox\/messages$/);
  });

  test("no folder lists every folder, Deleted Items and Junk Email included", async () => {
    const box = env.mailboxOf(env.people[0]);
    const junk = box.put(buildMessage(box, box.wellKnown("junkemail").id, { subject: "You won a prize" }));
    const page = dataOf<Page<Message>>(await list({ top: "100" }));
    expect(page.value.map((m) => m.id)).toContain(junk.id);
    expect(env.emulator.requests[0]?.path).toMatch(/\/messages$/);
  });

  test("Filter with Order By passes when every Order By property leads the Filter in order", async () => {
    const filter = "receivedDateTime ge 2026-01-01T00:00:00Z and importance eq 'high'";
    const page = dataOf<Page<Message>>(await list({ folder: "inbox", filter, orderBy: "receivedDateTime desc" }));
    expect(page.value.length).toBeGreaterThan(0);
    expect(page.value.every((m) => m.importance === "high")).toBe(true);
    expect(queryOf(env).get("$filter")).toBe(filter);
    expect(queryOf(env).get("$orderby")).toBe("receivedDateTime desc");

    await list({
      filter: "receivedDateTime ge 2026-01-01T00:00:00Z and subject ne 'x' and isRead eq false",
      orderBy: "receivedDateTime desc,subject",
    });
    expect(env.emulator.requests).toHaveLength(2);
  });

  test.each([
    ["an Order By property missing from the Filter", "importance eq 'high'", "receivedDateTime desc"],
    [
      "the Order By property after another filtered one",
      "importance eq 'high' and receivedDateTime ge 2026-01-01T00:00:00Z",
      "receivedDateTime desc",
    ],
    [
      "two Order By properties in the other order",
      "subject eq 'x' and receivedDateTime ge 2026-01-01T00:00:00Z",
      "receivedDateTime desc,subject",
    ],
    ["Unread Only with Order By and no matching Filter", undefined, "receivedDateTime desc"],
  ])("refused before any request, saying how to fix it: %s", async (_case, filter, orderBy) => {
    const error = await expectInputError(
      env,
      () => list({ filter, orderBy, unreadOnly: filter === undefined }),
      /Order By: with a Filter, Graph answers InefficientFilter unless every Order By property/,
    );
    expect(error.message).toContain('Start the Filter with them, e.g. "receivedDateTime ge 1900-01-01T00:00:00Z and');
  });

  test("the emulator answers Graph's InefficientFilter for the orders the check refuses", async () => {
    const mailbox = encodeURIComponent(env.people[0].userPrincipalName as string);
    await expect(
      env.harness.action("rawRequest", {
        connection: env.connection,
        url: `/users/${mailbox}/messages?$filter=importance eq 'high'&$orderby=receivedDateTime desc`,
        method: "GET",
      }),
    ).rejects.toThrow(/400 InefficientFilter: The restriction or sort order is too complex for this operation/);
  });

  test("Search stands alone and goes out quoted", async () => {
    await expectInputError(env, () => list({ search: "invoice", filter: "isRead eq false" }), /Search: cannot be combined with Filter/);
    await expectInputError(env, () => list({ search: "invoice", orderBy: "subject" }), /Search: cannot be combined with Order By/);
    const page = dataOf<Page<Message>>(await list({ search: "budget" }));
    expect(queryOf(env).get("$search")).toBe('"budget"');
    expect(page.value.every((m) => /budget/i.test(m.subject ?? ""))).toBe(true);
  });

  test("Unread Only, Body Type and Page Size", async () => {
    const page = dataOf<Page<Message>>(await list({ folder: "inbox", unreadOnly: true, bodyType: "text", top: "2" }));
    expect(page.value.length).toBeGreaterThan(0);
    expect(page.value.every((m) => m.isRead === false && m.body?.contentType === "text" && !/<p>/.test(m.body.content ?? ""))).toBe(true);
    expect(queryOf(env).get("$filter")).toBe("isRead eq false");
    expect(env.emulator.requests[0]?.headers.prefer).toBe('outlook.body-content-type="text"');
    await expectInputError(env, () => list({ top: "1001" }), /Page Size: 1001 is above the maximum of 1000/);
  });

  test("Unread Only keeps a Filter with 'or' and quoted text as one group", async () => {
    const filter = "importance eq 'high' or subject eq 'O''Brien and isRead eq true'";
    const page = dataOf<Page<Message>>(await list({ folder: "inbox", filter, unreadOnly: true }));
    expect(queryOf(env).get("$filter")).toBe(`(${filter}) and isRead eq false`);
    expect(page.value.every((m) => m.isRead === false)).toBe(true);
  });
});

describe("single messages", () => {
  const target = () => inboxOf(3).find((m) => m.hasAttachments) as Message;
  const params = (extra: Record<string, unknown> = {}) => ({
    connection: env.connection,
    mailbox: env.people[3].id,
    messageId: target().id,
    ...extra,
  });

  test("getMessage with HTML body and expanded attachments", async () => {
    const message = dataOf<Message>(await env.harness.action("getMessage", params({ bodyType: "html", expandAttachments: true })));
    expect(message.id).toBe(target().id);
    expect(message.body?.contentType).toBe("html");
    expect(message.attachments?.[0]).toMatchObject({
      name: "invoice.pdf",
      contentBytes: Buffer.from("%PDF-1.4 emulated invoice\n").toString("base64"),
    });
    expect(queryOf(env).get("$expand")).toBe("attachments");
  });

  test("getMessageMime returns the MIME as a file", async () => {
    const result = (await env.harness.action("getMessageMime", params())) as { data: Buffer; contentType: string };
    expect(result.contentType).toBe("message/rfc822");
    expect(Buffer.isBuffer(result.data)).toBe(true);
    const mime = result.data.toString("utf8");
    expect(mime).toContain(`Subject: ${target().subject}`);
    expect(mime).toContain('filename="invoice.pdf"');
    expect(env.emulator.requests[0]?.path).toMatch(/\/\$value$/);
  });

  test("listAttachments without content; getAttachment returns the file with its name and type", async () => {
    const listed = dataOf<{ value: Attachment[] }>(await env.harness.action("listAttachments", params()));
    expect(listed.value).toHaveLength(1);
    expect(listed.value[0]).toMatchObject({
      "@odata.type": "#microsoft.graph.fileAttachment",
      name: "invoice.pdf",
      contentType: "application/pdf",
    });
    expect(listed.value[0]).not.toHaveProperty("contentBytes");
    const got = dataOf<{ name: string; contentType: string; file: { data: Buffer; contentType: string } }>(
      await env.harness.action("getAttachment", params({ attachmentId: listed.value[0]?.id })),
    );
    expect(got).toMatchObject({ name: "invoice.pdf", contentType: "application/pdf" });
    expect(got).not.toHaveProperty("contentBytes");
    expect(got.file.contentType).toBe("application/pdf");
    expect(got.file.data.toString()).toBe("%PDF-1.4 emulated invoice\n");
  });

  test("getAttachment describes an item attachment without file data", async () => {
    const box = env.mailboxOf(env.people[3]);
    const message = inboxOf(3).find(
      (m) => box.attachments.get(m.id)?.[0]?.["@odata.type"] === "#microsoft.graph.itemAttachment",
    ) as Message;
    const attachment = box.attachments.get(message.id as string)?.[0];
    const got = dataOf<Record<string, unknown>>(
      await env.harness.action("getAttachment", { ...params(), messageId: message.id, attachmentId: attachment?.id }),
    );
    expect(got).toMatchObject({ "@odata.type": "#microsoft.graph.itemAttachment", name: "Agenda (forwarded message)", size: 4096 });
    expect(got).not.toHaveProperty("file");
    expect(env.emulator.requestsTo("/$value")).toHaveLength(0);
  });

  test("updateMessage marks read, flags, categorises; nothing to update is refused", async () => {
    const message = inboxOf(4)[0];
    const p = { connection: env.connection, mailbox: env.people[4].id, messageId: message.id };
    const updated = dataOf<Message>(
      await env.harness.action("updateMessage", {
        ...p,
        isRead: "true",
        flag: "flagged",
        categories: ["Red category"],
        importance: "high",
      }),
    );
    expect(updated).toMatchObject({ isRead: true, flag: { flagStatus: "flagged" }, categories: ["Red category"], importance: "high" });
    expect(env.mailboxOf(env.people[4]).messages.get(message.id)).toMatchObject({ isRead: true, importance: "high" });
    expect(JSON.parse(env.emulator.requests[0]?.body ?? "{}")).toEqual({
      isRead: true,
      flag: { flagStatus: "flagged" },
      categories: ["Red category"],
      importance: "high",
    });
    await expectInputError(env, () => env.harness.action("updateMessage", p), /nothing to update/);
  });

  test("moveMessage answers the moved message with its new id; copyMessage leaves the original", async () => {
    const box = env.mailboxOf(env.people[5]);
    const [first, second] = inboxOf(5);
    const p = { connection: env.connection, mailbox: env.people[5].userPrincipalName };
    const moved = dataOf<Message>(await env.harness.action("moveMessage", { ...p, messageId: first.id, destination: "archive" }));
    expect(moved.id).not.toBe(first.id);
    expect(moved.parentFolderId).toBe(box.wellKnown("archive").id);
    expect(box.messages.has(first.id)).toBe(false);
    expect(JSON.parse(env.emulator.requests[0]?.body ?? "{}")).toEqual({ destinationId: "archive" });

    const copy = dataOf<Message>(await env.harness.action("copyMessage", { ...p, messageId: second.id, destination: "deleteditems" }));
    expect(copy.parentFolderId).toBe(box.wellKnown("deleteditems").id);
    expect(box.messages.has(second.id)).toBe(true);
    await expectInputError(env, () => env.harness.action("moveMessage", { ...p, messageId: second.id }), /Destination Folder: is required/);
  });

  test("deleteMessage removes it; a second delete surfaces Graph's ErrorItemNotFound", async () => {
    const message = inboxOf(6)[0];
    const p = { connection: env.connection, mailbox: env.people[6].id, messageId: message.id };
    expect(dataOf(await env.harness.action("deleteMessage", p))).toEqual({ deleted: true, id: message.id });
    expect(env.mailboxOf(env.people[6]).messages.has(message.id)).toBe(false);
    await expect(env.harness.action("deleteMessage", p)).rejects.toThrow(/404 ErrorItemNotFound.*request-id/);
  });

  test("permissions as Microsoft's tables name them: Mail.ReadBasic reads a message without its body, not its MIME", async () => {
    const user = env.people[3];
    const basic = { connection: env.delegated(user, ["Mail.ReadBasic"]), messageId: target().id };
    const message = dataOf<Message>(await env.harness.action("getMessage", basic));
    expect(message.subject).toBe(target().subject);
    expect(message.body).toBeUndefined();
    await expect(env.harness.action("getMessageMime", basic)).rejects.toThrow(/403 ErrorAccessDenied/);
    await expect(env.harness.action("updateMessage", { ...basic, isRead: "true" })).rejects.toThrow(/403 ErrorAccessDenied/);
    const mime = (await env.harness.action("getMessageMime", { ...basic, connection: env.delegated(user, ["Mail.Read"]) })) as {
      data: Buffer;
    };
    expect(mime.data.toString()).toContain(`Subject: ${target().subject ?? ""}`);
  });

  test("message ids are encoded as one path segment", async () => {
    await expect(
      env.harness.action("getMessage", { connection: env.connection, mailbox: env.people[0].id, messageId: "../../users" }),
    ).rejects.toThrow(/ErrorItemNotFound/);
    expect(env.emulator.requests[0]?.path).toContain("/messages/..%2F..%2Fusers");
  });
});
