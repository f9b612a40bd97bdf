import { input } from "@prismatic-io/spectral";
import type { Connection } from "@prismatic-io/spectral";
import { InputError, encodeSegment, userPath } from "../../graph";
import { optionalString, userReference } from "../../inputs/clean";
import { WELL_KNOWN_FOLDERS, wellKnownFolder } from "./wellKnownFolders";

/** Connections that sign in as the application alone: no signed-in user, so no /me. */
const APP_ONLY_CONNECTIONS = new Set(["oauthClientCredentials", "certificateCredentials"]);

export function isAppOnly(connection: Connection): boolean {
  return APP_ONLY_CONNECTIONS.has(connection.key);
}

const checkMailbox = userReference("Mailbox");

export const mailboxInput = input({
  label: "Mailbox",
  type: "string",
  required: false,
  placeholder: "user id or userPrincipalName",
  example: "AdeleV@contoso.com",
  dataSource: "selectUser",
  comments:
    "The user ID or userPrincipalName of the mailbox (a shared mailbox too, like support@contoso.com). Required with an app-only connection (Client Credentials, Certificate); empty means the signed-in user (/me) with a delegated connection. App-only access to a mailbox can be narrowed by Exchange RBAC for Applications or an application access policy.",
  clean: (value: unknown): string | undefined => (optionalString(value) === undefined ? undefined : checkMailbox(value)),
});

/** `/me` or `/users/{mailbox}`: refused before any request when an app-only connection names no mailbox. */
export function mailboxRoot(connection: Connection, mailbox: string | undefined): string {
  if (mailbox) return userPath(mailbox);
  if (isAppOnly(connection)) {
    throw new InputError(
      "Mailbox",
      "is required with an app-only connection: there is no signed-in user, so give the user ID or userPrincipalName of the mailbox",
    );
  }
  return "/me";
}

/** Graph's folder ids are long base64 strings; anything short that is not a well-known name is a typo or a display name. */
const FOLDER_ID = /^[A-Za-z0-9+/=_-]{20,}$/;

export function cleanFolder(label: string) {
  return (value: unknown): string | undefined => {
    const text = optionalString(value);
    if (text === undefined) return undefined;
    const known = wellKnownFolder(text);
    if (known) return known;
    if (FOLDER_ID.test(text)) return text;
    throw new InputError(
      label,
      `"${text}" is neither a folder ID nor a well-known folder name (${WELL_KNOWN_FOLDERS.join(", ")}); pick the folder from the list to get its ID`,
    );
  };
}

const FOLDER_COMMENTS = `A folder ID, or a well-known name that works in any mailbox language: ${WELL_KNOWN_FOLDERS.join(", ")}.`;

const folderPicker = { type: "string", placeholder: "inbox or a folder ID", example: "inbox", dataSource: "selectMailFolder" } as const;

/** An optional folder (id or well-known name) with the selectMailFolder picker. */
export function folderInput(label: string, comments: string) {
  return input({ ...folderPicker, label, required: false, comments: `${comments} ${FOLDER_COMMENTS}`, clean: cleanFolder(label) });
}

/** A folder that must be given. */
export function requiredFolderInput(label: string, comments: string) {
  const clean = cleanFolder(label);
  return input({
    ...folderPicker,
    label,
    required: true,
    comments: `${comments} ${FOLDER_COMMENTS}`,
    clean: (value: unknown): string => {
      const folder = clean(value);
      if (folder === undefined) throw new InputError(label, "is required: a folder ID or a well-known name such as inbox");
      return folder;
    },
  });
}

export function folderPath(root: string, folder: string, suffix = ""): string {
  return `${root}/mailFolders/${encodeSegment(folder, "Folder")}${suffix}`;
}
