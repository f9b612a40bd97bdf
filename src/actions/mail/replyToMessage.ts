import { action, input } from "@prismatic-io/spectral";
import { boolean } from "../../inputs/clean";
import { commentInput, messageIdInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

export const replyToMessage = action({
  display: {
    label: "Reply To Message",
    description: "Reply to the sender of a message, or to everyone on it (POST /users/{mailbox}/messages/{id}/reply or /replyAll).",
  },
  inputs: {
    ...mailBaseInputs,
    messageId: messageIdInput,
    comment: commentInput,
    replyAll: input({
      label: "Reply All",
      type: "boolean",
      required: false,
      default: "false",
      comments: "Reply to the sender and every To and Cc recipient (replyAll), not only the sender (reply).",
      clean: boolean("Reply All"),
    }),
  },
  perform: async (context, params) => {
    const { client, root } = mailTarget(context, params);
    await client.post(messagePath(root, params.messageId, params.replyAll ? "/replyAll" : "/reply"), { comment: params.comment ?? "" });
    return { data: { sent: true, replyAll: params.replyAll, id: params.messageId } };
  },
  examplePayload: { data: { sent: true, replyAll: false, id: "AAMkAGI2TG93AAA1wkq9Yq0YyEa0-NlBqSKnBhAAAIOcsTAAA=" } },
});
