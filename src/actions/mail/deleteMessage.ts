import { action } from "@prismatic-io/spectral";
import { messageIdInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

export const deleteMessage = action({
  display: {
    label: "Delete Message",
    description:
      "Delete a message; Exchange keeps it in Recoverable Items for the retention period (DELETE /users/{mailbox}/messages/{id}).",
  },
  inputs: { ...mailBaseInputs, messageId: messageIdInput },
  perform: async (context, params) => {
    const { client, root } = mailTarget(context, params);
    await client.delete(messagePath(root, params.messageId));
    return { data: { deleted: true, id: params.messageId } };
  },
  examplePayload: { data: { deleted: true, id: "AAMkAGI2TG93AAA1wkq9Yq0YyEa0-NlBqSKnBhAAAIOcsTAAA=" } },
});
