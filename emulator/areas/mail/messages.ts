import type { RequestContext, Router } from "../../kernel/router";
import { Reply, noContent } from "../../kernel/http";
import { badRequest } from "../../kernel/odata/collection";
import { isReply } from "../directory/users";
import { folderFrom, folderNotFound, mailRoute, messageOf } from "./access";
import { toMime } from "./mime";
import { listMessages } from "./query";
import { messageEntity } from "./render";
import { deliver, inlineAttachments, invalidRecipients } from "./sending";
import { Mailbox, MessageRecord, NewMessage, Recipient, buildMessage, preview } from "./store";

function bodyObject(ctx: RequestContext): Record<string, unknown> | Reply {
  const body = ctx.body;
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return badRequest(ctx, "ErrorInvalidRequest", "Empty Payload. JSON content expected.");
  }
  return body as Record<string, unknown>;
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

export function createMessage(ctx: RequestContext, box: Mailbox): Reply {
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

export function registerMessageRoutes(router: Router): void {
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
