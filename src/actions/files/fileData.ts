import { InputError } from "../../graph";

export interface FileContent {
  data: Buffer;
  contentType?: string;
}

/** A spectral file input: a Buffer, `{ data: Buffer, contentType }` from an earlier step, or text. */
export function fileContent(value: unknown, label: string): FileContent {
  if (Buffer.isBuffer(value)) return { data: value };
  if (value && typeof value === "object" && "data" in value) {
    const { data, contentType } = value as { data: unknown; contentType?: unknown };
    if (Buffer.isBuffer(data)) return { data, contentType: typeof contentType === "string" ? contentType : undefined };
    if (data instanceof Uint8Array) return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
    if (typeof data === "string") return { data: Buffer.from(data, "utf8") };
  }
  if (typeof value === "string" && value.length > 0) return { data: Buffer.from(value, "utf8") };
  throw new InputError(label, "is required: file data from an earlier step (or text)");
}

/** `Content-Disposition` for a download, with the name in RFC 5987 form so any character survives. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
