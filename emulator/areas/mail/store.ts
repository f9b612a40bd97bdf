import { randomBytes } from "node:crypto";
import type { User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import { seededRandom } from "../../kernel/random";
import { WELL_KNOWN_FOLDERS, WellKnownFolder } from "./wellKnown";

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

/** One Exchange mailbox: folders, messages, attachments and a per-folder change log for delta. */
export class Mailbox {
  readonly folders = new Map<string, MailFolderRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly attachments = new Map<string, AttachmentRecord[]>();
  readonly changes: MessageChange[] = [];
  readonly rootId: string;
  private seq = 0;

  constructor(
    readonly ownerId: string,
    readonly address: string,
    readonly displayName: string,
    readonly shared = false,
  ) {
    this.rootId = mailId("AAMkAGI2Um9vdAAu");
    const mailboxRoot = mailId("AAMkAGI2Tm9uSVBN");
    this.folders.set(this.rootId, {
      id: this.rootId,
      displayName: "Top of Information Store",
      parentFolderId: mailboxRoot,
      isHidden: false,
      wellKnownName: "msgfolderroot",
    });
    const byName = new Map<string, string>([["msgfolderroot", this.rootId]]);
    for (const folder of WELL_KNOWN_FOLDERS.filter((f: WellKnownFolder) => f.name !== "msgfolderroot")) {
      const parent = folder.outsideRoot ? mailboxRoot : folder.parent ? byName.get(folder.parent) : this.rootId;
      const created = this.addFolder(folder.displayName, parent ?? this.rootId, { wellKnownName: folder.name });
      byName.set(folder.name, created.id);
    }
  }

  get currentSeq(): number {
    return this.seq;
  }

  get me(): Recipient {
    return { emailAddress: { name: this.displayName, address: this.address } };
  }

  addFolder(displayName: string, parentFolderId: string, extra: Partial<MailFolderRecord> = {}): MailFolderRecord {
    const folder: MailFolderRecord = { id: mailId("AAMkAGI2Rm9sZAAu"), displayName, parentFolderId, isHidden: false, ...extra };
    this.folders.set(folder.id, folder);
    return folder;
  }

  /** A folder by id or well-known name (case-insensitive), as Graph resolves /mailFolders/{id}. */
  folder(ref: string): MailFolderRecord | undefined {
    const direct = this.folders.get(ref);
    if (direct) return direct;
    const name = ref.toLowerCase();
    for (const folder of this.folders.values()) if (folder.wellKnownName === name) return folder;
    return undefined;
  }

  wellKnown(name: string): MailFolderRecord {
    const folder = this.folder(name);
    if (!folder) throw new Error(`mailbox has no ${name} folder`);
    return folder;
  }

  children(folderId: string): MailFolderRecord[] {
    return [...this.folders.values()].filter((f) => f.parentFolderId === folderId);
  }

  /** The folder and every folder below it. */
  subtree(folderId: string): Set<string> {
    const out = new Set([folderId]);
    for (const child of this.children(folderId)) for (const id of this.subtree(child.id)) out.add(id);
    return out;
  }

  inFolder(folderId: string): MessageRecord[] {
    return [...this.messages.values()].filter((m) => m.parentFolderId === folderId);
  }

  private record(folderId: string, messageId: string, kind: MessageChangeKind): void {
    this.changes.push({ seq: ++this.seq, folderId, messageId, kind });
  }

  put(message: MessageRecord, attachments: AttachmentRecord[] = []): MessageRecord {
    this.messages.set(message.id, message);
    this.attachments.set(message.id, attachments);
    message.hasAttachments = attachments.some((a) => !a.isInline);
    this.record(message.parentFolderId, message.id, "created");
    return message;
  }

  touch(message: MessageRecord): void {
    message.lastModifiedDateTime = nowSeconds();
    message.changeKey = randomBytes(12).toString("base64");
    message.hasAttachments = (this.attachments.get(message.id) ?? []).some((a) => !a.isInline);
    this.record(message.parentFolderId, message.id, "updated");
  }

  remove(message: MessageRecord): void {
    this.messages.delete(message.id);
    this.attachments.delete(message.id);
    this.record(message.parentFolderId, message.id, "deleted");
  }

  /** A copy in another folder, with a new id (Graph's move and copy both answer a new id). */
  copyTo(message: MessageRecord, folderId: string): MessageRecord {
    const copy: MessageRecord = structuredClone(message);
    copy.id = mailId();
    copy.parentFolderId = folderId;
    copy.lastModifiedDateTime = nowSeconds();
    return this.put(
      copy,
      (this.attachments.get(message.id) ?? []).map((a) => ({ ...a, id: mailId("AAMkAGI2QXR0AAu") })),
    );
  }
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

const SEED_SUBJECTS = [
  "Quarterly sales review",
  "Invoice 4471 from Fabrikam",
  "Team offsite agenda",
  "Re: Contract renewal",
  "Weekly status: Project Falcon",
  "Lunch on Friday?",
  "Security alert: new sign-in",
  "Budget approval needed",
];

/**
 * The tenant's mailboxes: one per licensed member user with a mail address (made on first use, so a large
 * directory costs nothing until mail is read) and one shared mailbox.
 */
export class MailStore {
  private readonly boxes = new Map<string, Mailbox>();
  readonly sharedMailbox: Mailbox;
  /** Mailbox ids an app-only token may reach (an application access policy); undefined: all. */
  appAccessPolicy?: Set<string>;
  /** Delta tokens issued before this generation answer 410 (expired sync state). */
  deltaGeneration = 1;

  constructor(private readonly emulator: Emulator) {
    this.sharedMailbox = new Mailbox("5f1c7a3e-2b4d-4e6f-8a9b-0c1d2e3f4a5b", "support@contoso.com", "Contoso Support", true);
    this.boxes.set(this.sharedMailbox.ownerId, this.sharedMailbox);
    this.seedMessages(this.sharedMailbox, 3);
  }

  private userOf(ref: string): User | undefined {
    return this.emulator.directory.findUser(ref) ?? this.emulator.directory.users.find((u) => u.mail?.toLowerCase() === ref.toLowerCase());
  }

  /** By id, userPrincipalName or primary address; "none" when the user exists but has no mailbox. */
  find(ref: string): Mailbox | "none" | undefined {
    const key = ref.toLowerCase();
    const shared = this.sharedMailbox;
    if (key === shared.ownerId || key === shared.address) return shared;
    const user = this.userOf(ref);
    if (!user) return undefined;
    if (!user.mail || user.userType !== "Member") return "none";
    let box = this.boxes.get(user.id as string);
    if (!box) {
      box = new Mailbox(user.id as string, user.mail, user.displayName ?? user.mail);
      this.boxes.set(user.id as string, box);
      this.seedMessages(box, 6);
      if (this.emulator.directory.users.indexOf(user) % 2 === 0) this.seedFolders(box);
    }
    return box;
  }

  /** The mailbox an address delivers to, if it is in this tenant. */
  byAddress(address: string): Mailbox | undefined {
    const found = this.find(address);
    return found instanceof Mailbox ? found : undefined;
  }

  private seedFolders(box: Mailbox): void {
    const inbox = box.wellKnown("inbox");
    const projects = box.addFolder("Projects", inbox.id);
    box.addFolder("Falcon", projects.id);
    box.addFolder("Rules staging", box.rootId, { isHidden: true });
  }

  private seedMessages(box: Mailbox, count: number): void {
    const random = seededRandom([...box.ownerId].reduce((sum, ch) => sum + ch.charCodeAt(0), 0));
    const inbox = box.wellKnown("inbox");
    const base = Date.parse("2026-03-02T08:00:00Z");
    const first = Math.floor(random() * SEED_SUBJECTS.length);
    for (let i = 0; i < count; i++) {
      const subject = SEED_SUBJECTS[(first + i) % SEED_SUBJECTS.length];
      const received = new Date(base + i * 3_600_000 + Math.floor(random() * 600) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
      const from = { emailAddress: { name: "Fabrikam Billing", address: i % 2 ? "billing@fabrikam.com" : "news@fabrikam.com" } };
      const message = buildMessage(box, inbox.id, {
        subject,
        body: { contentType: "html", content: `<html><body><p>${subject}: details inside.</p></body></html>` },
        from,
        toRecipients: [box.me],
        isRead: i % 3 === 0,
        importance: i === 1 ? "high" : "normal",
        receivedDateTime: received,
      });
      message.createdDateTime = received;
      message.lastModifiedDateTime = received;
      const attachments: AttachmentRecord[] =
        i === 0
          ? [
              {
                "@odata.type": "#microsoft.graph.fileAttachment",
                id: mailId("AAMkAGI2QXR0AAu"),
                lastModifiedDateTime: received,
                name: "invoice.pdf",
                contentType: "application/pdf",
                size: 28,
                isInline: false,
                contentId: null,
                content: Buffer.from("%PDF-1.4 emulated invoice\n"),
              },
            ]
          : i === 2
            ? [
                {
                  "@odata.type": "#microsoft.graph.itemAttachment",
                  id: mailId("AAMkAGI2QXR0AAu"),
                  lastModifiedDateTime: received,
                  name: "Agenda (forwarded message)",
                  contentType: "message/rfc822",
                  size: 4096,
                  isInline: false,
                  contentId: null,
                },
              ]
            : [];
      box.put(message, attachments);
    }
    // Seeded mail is the mailbox's starting state, not a change a delta round reports.
    box.changes.length = 0;
  }
}

const STATE_KEY = "mail";

export function mailStore(emulator: Emulator): MailStore {
  let store = emulator.state.get(STATE_KEY) as MailStore | undefined;
  if (!store) {
    store = new MailStore(emulator);
    emulator.state.set(STATE_KEY, store);
  }
  return store;
}
