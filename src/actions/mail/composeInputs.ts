import { input } from "@prismatic-io/spectral";
import { InputError } from "../../graph";
import { boolean } from "../../inputs/clean";
import { attachmentNamesInput, attachmentsInput } from "./attachments";
import type { ComposeParams } from "./compose";
import { bodyFormatInput, bodyInput, importanceInput, recipientsInput, subjectInput } from "./inputs";

/** Recipients, subject, body, importance and attachments: what sendMail and createDraft share. */
export const composeInputs = {
  to: recipientsInput("To", "Recipients (toRecipients)."),
  cc: recipientsInput("Cc", "Carbon-copy recipients (ccRecipients)."),
  bcc: recipientsInput("Bcc", "Blind-copy recipients (bccRecipients): they receive the message without being shown."),
  replyTo: recipientsInput("Reply To", "Where replies go instead of the sender (replyTo)."),
  subject: subjectInput,
  body: bodyInput,
  bodyFormat: bodyFormatInput,
  importance: importanceInput,
  attachments: attachmentsInput,
  attachmentNames: attachmentNamesInput,
};

export const saveToSentItemsInput = input({
  label: "Save To Sent Items",
  type: "boolean",
  required: false,
  default: "true",
  comments:
    "Keep a copy in the sender's Sent Items (Graph's saveToSentItems). Messages with attachments of 3 MB or more are sent as a draft, which Exchange always keeps in Sent Items.",
  clean: boolean("Save To Sent Items", true),
});

export function requireRecipient(params: Pick<ComposeParams, "to" | "cc" | "bcc">): void {
  if (params.to.length + params.cc.length + params.bcc.length === 0) {
    throw new InputError("To", "needs at least one recipient (in To, Cc or Bcc)");
  }
}
