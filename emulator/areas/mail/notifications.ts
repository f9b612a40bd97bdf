import type { Emulator } from "../../kernel/server";
import type { Mailbox } from "./mailbox";
import type { MessageChange } from "./records";

/** Minimal view of the store, so that this module and the store do not import each other at run time. */
interface MailboxFinder {
  find(ref: string): Mailbox | "none" | undefined;
}

/**
 * The message resources Graph accepts for mail subscriptions: `me/messages`, `users/{id}/messages`, and a folder's
 * `me|users/{id}/mailFolders('{folder}')/messages` or `.../mailFolders/{folder}/messages` (id or well-known name).
 */
const MESSAGES_RESOURCE = /^(?:me|users\/([^/]+))\/(?:mailFolders(?:\('((?:[^']|'')+)'\)|\/([^/]+))\/)?messages$/i;

/** Whether a subscription on `subscribed` covers a change of a message in `folderId` of `box`. */
function covers(store: MailboxFinder, box: Mailbox, folderId: string, subscribed: string, creatorUserId?: string): boolean {
  const match = MESSAGES_RESOURCE.exec(subscribed);
  if (!match) return false;
  const [, mailboxRef, quotedFolder, folderSegment] = match;
  const ref = mailboxRef ?? creatorUserId;
  if (!ref || store.find(ref) !== box) return false;
  const folderRef = quotedFolder?.replace(/''/g, "'") ?? folderSegment;
  return folderRef === undefined || box.folder(folderRef)?.id === folderId;
}

/** Announces every later change of the mailbox's messages on the emulator's change feed, in Graph's notification terms. */
export function announceMessageChanges(emulator: Emulator, store: MailboxFinder, box: Mailbox): void {
  box.onChange = (change: MessageChange) => {
    const resource = `Users/${box.ownerId}/Messages/${change.messageId}`;
    const message = box.messages.get(change.messageId);
    emulator.changes.publish({
      changeType: change.kind,
      resource,
      resourceData: {
        "@odata.type": "#Microsoft.Graph.Message",
        "@odata.id": resource,
        ...(message ? { "@odata.etag": `W/"${message.changeKey}"` } : {}),
        id: change.messageId,
      },
      covers: (subscribed, creatorUserId) => (covers(store, box, change.folderId, subscribed, creatorUserId) ? resource : undefined),
    });
  };
}
