import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, json, noContent } from "../../kernel/http";
import { badRequest, listCollection, parseSelect, selectProperties } from "../../kernel/odata/collection";
import { isReply } from "../directory/users";
import { folderNotFound, itemNotFound, mailRoute, messageOf } from "./access";
import { messageDelta } from "./delta";
import { toMime } from "./mime";
import { listMessages } from "./query";
import { attachmentView, contextUrl, folderView, messageEntity } from "./render";
import { deliver, inlineAttachments, invalidRecipients, tooLarge } from "./sending";
import { Mailbox, MessageRecord, NewMessage, Recipient, buildMessage, mailId, mailStore, nowSeconds, preview } from "./store";

function bodyObject(ctx: RequestContext): Record<string, unknown> | Reply {
  const body = ctx.body;
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return badRequest(ctx, "ErrorInvalidRequest", "Empty Payload. JSON content expected.");
  }
  return body as Record<string, unknown>;
}

function folderFrom(ctx: RequestContext, box: Mailbox, ref = ctx.params.folder ?? "") {
  return box.folder(ref);
}

function listFolders(ctx: RequestContext, box: Mailbox, parentId: string): Reply {
  const hidden = ctx.query.get("includeHiddenFolders") === "true";
  const folders = box
    .children(parentId)
    .filter((f) => hidden || !f.isHidden)
    .map((f) => folderView(box, f));
  return listCollection(ctx, folders, { entitySet: `users('${box.ownerId}')/mailFolders`, defaultTop: 10, maxTop: 1000 });
}

type MessageFields = NewMessage & { body?: { contentType?: string; content?: string }; attachments?: unknown[] };

/** A draft (or a message about to be sent) from a Graph message body. */
function draftFrom(ctx: RequestContext, box: Mailbox, folderId: string, fields: MessageFields): MessageRecord | Reply {
  const bad = invalidRecipients(ctx, [fields.toRecipients, fields.ccRecipients, fields.bccRecipients, fields.replyTo]);
  if (bad) return bad;
  return buildMessage(box, folderId, {
    ...fields,
    from: fields.from ?? (box.shared ? box.me : undefined),
    isDraft: true,
  });
}

function replyRecipients(box: Mailbox, original: MessageRecord, all: boolean): Recipient[] {
  const to = original.replyTo.length ? original.replyTo : original.from ? [original.from] : [];
  if (!all) return to;
  const self = box.address.toLowerCase();
  const rest = [...original.toRecipients, ...original.ccRecipients].filter((r) => r.emailAddress.address.toLowerCase() !== self);
  const seen = new Set<string>();
  return [...to, ...rest].filter((r) => !seen.has(r.emailAddress.address.toLowerCase()) && seen.add(r.emailAddress.address.toLowerCase()));
}

function respond(kind: "reply" | "replyAll" | "forward") {
  return (ctx: RequestContext, box: Mailbox): Reply => {
    const original = messageOf(ctx, box);
    if (isReply(original)) return original;
    const body = (ctx.body ?? {}) as { comment?: string; toRecipients?: Recipient[]; message?: MessageFields };
    const forward = kind === "forward";
    const to = forward ? (body.toRecipients ?? body.message?.toRecipients ?? []) : replyRecipients(box, original, kind === "replyAll");
    if (to.length === 0) return badRequest(ctx, "ErrorInvalidRecipients", "At least one recipient is required, but none were found.");
    const bad = invalidRecipients(ctx, [to]);
    if (bad) return bad;
    const quoted = `${body.comment ?? ""}\n\n-----Original Message-----\n${original.bodyPreview}`;
    const message = buildMessage(box, box.wellKnown("sentitems").id, {
      subject: `${forward ? "FW" : "RE"}: ${original.subject}`,
      body: { contentType: "text", content: quoted },
      toRecipients: to,
      conversationId: original.conversationId,
      from: box.shared ? box.me : undefined,
    });
    deliver(ctx, box, message, forward ? (box.attachments.get(original.id) ?? []) : []);
    return { status: 202 };
  };
}

function moveOrCopy(move: boolean) {
  return (ctx: RequestContext, box: Mailbox): Reply => {
    const message = messageOf(ctx, box);
    if (isReply(message)) return message;
    const destination = (ctx.body as { destinationId?: string } | undefined)?.destinationId;
    const folder = destination ? box.folder(destination) : undefined;
    if (!folder) return folderNotFound(ctx);
    const copy = box.copyTo(message, folder.id);
    if (move) box.remove(message);
    return messageEntity(ctx, box, copy, 201);
  };
}

const UPDATABLE = ["isRead", "flag", "categories", "importance", "inferenceClassification"];
const DRAFT_UPDATABLE = ["subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "from"];

function updateMessage(ctx: RequestContext, box: Mailbox): Reply {
  const message = messageOf(ctx, box);
  if (isReply(message)) return message;
  const body = bodyObject(ctx);
  if (isReply(body)) return body;
  for (const key of Object.keys(body)) {
    if (DRAFT_UPDATABLE.includes(key) && !message.isDraft) {
      return badRequest(ctx, "ErrorInvalidPropertyUpdateSentMessage", `The property '${key}' can be updated only on a draft message.`);
    }
    if (!UPDATABLE.includes(key) && !DRAFT_UPDATABLE.includes(key)) {
      return badRequest(
        ctx,
        "ErrorInvalidProperty",
        `The property '${key}' does not exist on type 'microsoft.graph.message' or cannot be updated.`,
      );
    }
  }
  const bad = invalidRecipients(ctx, [body.toRecipients, body.ccRecipients, body.bccRecipients, body.replyTo] as Recipient[][]);
  if (bad) return bad;
  Object.assign(message, body);
  if (body.body) message.bodyPreview = preview(message.body.content);
  box.touch(message);
  return messageEntity(ctx, box, message);
}

function sendMail(ctx: RequestContext, box: Mailbox): Reply {
  const body = bodyObject(ctx);
  if (isReply(body)) return body;
  const fields = body.message as MessageFields | undefined;
  if (!fields || typeof fields !== "object") return badRequest(ctx, "ErrorInvalidParameter", "The parameter 'message' is missing.");
  const attachments = inlineAttachments(ctx, fields.attachments as never);
  if (isReply(attachments)) return attachments;
  const { attachments: _ignored, ...rest } = fields;
  const message = draftFrom(ctx, box, box.wellKnown("sentitems").id, rest);
  if (isReply(message)) return message;
  if (message.toRecipients.length + message.ccRecipients.length + message.bccRecipients.length === 0) {
    return badRequest(ctx, "ErrorInvalidRecipients", "At least one recipient is required, but none were found.");
  }
  deliver(ctx, box, message, attachments, body.saveToSentItems !== false && body.saveToSentItems !== "false");
  return { status: 202 };
}

function sendDraft(ctx: RequestContext, box: Mailbox): Reply {
  const draft = messageOf(ctx, box);
  if (isReply(draft)) return draft;
  if (!draft.isDraft) return badRequest(ctx, "ErrorInvalidOperation", "Only a draft message can be sent.");
  if (draft.toRecipients.length + draft.ccRecipients.length + draft.bccRecipients.length === 0) {
    return badRequest(ctx, "ErrorInvalidRecipients", "At least one recipient is required, but none were found.");
  }
  const attachments = box.attachments.get(draft.id) ?? [];
  box.remove(draft);
  deliver(ctx, box, { ...draft, parentFolderId: box.wellKnown("sentitems").id }, attachments);
  return { status: 202 };
}

function createMessage(ctx: RequestContext, box: Mailbox): Reply {
  const folder = ctx.params.folder ? folderFrom(ctx, box) : box.wellKnown("drafts");
  if (!folder) return folderNotFound(ctx);
  const body = bodyObject(ctx);
  if (isReply(body)) return body;
  const attachments = inlineAttachments(ctx, (body as MessageFields).attachments as never);
  if (isReply(attachments)) return attachments;
  const { attachments: _ignored, ...fields } = body as MessageFields;
  const draft = draftFrom(ctx, box, folder.id, fields);
  if (isReply(draft)) return draft;
  box.put(draft, attachments);
  return messageEntity(ctx, box, draft, 201);
}

function attachmentOf(ctx: RequestContext, box: Mailbox) {
  const message = messageOf(ctx, box);
  if (isReply(message)) return message;
  return (box.attachments.get(message.id) ?? []).find((a) => a.id === ctx.params.attachmentId) ?? itemNotFound(ctx);
}

function registerFolderRoutes(router: Router): void {
  mailRoute(router, "GET", "/mailFolders", "readBasic", (ctx, box) => listFolders(ctx, box, box.rootId));
  mailRoute(router, "GET", "/mailFolders/:folder", "readBasic", (ctx, box) => {
    const folder = folderFrom(ctx, box);
    return folder
      ? json(200, { "@odata.context": contextUrl(ctx, box, "mailFolders/$entity"), ...folderView(box, folder) })
      : folderNotFound(ctx);
  });
  mailRoute(router, "GET", "/mailFolders/:folder/childFolders", "readBasic", (ctx, box) => {
    const folder = folderFrom(ctx, box);
    return folder ? listFolders(ctx, box, folder.id) : folderNotFound(ctx);
  });
  mailRoute(router, "GET", "/mailFolders/:folder/messages/delta", "readBasic", (ctx, box) => {
    const folder = folderFrom(ctx, box);
    return folder ? messageDelta(ctx, box, folder) : folderNotFound(ctx);
  });
  mailRoute(router, "GET", "/mailFolders/:folder/messages", "readBasic", (ctx, box) => {
    const folder = folderFrom(ctx, box);
    return folder ? listMessages(ctx, box, box.inFolder(folder.id)) : folderNotFound(ctx);
  });
  mailRoute(router, "POST", "/mailFolders/:folder/messages", "write", createMessage);
  mailRoute(router, "GET", "/mailFolders/:folder/messages/:messageId", "readBasic", (ctx, box) => {
    const message = messageOf(ctx, box);
    return isReply(message) ? message : messageEntity(ctx, box, message);
  });
}

function registerMessageRoutes(router: Router): void {
  mailRoute(router, "GET", "/messages", "readBasic", (ctx, box) => {
    const visible = box.subtree(box.rootId);
    return listMessages(
      ctx,
      box,
      [...box.messages.values()].filter((m) => visible.has(m.parentFolderId)),
    );
  });
  mailRoute(router, "POST", "/messages", "write", createMessage);
  mailRoute(router, "GET", "/messages/:messageId", "readBasic", (ctx, box) => {
    const message = messageOf(ctx, box);
    return isReply(message) ? message : messageEntity(ctx, box, message);
  });
  mailRoute(router, "GET", "/messages/:messageId/$value", "read", (ctx, box) => {
    const message = messageOf(ctx, box);
    if (isReply(message)) return message;
    return { status: 200, headers: { "Content-Type": "text/plain" }, body: toMime(message, box.attachments.get(message.id) ?? []) };
  });
  mailRoute(router, "PATCH", "/messages/:messageId", "write", updateMessage);
  mailRoute(router, "DELETE", "/messages/:messageId", "write", (ctx, box) => {
    const message = messageOf(ctx, box);
    if (isReply(message)) return message;
    box.remove(message);
    return noContent();
  });
  mailRoute(router, "POST", "/messages/:messageId/send", "send", sendDraft);
  mailRoute(router, "POST", "/messages/:messageId/reply", "send", respond("reply"));
  mailRoute(router, "POST", "/messages/:messageId/replyAll", "send", respond("replyAll"));
  mailRoute(router, "POST", "/messages/:messageId/forward", "send", respond("forward"));
  mailRoute(router, "POST", "/messages/:messageId/move", "write", moveOrCopy(true));
  mailRoute(router, "POST", "/messages/:messageId/copy", "write", moveOrCopy(false));
  mailRoute(router, "POST", "/sendMail", "send", sendMail);
}

function registerAttachmentRoutes(router: Router): void {
  mailRoute(router, "GET", "/messages/:messageId/attachments", "read", (ctx, box) => {
    const message = messageOf(ctx, box);
    if (isReply(message)) return message;
    const views = (box.attachments.get(message.id) ?? []).map((a) => attachmentView(a));
    return listCollection(ctx, views, {
      entitySet: "attachments",
      defaultTop: 100,
      maxTop: 1000,
      decorate: (item, source) => Object.assign(item, { "@odata.type": (source as Record<string, unknown>)["@odata.type"] }),
    });
  });
  mailRoute(router, "GET", "/messages/:messageId/attachments/:attachmentId", "read", (ctx, box) => {
    const attachment = attachmentOf(ctx, box);
    if (isReply(attachment)) return attachment;
    const select = parseSelect(ctx);
    const view = selectProperties(attachmentView(attachment), select ? ["@odata.type", ...select] : undefined);
    return json(200, { "@odata.context": contextUrl(ctx, box, "messages/attachments/$entity"), ...view });
  });
  mailRoute(router, "GET", "/messages/:messageId/attachments/:attachmentId/$value", "read", (ctx, box) => {
    const attachment = attachmentOf(ctx, box);
    if (isReply(attachment)) return attachment;
    return { status: 200, headers: { "Content-Type": attachment.contentType }, body: attachment.content ?? Buffer.alloc(0) };
  });
  mailRoute(router, "POST", "/messages/:messageId/attachments", "write", (ctx, box) => {
    const message = messageOf(ctx, box);
    if (isReply(message)) return message;
    if (ctx.rawBody.length > 4 * 1024 * 1024) return tooLarge(ctx);
    const added = inlineAttachments(ctx, [ctx.body as never]);
    if (isReply(added)) return added;
    box.attachments.get(message.id)?.push(...added);
    box.touch(message);
    return json(201, { "@odata.context": contextUrl(ctx, box, "messages/attachments/$entity"), ...attachmentView(added[0]) });
  });
  mailRoute(router, "POST", "/messages/:messageId/attachments/createUploadSession", "write", createAttachmentUploadSession);
}

/** Graph takes files from 3 MB to 150 MB through an attachment upload session, in chunks of at most 4 MB. */
const UPLOAD_MIN = 3 * 1024 * 1024;
const UPLOAD_MAX = 150 * 1024 * 1024;
const UPLOAD_MAX_CHUNK = 4 * 1024 * 1024;

function createAttachmentUploadSession(ctx: RequestContext, box: Mailbox): Reply {
  const message = messageOf(ctx, box);
  if (isReply(message)) return message;
  const item = (
    ctx.body as { AttachmentItem?: { attachmentType?: string; name?: string; size?: number; contentType?: string; isInline?: boolean } }
  )?.AttachmentItem;
  if (!item || item.attachmentType !== "file" || !item.name || typeof item.size !== "number") {
    return badRequest(ctx, "ErrorInvalidRequest", "AttachmentItem with attachmentType 'file', name and size is required.");
  }
  if (item.size < UPLOAD_MIN) {
    return badRequest(ctx, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize", "Attachment size must be greater than the minimum size.");
  }
  if (item.size > UPLOAD_MAX) return tooLarge(ctx);
  const root = `${ctx.url.origin}/${ctx.version ?? "v1.0"}`;
  const session = ctx.emulator.preAuth.createUploadSession({
    totalSize: item.size,
    maxChunkSize: UPLOAD_MAX_CHUNK,
    onComplete: (bytes) => {
      const target = box.messages.get(message.id);
      if (!target) return { status: 404 };
      const added = {
        "@odata.type": "#microsoft.graph.fileAttachment" as const,
        id: mailId("AAMkAGI2QXR0AAu"),
        lastModifiedDateTime: nowSeconds(),
        name: item.name as string,
        contentType: item.contentType ?? "application/octet-stream",
        size: bytes.length,
        isInline: item.isInline ?? false,
        contentId: null,
        content: bytes,
      };
      box.attachments.get(target.id)?.push(added);
      box.touch(target);
      const location = `${root}/users('${box.ownerId}')/messages('${target.id}')/attachments('${added.id}')`;
      return { status: 201, headers: { Location: location } };
    },
  });
  return json(201, {
    "@odata.context": `${root}/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: session.uploadUrl,
    expirationDateTime: session.expirationDateTime,
    nextExpectedRanges: ["0-"],
  });
}

/** Exchange Online mail: folders, messages, sending, attachments and per-folder message delta. */
export function registerMailRoutes(router: Router, emulator: Emulator): void {
  mailStore(emulator);
  registerFolderRoutes(router);
  registerMessageRoutes(router);
  registerAttachmentRoutes(router);
}
