import type { ActionPermissions, PermissionsMap } from "../../permissions/types";

const SHARED =
  "For another user's or a shared mailbox: app-only, the application permission reaches every mailbox unless Exchange RBAC for Applications or an application access policy narrows it; delegated, the signed-in user needs access to that mailbox and the .Shared permission (Mail.Read.Shared, Mail.ReadWrite.Shared, Mail.Send.Shared).";

function mail(endpoints: string[], application: string, delegated: string, extra?: string): ActionPermissions {
  return { endpoints, application: [application], delegated: [delegated], notes: extra ? `${extra} ${SHARED}` : SHARED };
}

const BASIC_NOTE = "Mail.ReadBasic(.All) leaves out body, bodyPreview, uniqueBody and attachments; Mail.Read returns them.";
const LARGE_NOTE =
  "Attachments of 3 MB or more go through a draft (POST /messages, POST /messages/{id}/attachments/createUploadSession, POST /messages/{id}/send), which also needs Mail.ReadWrite.";

/** Least-privileged Graph permissions of every mail action, per Microsoft's permission tables. */
export const mailPermissions: PermissionsMap = {
  listMailFolders: mail(
    ["GET /users/{id | userPrincipalName}/mailFolders", "GET /users/{id | userPrincipalName}/mailFolders/{id}/childFolders"],
    "Mail.ReadBasic.All",
    "Mail.ReadBasic",
  ),
  listMessages: mail(
    ["GET /users/{id | userPrincipalName}/messages", "GET /users/{id | userPrincipalName}/mailFolders/{id}/messages"],
    "Mail.ReadBasic.All",
    "Mail.ReadBasic",
    BASIC_NOTE,
  ),
  getMessage: mail(["GET /users/{id | userPrincipalName}/messages/{id}"], "Mail.ReadBasic.All", "Mail.ReadBasic", BASIC_NOTE),
  getMessageMime: mail(["GET /users/{id | userPrincipalName}/messages/{id}/$value"], "Mail.Read", "Mail.Read"),
  sendMail: mail(
    [
      "POST /users/{id | userPrincipalName}/sendMail",
      "POST /users/{id | userPrincipalName}/messages",
      "POST /users/{id | userPrincipalName}/messages/{id}/attachments/createUploadSession",
      "POST /users/{id | userPrincipalName}/messages/{id}/send",
    ],
    "Mail.Send",
    "Mail.Send",
    LARGE_NOTE,
  ),
  createDraft: mail(
    [
      "POST /users/{id | userPrincipalName}/messages",
      "POST /users/{id | userPrincipalName}/messages/{id}/attachments",
      "POST /users/{id | userPrincipalName}/messages/{id}/attachments/createUploadSession",
    ],
    "Mail.ReadWrite",
    "Mail.ReadWrite",
  ),
  sendDraft: mail(["POST /users/{id | userPrincipalName}/messages/{id}/send"], "Mail.Send", "Mail.Send"),
  replyToMessage: mail(
    ["POST /users/{id | userPrincipalName}/messages/{id}/reply", "POST /users/{id | userPrincipalName}/messages/{id}/replyAll"],
    "Mail.Send",
    "Mail.Send",
  ),
  forwardMessage: mail(["POST /users/{id | userPrincipalName}/messages/{id}/forward"], "Mail.Send", "Mail.Send"),
  moveMessage: mail(["POST /users/{id | userPrincipalName}/messages/{id}/move"], "Mail.ReadWrite", "Mail.ReadWrite"),
  copyMessage: mail(["POST /users/{id | userPrincipalName}/messages/{id}/copy"], "Mail.ReadWrite", "Mail.ReadWrite"),
  updateMessage: mail(["PATCH /users/{id | userPrincipalName}/messages/{id}"], "Mail.ReadWrite", "Mail.ReadWrite"),
  deleteMessage: mail(["DELETE /users/{id | userPrincipalName}/messages/{id}"], "Mail.ReadWrite", "Mail.ReadWrite"),
  listAttachments: mail(["GET /users/{id | userPrincipalName}/messages/{id}/attachments"], "Mail.Read", "Mail.Read"),
  getAttachment: mail(["GET /users/{id | userPrincipalName}/messages/{id}/attachments/{id}"], "Mail.Read", "Mail.Read"),
};

/** The mail data source. */
export const mailDataSourcePermissions: PermissionsMap = {
  selectMailFolder: mail(
    ["GET /users/{id | userPrincipalName}/mailFolders", "GET /users/{id | userPrincipalName}/mailFolders/{id}/childFolders"],
    "Mail.ReadBasic.All",
    "Mail.ReadBasic",
  ),
};

/** The mail trigger. */
export const mailTriggerPermissions: PermissionsMap = {
  newMessages: mail(
    ["GET /users/{id | userPrincipalName}/mailFolders/{id}/messages/delta"],
    "Mail.ReadBasic.All",
    "Mail.ReadBasic",
    BASIC_NOTE,
  ),
};
