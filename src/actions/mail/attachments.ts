import { input, util } from "@prismatic-io/spectral";
import { InputError } from "../../graph";
import { parseJson, stringList } from "../../inputs/clean";

/** A file to attach, whatever form it came in. */
export interface OutgoingFile {
  name: string;
  contentType: string;
  content: Buffer;
  isInline?: boolean;
  contentId?: string;
}

/** Graph's largest mail attachment (through an upload session). */
export const MAX_ATTACHMENT_BYTES = 150 * 1024 * 1024;
/** Attachments that together stay under this go inline in one request; larger ones need upload sessions. */
export const INLINE_LIMIT_BYTES = 3 * 1024 * 1024;

const LABEL = "Attachments";

function decodeBase64(text: string, where: string): Buffer {
  const compact = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new InputError(LABEL, `${where}: contentBytes is not base64`);
  }
  return Buffer.from(compact, "base64");
}

function fromEntry(entry: unknown, index: number, names: string[]): OutgoingFile {
  const where = `entry ${index + 1}`;
  if (Buffer.isBuffer(entry) || util.types.isBufferDataPayload(entry)) {
    const payload = util.types.toBufferDataPayload(entry);
    const named = (entry as { name?: unknown; fileName?: unknown }).name ?? (entry as { fileName?: unknown }).fileName;
    const name = names[index] ?? (typeof named === "string" ? named : undefined);
    if (!name) throw new InputError(LABEL, `${where} is file data without a name: give it in Attachment Names`);
    return { name, contentType: payload.contentType || "application/octet-stream", content: payload.data };
  }
  if (entry && typeof entry === "object" && "contentBytes" in entry) {
    const { name, contentType, contentBytes, isInline, contentId } = entry as Record<string, unknown>;
    if (typeof name !== "string" || !name.trim()) throw new InputError(LABEL, `${where} has no name`);
    if (typeof contentBytes !== "string") throw new InputError(LABEL, `${where}: contentBytes must be a base64 string`);
    return {
      name: names[index] ?? name,
      contentType: typeof contentType === "string" && contentType ? contentType : "application/octet-stream",
      content: decodeBase64(contentBytes, where),
      isInline: isInline === true,
      contentId: typeof contentId === "string" ? contentId : undefined,
    };
  }
  throw new InputError(LABEL, `${where} is neither file data nor {name, contentType, contentBytes}`);
}

/** File data (one or a list) and/or a JSON list of {name, contentType, contentBytes}, checked against Graph's limits. */
export function parseAttachments(value: unknown, nameValue: unknown = undefined): OutgoingFile[] {
  const parsed = typeof value === "string" ? parseJson(value, LABEL) : value;
  if (parsed === undefined || parsed === null || parsed === "") return [];
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  const names = stringList(nameValue);
  const files = entries.map((entry, i) => fromEntry(entry, i, names));
  for (const file of files) {
    if (file.content.length === 0) throw new InputError(LABEL, `"${file.name}" is empty`);
    if (file.content.length > MAX_ATTACHMENT_BYTES) {
      throw new InputError(LABEL, `"${file.name}" has ${file.content.length} bytes; Graph takes at most 150 MB per attachment`);
    }
  }
  return files;
}

export const attachmentsInput = input({
  label: "Attachments",
  type: "data",
  required: false,
  comments:
    'Files to attach: file data from an earlier step (one, or a list), and/or a JSON list of {"name", "contentType", "contentBytes" (base64)}. Up to 150 MB each. Together under 3 MB they go inline in one request; larger ones go through a draft and an upload session per file, in chunks of at most 4 MB.',
  example: '[{"name": "report.pdf", "contentType": "application/pdf", "contentBytes": "JVBERi0xLjQK"}]',
});

export const attachmentNamesInput = input({
  label: "Attachment Names",
  type: "string",
  collection: "valuelist",
  required: false,
  example: "report.pdf",
  comments:
    "File names for the Attachments, in the same order (file data from an earlier step often carries none). Overrides a name in the JSON list.",
  clean: stringList,
});

/** The Graph fileAttachment body for an inline attachment. */
export function fileAttachmentBody(file: OutgoingFile): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.fileAttachment",
    name: file.name,
    contentType: file.contentType,
    contentBytes: file.content.toString("base64"),
    ...(file.isInline ? { isInline: true, contentId: file.contentId } : {}),
  };
}
