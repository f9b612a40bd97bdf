import { randomBytes } from "node:crypto";
import { WELL_KNOWN_FOLDERS, WellKnownFolder } from "./wellKnown";
import {
  AttachmentRecord,
  MailFolderRecord,
  MessageChange,
  MessageChangeKind,
  MessageRecord,
  Recipient,
  mailId,
  nowSeconds,
} from "./records";

/** One Exchange mailbox: folders, messages, attachments and a per-folder change log for delta. */
export class Mailbox {
  readonly folders = new Map<string, MailFolderRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly attachments = new Map<string, AttachmentRecord[]>();
  readonly changes: MessageChange[] = [];
  readonly rootId: string;
  /** Told of every change after the mailbox is seeded (the store announces it for change notifications). */
  onChange?: (change: MessageChange) => void;
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
    const change = { seq: ++this.seq, folderId, messageId, kind };
    this.changes.push(change);
    this.onChange?.(change);
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
