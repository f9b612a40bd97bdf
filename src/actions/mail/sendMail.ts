import { action } from "@prismatic-io/spectral";
import { parseAttachments, fileAttachmentBody } from "./attachments";
import { SendResult, buildDraft, fitsInline, messageBody } from "./compose";
import { composeInputs, requireRecipient, saveToSentItemsInput } from "./composeInputs";
import { sendResultExample } from "./examples";
import { keepDraftInput } from "./inputs";
import { mailBaseInputs, mailTarget } from "./shared";

export const sendMail = action({
  display: {
    label: "Send Mail",
    description:
      "Send a message from a mailbox (a shared mailbox too), with attachments of any size up to 150 MB each (POST /users/{mailbox}/sendMail; larger attachments through a draft and upload sessions).",
  },
  inputs: { ...mailBaseInputs, ...composeInputs, saveToSentItems: saveToSentItemsInput, keepDraftOnFailure: keepDraftInput },
  perform: async (context, params) => {
    requireRecipient(params);
    const files = parseAttachments(params.attachments, params.attachmentNames);
    const { client, root } = mailTarget(context, params);
    const message = messageBody(params);
    const mailbox = params.mailbox ?? "me";
    if (fitsInline(files)) {
      const withFiles = files.length ? { ...message, attachments: files.map(fileAttachmentBody) } : message;
      await client.post(`${root}/sendMail`, { message: withFiles, saveToSentItems: params.saveToSentItems });
      const attachments = files.map((f) => ({ name: f.name, size: f.content.length, method: "inline" as const }));
      const data: SendResult = { sent: true, mailbox, via: "sendMail", attachments };
      return { data };
    }
    const result = await buildDraft(client, {
      createPath: `${root}/messages`,
      root,
      message,
      files,
      send: true,
      keepDraftOnFailure: params.keepDraftOnFailure,
    });
    const data: SendResult = { sent: true, mailbox, via: "draft", draftId: result.draft?.id, attachments: result.attachments };
    return { data };
  },
  examplePayload: { data: sendResultExample },
});
