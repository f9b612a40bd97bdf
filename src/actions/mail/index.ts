import { copyMessage } from "./copyMessage";
import { createDraft } from "./createDraft";
import { deleteMessage } from "./deleteMessage";
import { forwardMessage } from "./forwardMessage";
import { getAttachment } from "./getAttachment";
import { getMessage } from "./getMessage";
import { getMessageMime } from "./getMessageMime";
import { listAttachments } from "./listAttachments";
import { listMailFolders } from "./listMailFolders";
import { listMessages } from "./listMessages";
import { moveMessage } from "./moveMessage";
import { replyToMessage } from "./replyToMessage";
import { sendDraft } from "./sendDraft";
import { sendMail } from "./sendMail";
import { updateMessage } from "./updateMessage";

export default {
  listMailFolders,
  listMessages,
  getMessage,
  getMessageMime,
  sendMail,
  createDraft,
  sendDraft,
  replyToMessage,
  forwardMessage,
  moveMessage,
  copyMessage,
  updateMessage,
  deleteMessage,
  listAttachments,
  getAttachment,
};
