import type { RequestContext } from "../../kernel/router";
import { graphError, Reply } from "../../kernel/http";
import { badRequest } from "../../kernel/odata/collection";
import { AttachmentRecord, Mailbox, MessageRecord, Recipient, mailId, mailStore, nowSeconds } from "./store";

/** Graph's limit for attachments sent inline (sendMail, POST attachments): 3 MB; larger files need an upload session. */
export const INLINE_ATTACHMENT_LIMIT = 3 * 1024 * 1024;

interface AttachmentInput {
  "@odata.type"?: string;
  name?: string;
  contentType?: string;
  contentBytes?: string;
  isInline?: boolean;
  contentId?: string;
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function tooLarge(ctx: RequestContext): Reply {
  return graphError(413, "ErrorMessageSizeExceeded", "The message exceeds the maximum supported size.", ctx.requestId);
}

/** Checks recipient lists as Exchange does: every address must be a valid SMTP address. */
export function invalidRecipients(ctx: RequestContext, lists: (Recipient[] | undefined)[]): Reply | undefined {
  for (const list of lists) {
    for (const r of list ?? []) {
      const address = r?.emailAddress?.address;
      if (typeof address !== "string" || !ADDRESS.test(address)) {
        return badRequest(
          ctx,
          "ErrorInvalidRecipients",
          `At least one recipient is not valid., Recipient '${String(address)}' is not resolved. All recipients must be resolved before a message can be submitted.`,
        );
      }
    }
  }
  return undefined;
}

/** File attachments posted inline, or Graph's 413 when they pass the inline limit. */
export function inlineAttachments(ctx: RequestContext, list: AttachmentInput[] | undefined): AttachmentRecord[] | Reply {
  const out: AttachmentRecord[] = [];
  let total = 0;
  for (const a of list ?? []) {
    if (a["@odata.type"] !== "#microsoft.graph.fileAttachment") {
      return badRequest(ctx, "ErrorInvalidRequest", "Only #microsoft.graph.fileAttachment can be posted with contentBytes.");
    }
    if (!a.name) return badRequest(ctx, "ErrorInvalidProperty", "The attachment name is missing.");
    const content = Buffer.from(a.contentBytes ?? "", "base64");
    total += content.length;
    out.push({
      "@odata.type": "#microsoft.graph.fileAttachment",
      id: mailId("AAMkAGI2QXR0AAu"),
      lastModifiedDateTime: nowSeconds(),
      name: a.name,
      contentType: a.contentType ?? "application/octet-stream",
      size: content.length,
      isInline: a.isInline ?? false,
      contentId: a.contentId ?? null,
      content,
    });
  }
  return total > INLINE_ATTACHMENT_LIMIT ? tooLarge(ctx) : out;
}

/** Who a message reaches: to, cc and bcc. */
function recipients(message: MessageRecord): string[] {
  return [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients].map((r) => r.emailAddress.address.toLowerCase());
}

/**
 * Sends a built message: one copy in each recipient mailbox's Inbox (bcc hidden), one in the sender's Sent Items
 * unless asked not to. Addresses outside the tenant leave the emulator.
 */
export function deliver(
  ctx: RequestContext,
  sender: Mailbox,
  message: MessageRecord,
  attachments: AttachmentRecord[],
  saveToSentItems = true,
): void {
  const store = mailStore(ctx.emulator);
  const now = nowSeconds();
  message.isDraft = false;
  message.sentDateTime = now;
  message.receivedDateTime = now;
  message.sender = sender.me;
  message.from = message.from ?? sender.me;
  for (const address of new Set(recipients(message))) {
    const box = store.byAddress(address);
    if (!box) continue;
    const inbox = box.wellKnown("inbox");
    const copy: MessageRecord = { ...structuredClone(message), id: mailId(), parentFolderId: inbox.id, isRead: false, bccRecipients: [] };
    box.put(
      copy,
      attachments.map((a) => ({ ...a, id: mailId("AAMkAGI2QXR0AAu") })),
    );
  }
  if (saveToSentItems) {
    const sent = sender.wellKnown("sentitems");
    sender.put({ ...structuredClone(message), id: mailId(), parentFolderId: sent.id, isRead: true }, attachments);
  }
}
