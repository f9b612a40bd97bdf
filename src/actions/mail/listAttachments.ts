import { action } from "@prismatic-io/spectral";
import type { Attachment } from "@microsoft/microsoft-graph-types";
import { attachmentsExample } from "./examples";
import { messageIdInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

/** Everything but the content: a list of large files stays small. Get Attachment returns the file. */
const LIST_SELECT = "id,name,contentType,size,isInline,lastModifiedDateTime";

export const listAttachments = action({
  display: {
    label: "List Attachments",
    description:
      "List a message's attachments (files, items, links) without their content (GET /users/{mailbox}/messages/{id}/attachments).",
  },
  inputs: { ...mailBaseInputs, messageId: messageIdInput },
  perform: async (context, params) => {
    const { client, root } = mailTarget(context, params);
    const { items } = await client.collect<Attachment>(
      { path: messagePath(root, params.messageId, "/attachments"), query: { $select: LIST_SELECT } },
      { limit: 1000 },
    );
    return { data: { value: items } };
  },
  examplePayload: { data: { value: attachmentsExample.value } },
});
