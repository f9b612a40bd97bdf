import type { AttachmentRecord, MessageRecord, Recipient } from "./store";

function addresses(list: Recipient[]): string {
  return list
    .map((r) => (r.emailAddress.name ? `"${r.emailAddress.name}" <${r.emailAddress.address}>` : r.emailAddress.address))
    .join(", ");
}

function wrap(base64: string): string {
  return base64.replace(/.{1,76}/g, (line) => `${line}\r\n`);
}

/** The message as MIME (RFC 5322), as GET /messages/{id}/$value returns it. */
export function toMime(message: MessageRecord, attachments: AttachmentRecord[]): string {
  const boundary = `_boundary_${message.changeKey.replace(/[^A-Za-z0-9]/g, "")}_`;
  const headers = [
    message.from ? `From: ${addresses([message.from])}` : undefined,
    message.toRecipients.length ? `To: ${addresses(message.toRecipients)}` : undefined,
    message.ccRecipients.length ? `Cc: ${addresses(message.ccRecipients)}` : undefined,
    `Subject: ${message.subject}`,
    `Date: ${new Date(message.sentDateTime ?? message.createdDateTime).toUTCString()}`,
    `Message-ID: ${message.internetMessageId}`,
    "MIME-Version: 1.0",
  ].filter((h): h is string => h !== undefined);
  const bodyType = message.body.contentType === "html" ? "text/html" : "text/plain";
  const files = attachments.filter((a) => a.content);
  if (files.length === 0) {
    return [...headers, `Content-Type: ${bodyType}; charset="utf-8"`, "", message.body.content, ""].join("\r\n");
  }
  const parts = [`--${boundary}`, `Content-Type: ${bodyType}; charset="utf-8"`, "", message.body.content];
  for (const file of files) {
    parts.push(
      `--${boundary}`,
      `Content-Type: ${file.contentType}; name="${file.name}"`,
      `Content-Disposition: attachment; filename="${file.name}"`,
      "Content-Transfer-Encoding: base64",
      "",
      wrap((file.content as Buffer).toString("base64")),
    );
  }
  parts.push(`--${boundary}--`, "");
  return [...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`, "", ...parts].join("\r\n");
}
