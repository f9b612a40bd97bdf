import type { RequestContext, Router } from "../../kernel/router";
import { Reply, json } from "../../kernel/http";
import { badRequest, listCollection, parseSelect, selectProperties } from "../../kernel/odata/collection";
import { isReply } from "../directory/users";
import { itemNotFound, mailRoute, messageOf } from "./access";
import { attachmentView, contextUrl } from "./render";
import { inlineAttachments, tooLarge } from "./sending";
import { Mailbox, mailId, nowSeconds } from "./store";

function attachmentOf(ctx: RequestContext, box: Mailbox) {
  const message = messageOf(ctx, box);
  if (isReply(message)) return message;
  return (box.attachments.get(message.id) ?? []).find((a) => a.id === ctx.params.attachmentId) ?? itemNotFound(ctx);
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

export function registerAttachmentRoutes(router: Router): void {
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
