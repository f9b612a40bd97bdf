import type { RequestContext } from "../../kernel/router";
import { json, Reply } from "../../kernel/http";
import { parseSelect, selectProperties } from "../../kernel/odata/collection";
import { readsBasicOnly } from "./access";
import type { AttachmentRecord, MailFolderRecord, Mailbox, MessageRecord } from "./store";

export function serviceRoot(ctx: RequestContext): string {
  return `${ctx.url.origin}/${ctx.version ?? "v1.0"}`;
}

export function contextUrl(ctx: RequestContext, box: Mailbox, tail: string): string {
  return `${serviceRoot(ctx)}/$metadata#users('${encodeURIComponent(box.ownerId)}')/${tail}`;
}

/** `Prefer: outlook.body-content-type="text"` (or "html"), as Outlook reads it. */
export function preferredBodyType(ctx: RequestContext): "text" | "html" | undefined {
  const prefer = String(ctx.headers.prefer ?? "");
  const m = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(prefer);
  return m ? (m[1].toLowerCase() as "text" | "html") : undefined;
}

export function preferenceHeaders(ctx: RequestContext): Record<string, string> {
  const type = preferredBodyType(ctx);
  return type ? { "Preference-Applied": `outlook.body-content-type="${type}"` } : {};
}

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<html><body><div>${escaped.replace(/\n/g, "<br>")}</div></body></html>`;
}

export function attachmentView(attachment: AttachmentRecord, withContent = true): Record<string, unknown> {
  const { content, sourceUrl, ...rest } = attachment;
  const out: Record<string, unknown> = { ...rest };
  if (attachment["@odata.type"] === "#microsoft.graph.fileAttachment" && withContent) out.contentBytes = content?.toString("base64") ?? "";
  if (sourceUrl) out.sourceUrl = sourceUrl;
  return out;
}

export function messageView(ctx: RequestContext, box: Mailbox, message: MessageRecord): Record<string, unknown> {
  const wanted = preferredBodyType(ctx);
  const body = { ...message.body };
  if (wanted && wanted !== body.contentType) {
    body.content = wanted === "text" ? htmlToText(body.content) : textToHtml(body.content);
    body.contentType = wanted;
  }
  const full: Record<string, unknown> = { "@odata.etag": `W/"${message.changeKey}"`, ...message, body };
  if (readsBasicOnly(ctx)) {
    delete full.body;
    delete full.bodyPreview;
  }
  const out = selectProperties(full, withId(parseSelect(ctx)));
  if (/\battachments\b/i.test(ctx.query.get("$expand") ?? "") && !readsBasicOnly(ctx)) {
    out.attachments = (box.attachments.get(message.id) ?? []).map((a) => attachmentView(a));
  }
  return out;
}

/** Graph always returns id (and the etag) beside a $select. */
function withId(select: string[] | undefined): string[] | undefined {
  if (!select) return undefined;
  return ["@odata.etag", ...(select.some((s) => s.toLowerCase() === "id") ? [] : ["id"]), ...select];
}

export function messageEntity(ctx: RequestContext, box: Mailbox, message: MessageRecord, status = 200): Reply {
  return json(
    status,
    { "@odata.context": contextUrl(ctx, box, "messages/$entity"), ...messageView(ctx, box, message) },
    preferenceHeaders(ctx),
  );
}

export function folderView(box: Mailbox, folder: MailFolderRecord): Record<string, unknown> {
  const messages = box.inFolder(folder.id);
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: box.children(folder.id).length,
    unreadItemCount: messages.filter((m) => !m.isRead).length,
    totalItemCount: messages.length,
    sizeInBytes: messages.reduce((n, m) => n + m.body.content.length, 0),
    isHidden: folder.isHidden,
  };
}
