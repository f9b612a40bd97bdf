import type { Attachment, MailFolder, Message } from "@microsoft/microsoft-graph-types";
import type { SendResult } from "./compose";

const USER = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
const CONTEXT = `https://graph.microsoft.com/v1.0/$metadata#users('${USER}')`;

export const mailFolderExample: MailFolder & { sizeInBytes: number } = {
  id: "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAA=",
  displayName: "Inbox",
  parentFolderId:
    "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEIAAA=",
  childFolderCount: 1,
  unreadItemCount: 4,
  totalItemCount: 12,
  sizeInBytes: 153088,
  isHidden: false,
};

export const mailFoldersExample = {
  "@odata.context": `${CONTEXT}/mailFolders`,
  value: [mailFolderExample],
  "@odata.nextLink": `https://graph.microsoft.com/v1.0/users/${USER}/mailFolders?$top=10&$skip=10`,
};

export const messageExample: Message = {
  id: "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbvZDAAA=",
  createdDateTime: "2026-03-02T08:21:12Z",
  lastModifiedDateTime: "2026-03-02T08:21:14Z",
  changeKey: "CQAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAAYbp+b",
  categories: [],
  receivedDateTime: "2026-03-02T08:21:12Z",
  sentDateTime: "2026-03-02T08:21:09Z",
  hasAttachments: true,
  internetMessageId: "<MWHPR1301MB2109B3E5A1C6B9D2@MWHPR1301MB2109.namprd13.prod.outlook.com>",
  subject: "Invoice 4471 from Fabrikam",
  bodyPreview: "Please find the invoice attached.",
  importance: "normal",
  parentFolderId: mailFolderExample.id,
  conversationId: "AAQkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAQAL8n9uSMRIlHmfVl5Ms6NFw=",
  isDeliveryReceiptRequested: false,
  isReadReceiptRequested: false,
  isRead: false,
  isDraft: false,
  webLink: "https://outlook.office365.com/owa/?ItemID=AAMkAGVmMDEzMTM4&exvsurl=1&viewmodel=ReadMessageItem",
  inferenceClassification: "focused",
  body: { contentType: "html", content: "<html><body><p>Please find the invoice attached.</p></body></html>" },
  sender: { emailAddress: { name: "Fabrikam Billing", address: "billing@fabrikam.com" } },
  from: { emailAddress: { name: "Fabrikam Billing", address: "billing@fabrikam.com" } },
  toRecipients: [{ emailAddress: { name: "Adele Vance", address: "AdeleV@contoso.com" } }],
  ccRecipients: [],
  bccRecipients: [],
  replyTo: [],
  flag: { flagStatus: "notFlagged" },
};

export const messagesExample = {
  "@odata.context": `${CONTEXT}/messages`,
  value: [messageExample],
  "@odata.nextLink": `https://graph.microsoft.com/v1.0/users/${USER}/messages?$top=10&$skip=10`,
};

export const draftExample: Message = {
  ...messageExample,
  isDraft: true,
  isRead: true,
  sentDateTime: null,
  sender: null,
  from: null,
  hasAttachments: false,
  subject: "Quarterly report",
  bodyPreview: "The report is attached.",
  parentFolderId:
    "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEPAAA=",
};

export const fileAttachmentExample: Attachment & { "@odata.type": string } = {
  "@odata.type": "#microsoft.graph.fileAttachment",
  id: "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAABEgAQAEAzPjjO9SVNoqBtWZ5pd0k=",
  lastModifiedDateTime: "2026-03-02T08:21:12Z",
  name: "invoice.pdf",
  contentType: "application/pdf",
  size: 28640,
  isInline: false,
};

export const attachmentsExample = { "@odata.context": `${CONTEXT}/messages('AAMkAGVm')/attachments`, value: [fileAttachmentExample] };

export const sendResultExample: SendResult = {
  sent: true,
  mailbox: "support@contoso.com",
  via: "draft",
  draftId: draftExample.id,
  attachments: [
    { name: "scan.tiff", size: 10485760, method: "uploadSession", chunks: 3, resumes: 0, restarts: 0 },
    { name: "notes.txt", size: 2048, method: "attachment" },
  ],
};
