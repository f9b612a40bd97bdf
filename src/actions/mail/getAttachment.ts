import { action, input } from "@prismatic-io/spectral";
import { encodeSegment } from "../../graph";
import { requiredText } from "../../inputs/clean";
import { fileAttachmentExample } from "./examples";
import { messageIdInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

interface GraphAttachment {
  "@odata.type"?: string;
  id?: string;
  name?: string;
  contentType?: string;
  size?: number;
  isInline?: boolean;
  lastModifiedDateTime?: string;
  contentBytes?: string;
  [property: string]: unknown;
}

const FILE = "#microsoft.graph.fileAttachment";

export const getAttachment = action({
  display: {
    label: "Get Attachment",
    description:
      "Get one attachment: a file comes back as file data (with its name and content type) for the next step; an item or reference attachment is described (GET /users/{mailbox}/messages/{id}/attachments/{id}).",
  },
  inputs: {
    ...mailBaseInputs,
    messageId: messageIdInput,
    attachmentId: input({
      label: "Attachment",
      type: "string",
      required: true,
      placeholder: "attachment ID",
      example: "AAMkAGI2TG93AAA1wkq9Yq0YyEa0-NlBqSKnBhAAAIOcsTAAABEgAQAEAzPjjO9SVNoqBtWZ5pd0k=",
      comments: "The attachment's ID, as List Attachments returns it (id).",
      clean: requiredText("Attachment", "the attachment's id"),
    }),
  },
  perform: async (context, params) => {
    const { client, root } = mailTarget(context, params);
    const path = messagePath(root, params.messageId, `/attachments/${encodeSegment(params.attachmentId, "Attachment")}`);
    // Metadata without contentBytes; a file's bytes then come raw from $value (no base64 inflation in memory).
    const { contentBytes: _skipped, ...described } = await client.get<GraphAttachment>(path, {
      $select: "id,name,contentType,size,isInline,lastModifiedDateTime",
    });
    if (described["@odata.type"] !== FILE) return { data: described };
    const content = await client.get<Buffer>(`${path}/$value`, undefined, { responseType: "arraybuffer", headers: { Accept: "*/*" } });
    const contentType = described.contentType ?? "application/octet-stream";
    return { data: { ...described, file: { data: content, contentType } } };
  },
  examplePayload: {
    data: {
      ...(fileAttachmentExample as GraphAttachment),
      file: { data: Buffer.from("%PDF-1.4 invoice"), contentType: "application/pdf" },
    },
  },
});
