import { action, input } from "@prismatic-io/spectral";
import type { Message } from "@microsoft/microsoft-graph-types";
import { boolean } from "../../inputs/clean";
import { selectInputFor } from "../../inputs/common";
import { messageExample } from "./examples";
import { bodyTypeHeaders, bodyTypeInput, messageIdInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

export const getMessage = action({
  display: { label: "Get Message", description: "Get one message, optionally with its attachments (GET /users/{mailbox}/messages/{id})." },
  inputs: {
    ...mailBaseInputs,
    messageId: messageIdInput,
    bodyType: bodyTypeInput,
    expandAttachments: input({
      label: "Include Attachments",
      type: "boolean",
      required: false,
      default: "false",
      comments:
        "Return the attachments inside the message ($expand=attachments), file content as base64 contentBytes. Large files make large results: prefer Get Attachment for them.",
      clean: boolean("Include Attachments"),
    }),
    select: selectInputFor("message"),
  },
  perform: async (context, params) => {
    const { client, root } = mailTarget(context, params);
    const query = { $select: params.select, $expand: params.expandAttachments ? "attachments" : undefined };
    return { data: await client.get<Message>(messagePath(root, params.messageId), query, { headers: bodyTypeHeaders(params.bodyType) }) };
  },
  examplePayload: { data: messageExample },
});
