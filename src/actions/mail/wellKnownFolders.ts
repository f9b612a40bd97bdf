/** The well-known folder names of Microsoft's mailFolder resource: they work in any mailbox, whatever its language. */
export const WELL_KNOWN_FOLDERS = [
  "archive",
  "clutter",
  "conflicts",
  "conversationhistory",
  "deleteditems",
  "drafts",
  "inbox",
  "junkemail",
  "localfailures",
  "msgfolderroot",
  "outbox",
  "recoverableitemsdeletions",
  "scheduled",
  "searchfolders",
  "sentitems",
  "serverfailures",
  "syncissues",
] as const;

export type WellKnownFolder = (typeof WELL_KNOWN_FOLDERS)[number];

export function wellKnownFolder(text: string): WellKnownFolder | undefined {
  const lower = text.toLowerCase();
  return WELL_KNOWN_FOLDERS.find((name) => name === lower);
}
