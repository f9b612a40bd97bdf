import { action } from "@prismatic-io/spectral";
import { InputError } from "../../graph";
import { commentInput, messageIdInput, recipients, recipientsInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

export const forwardMessage = action({
  display: {
    label: "Forward Message",
    description: "Forward a message, its attachments included (POST /users/{mailbox}/messages/{id}/forward).",
  },
  inputs: {
    ...mailBaseInputs,
    messageId: messageIdInput,
    to: recipientsInput("To", "Who the message is forwarded to (toRecipients).", true),
    comment: commentInput,
  },
  perform: async (context, params) => {
    if (params.to.length === 0) throw new InputError("To", "needs at least one recipient");
    const { client, root } = mailTarget(context, params);
    await client.post(messagePath(root, params.messageId, "/forward"), {
      comment: params.comment ?? "",
      toRecipients: recipients(params.to),
    });
    return { data: { sent: true, id: params.messageId, to: params.to.map((r) => r.address) } };
  },
  examplePayload: { data: { sent: true, id: "AAMkAGI2TG93AAA1wkq9Yq0YyEa0-NlBqSKnBhAAAIOcsTAAA=", to: ["AlexW@contoso.com"] } },
});
