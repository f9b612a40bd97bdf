import type { User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import { seededRandom } from "../../kernel/random";
import { Mailbox } from "./mailbox";
import { AttachmentRecord, buildMessage, mailId } from "./records";
import { announceMessageChanges } from "./notifications";

export { Mailbox } from "./mailbox";
export * from "./records";

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
    announceMessageChanges(emulator, this, this.sharedMailbox);
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
      announceMessageChanges(this.emulator, this, box);
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
