import { randomBytes } from "node:crypto";
import type { Mailbox } from "./mailbox";

export interface MailFolderRecord {
  id: string;
  displayName: string;
  parentFolderId: string;
  isHidden: boolean;
  wellKnownName?: string;
}

export interface Recipient {
  emailAddress: { name?: string; address: string };
}

/** A message as Graph returns it (every default property), kept with its folder. */
export interface MessageRecord {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  categories: string[];
  receivedDateTime: string;
  sentDateTime: string | null;
  hasAttachments: boolean;
  internetMessageId: string;
  subject: string;
  bodyPreview: string;
  importance: "low" | "normal" | "high";
  parentFolderId: string;
  conversationId: string;
  conversationIndex: string;
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  isRead: boolean;
  isDraft: boolean;
  webLink: string;
  inferenceClassification: "focused" | "other";
  body: { contentType: "text" | "html"; content: string };
  sender: Recipient | null;
  from: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  flag: { flagStatus: "notFlagged" | "flagged" | "complete" };
}

export interface AttachmentRecord {
  "@odata.type": "#microsoft.graph.fileAttachment" | "#microsoft.graph.itemAttachment" | "#microsoft.graph.referenceAttachment";
  id: string;
  lastModifiedDateTime: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentId?: string | null;
  /** File attachments only. */
  content?: Buffer;
  /** Reference attachments only. */
  sourceUrl?: string;
}

export type MessageChangeKind = "created" | "updated" | "deleted";

export interface MessageChange {
  seq: number;
  folderId: string;
  messageId: string;
  kind: MessageChangeKind;
}

/** Graph's ids for mail items are long base64 strings; `=` and `-` make sure callers encode them. */
export function mailId(prefix = "AAMkAGI2TG93AAA"): string {
  return `${prefix}${randomBytes(30).toString("base64url")}=`;
}

export function nowSeconds(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function preview(content: string): string {
  return content
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 255);
}

export interface NewMessage {
  subject?: string;
  body?: { contentType?: string; content?: string };
  from?: Recipient | null;
  toRecipients?: Recipient[];
  ccRecipients?: Recipient[];
  bccRecipients?: Recipient[];
  replyTo?: Recipient[];
  importance?: string;
  categories?: string[];
  isRead?: boolean;
  isDraft?: boolean;
  conversationId?: string;
  receivedDateTime?: string;
}

export function buildMessage(box: Mailbox, folderId: string, fields: NewMessage): MessageRecord {
  const now = nowSeconds();
  const content = fields.body?.content ?? "";
  const id = mailId();
  const draft = fields.isDraft ?? false;
  return {
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: randomBytes(12).toString("base64"),
    categories: fields.categories ?? [],
    receivedDateTime: fields.receivedDateTime ?? now,
    sentDateTime: draft ? null : (fields.receivedDateTime ?? now),
    hasAttachments: false,
    internetMessageId: `<${randomBytes(12).toString("hex")}@contoso.com>`,
    subject: fields.subject ?? "",
    bodyPreview: preview(content),
    importance: (["low", "normal", "high"].includes(String(fields.importance))
      ? fields.importance
      : "normal") as MessageRecord["importance"],
    parentFolderId: folderId,
    conversationId: fields.conversationId ?? mailId("AAQkAGI2Q29udgAQ"),
    conversationIndex: randomBytes(22).toString("base64"),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: fields.isRead ?? draft,
    isDraft: draft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: "focused",
    body: { contentType: String(fields.body?.contentType).toLowerCase() === "html" ? "html" : "text", content },
    sender: draft ? null : (fields.from ?? box.me),
    from: draft ? (fields.from ?? null) : (fields.from ?? box.me),
    toRecipients: fields.toRecipients ?? [],
    ccRecipients: fields.ccRecipients ?? [],
    bccRecipients: fields.bccRecipients ?? [],
    replyTo: fields.replyTo ?? [],
    flag: { flagStatus: "notFlagged" },
  };
}
