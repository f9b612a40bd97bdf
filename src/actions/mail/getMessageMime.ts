import { action } from "@prismatic-io/spectral";
import { messageIdInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

export const getMessageMime = action({
  display: {
    label: "Get Message MIME",
    description:
      "Get a message as MIME (RFC 822), as a file (.eml) for archiving or forwarding elsewhere (GET /users/{mailbox}/messages/{id}/$value).",
  },
  inputs: { ...mailBaseInputs, messageId: messageIdInput },
  perform: async (context, params) => {
    const { client, root } = mailTarget(context, params);
    const mime = await client.get<Buffer>(messagePath(root, params.messageId, "/$value"), undefined, {
      responseType: "arraybuffer",
      headers: { Accept: "*/*" },
    });
    return { data: mime, contentType: "message/rfc822" };
  },
  examplePayload: {
    data: Buffer.from(
      'From: "Fabrikam Billing" <billing@fabrikam.com>\r\nTo: AdeleV@contoso.com\r\nSubject: Invoice 4471\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="utf-8"\r\n\r\nPlease find the invoice attached.\r\n',
    ),
    contentType: "message/rfc822",
  },
});
