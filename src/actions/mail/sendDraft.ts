import { action } from "@prismatic-io/spectral";
import { requiredText } from "../../inputs/clean";
import { messageIdInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

const draftIdInput = {
  ...messageIdInput,
  label: "Draft",
  comments: "The draft's message ID, as Create Draft returns it (id).",
  clean: requiredText("Draft", "the draft's message id"),
};

export const sendDraft = action({
  display: {
    label: "Send Draft",
    description: "Send a draft message; Exchange moves it to Sent Items (POST /users/{mailbox}/messages/{id}/send).",
  },
  inputs: { ...mailBaseInputs, messageId: draftIdInput },
  perform: async (context, params) => {
    const { client, root } = mailTarget(context, params);
    await client.post(messagePath(root, params.messageId, "/send"));
    return { data: { sent: true, id: params.messageId } };
  },
  examplePayload: { data: { sent: true, id: "AAMkAGI2TG93AAA1wkq9Yq0YyEa0-NlBqSKnBhAAAIOcsTAAA=" } },
});
