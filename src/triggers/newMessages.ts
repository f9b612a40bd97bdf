import { input } from "@prismatic-io/spectral";
import { InputError, encodeSegment } from "../graph";
import { boolean, stringList } from "../inputs/clean";
import { connectionInput } from "../inputs/common";
import { mailboxInput, mailboxRoot, folderInput } from "../actions/mail/mailbox";
import { messageExample } from "../actions/mail/examples";
import { ChangeType, deltaPollingTrigger } from "./deltaTrigger";

const CHANGE_TYPES = ["created", "updated", "deleted"] as const;

function changeTypes(value: unknown): ChangeType[] {
  const list = stringList(value).map((v) => v.toLowerCase());
  for (const v of list) {
    if (!(CHANGE_TYPES as readonly string[]).includes(v))
      throw new InputError("Change Types", `"${v}" is not one of ${CHANGE_TYPES.join(", ")}`);
  }
  return list.length ? [...new Set(list as ChangeType[])] : ["created"];
}

function nowSeconds(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const newMessages = deltaPollingTrigger({
  label: "New Messages",
  description:
    "Polls a mail folder's message delta (GET /users/{mailbox}/mailFolders/{folder}/messages/delta) and starts the flow with the messages that arrived (optionally changed or deleted) since the last poll, each exactly once and in order. A round larger than Max Changes is read across polls.",
  noun: "message",
  inputs: {
    connection: connectionInput,
    mailbox: mailboxInput,
    folder: folderInput("Folder", "The folder to watch (delta query tracks one folder, not its child folders). Empty: inbox."),
    changeTypes: input({
      label: "Change Types",
      type: "string",
      collection: "valuelist",
      required: false,
      example: "created",
      comments:
        "Which changes start the flow (empty: created only): created (new messages), updated (read, flagged, moved within), deleted (deleted or moved out, with @removed). A single type is also sent to Graph as changeType, so the others are not even read.",
      clean: changeTypes,
    }),
    unreadOnly: input({
      label: "Unread Only",
      type: "boolean",
      required: false,
      default: "false",
      comments: "Only created or updated messages that are still unread (isRead false; keep isRead in Select). Deletions are not filtered.",
      clean: boolean("Unread Only"),
    }),
  },
  deltaPath: (p) => {
    const root = mailboxRoot(p.connection, p.mailbox).replace(/^\//, "");
    return `${root}/mailFolders/${encodeSegment(p.folder ?? "inbox", "Folder")}/messages`;
  },
  defaultSelect:
    "id,subject,from,toRecipients,receivedDateTime,isRead,hasAttachments,importance,bodyPreview,parentFolderId,createdDateTime",
  query: (p) => (p.changeTypes.length === 1 ? { changeType: p.changeTypes[0] } : {}),
  // Message delta has no $deltatoken=latest; its one documented filter keeps the first round to what arrives from now.
  baselineQuery: () => ({ $filter: `receivedDateTime ge ${nowSeconds()}` }),
  keep: (change, p) =>
    p.changeTypes.includes(change.changeType) && (!p.unreadOnly || change.changeType === "deleted" || change.object.isRead !== true),
  exampleChanges: [
    {
      changeType: "created",
      id: messageExample.id as string,
      object: {
        id: messageExample.id as string,
        subject: messageExample.subject,
        from: messageExample.from,
        toRecipients: messageExample.toRecipients,
        receivedDateTime: messageExample.receivedDateTime,
        isRead: false,
        hasAttachments: true,
        importance: "normal",
        bodyPreview: messageExample.bodyPreview,
        parentFolderId: messageExample.parentFolderId,
        createdDateTime: messageExample.createdDateTime,
      },
    },
  ],
});
