import type { Message } from "@microsoft/microsoft-graph-types";
import { GraphClient, encodeSegment } from "../../graph";
import { MAIL_MAX_CHUNK, uploadInSession } from "../../graph/uploadSession";
import { INLINE_LIMIT_BYTES, OutgoingFile, fileAttachmentBody } from "./attachments";
import { EmailAddress, recipients } from "./inputs";

export interface ComposeParams {
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  replyTo: EmailAddress[];
  subject?: string;
  body: string;
  bodyFormat: "text" | "html";
  importance?: string;
}

/** Graph's message body from the compose inputs (empty lists and unset fields left out). */
export function messageBody(params: ComposeParams): Record<string, unknown> {
  const out: Record<string, unknown> = { subject: params.subject ?? "", body: { contentType: params.bodyFormat, content: params.body } };
  if (params.to.length) out.toRecipients = recipients(params.to);
  if (params.cc.length) out.ccRecipients = recipients(params.cc);
  if (params.bcc.length) out.bccRecipients = recipients(params.bcc);
  if (params.replyTo.length) out.replyTo = recipients(params.replyTo);
  if (params.importance) out.importance = params.importance;
  return out;
}

export interface AttachmentReport {
  name: string;
  size: number;
  /** inline: in the message request; attachment: POST .../attachments; uploadSession: chunked upload. */
  method: "inline" | "attachment" | "uploadSession";
  chunks?: number;
  resumes?: number;
  restarts?: number;
}

/** What Send Mail returns (Graph's sendMail answers 202 with no body). */
export interface SendResult {
  sent: boolean;
  mailbox: string;
  /** sendMail: one request; draft: create, attach, send. */
  via: "sendMail" | "draft";
  draftId?: string;
  attachments: AttachmentReport[];
}

export interface ComposeResult {
  /** The draft (createDraft), or the draft that was sent (large attachments). */
  draft?: Message;
  attachments: AttachmentReport[];
}

function totalSize(files: OutgoingFile[]): number {
  return files.reduce((sum, f) => sum + f.content.length, 0);
}

export function fitsInline(files: OutgoingFile[]): boolean {
  return totalSize(files) < INLINE_LIMIT_BYTES;
}

/** Adds one file to a draft: inline under 3 MB, else through an upload session in chunks of at most 4 MB. */
async function attach(client: GraphClient, messagePath: string, file: OutgoingFile): Promise<AttachmentReport> {
  if (file.content.length < INLINE_LIMIT_BYTES) {
    await client.post(`${messagePath}/attachments`, fileAttachmentBody(file));
    return { name: file.name, size: file.content.length, method: "attachment" };
  }
  const result = await uploadInSession(client, {
    content: file.content,
    chunkSize: MAIL_MAX_CHUNK,
    maxChunkSize: MAIL_MAX_CHUNK,
    createSession: () =>
      client.post(`${messagePath}/attachments/createUploadSession`, {
        AttachmentItem: {
          attachmentType: "file",
          name: file.name,
          size: file.content.length,
          contentType: file.contentType,
          ...(file.isInline ? { isInline: true, contentId: file.contentId } : {}),
        },
      }),
  });
  return {
    name: file.name,
    size: file.content.length,
    method: "uploadSession",
    chunks: result.chunks,
    resumes: result.resumes,
    restarts: result.restarts,
  };
}

export interface DraftOptions {
  /** Where the draft is created: `{root}/messages` (Drafts) or a folder's messages. */
  createPath: string;
  root: string;
  message: Record<string, unknown>;
  files: OutgoingFile[];
  /** Send the draft once every attachment is in. */
  send: boolean;
  keepDraftOnFailure: boolean;
}

/**
 * Builds a draft with attachments of any size (inline when they fit in one request, else one by one) and, if asked,
 * sends it. A failure part way deletes the draft unless asked to keep it, so no half-built message is left behind.
 */
export async function buildDraft(client: GraphClient, options: DraftOptions): Promise<ComposeResult> {
  const inline = fitsInline(options.files);
  const body =
    inline && options.files.length ? { ...options.message, attachments: options.files.map(fileAttachmentBody) } : options.message;
  const draft = await client.post<Message>(options.createPath, body);
  const messagePath = `${options.root}/messages/${encodeSegment(draft.id as string, "Draft")}`;
  try {
    const reports: AttachmentReport[] = [];
    if (inline) reports.push(...options.files.map((f) => ({ name: f.name, size: f.content.length, method: "inline" as const })));
    else for (const file of options.files) reports.push(await attach(client, messagePath, file));
    if (options.send) await client.post(`${messagePath}/send`);
    return { draft, attachments: reports };
  } catch (error) {
    if (!options.keepDraftOnFailure) await client.delete(messagePath).catch(() => undefined);
    throw error;
  }
}
