export interface WellKnownFolder {
  name: string;
  displayName: string;
  /** Well-known name of the parent; absent: the top of the information store. */
  parent?: string;
  /** Lives beside, not below, the top of the information store (so it is not among the listed folders). */
  outsideRoot?: true;
}

/** The well-known folder names of Microsoft's mailFolder resource (v1.0), with where Outlook puts them. */
export const WELL_KNOWN_FOLDERS: readonly WellKnownFolder[] = [
  { name: "msgfolderroot", displayName: "Top of Information Store" },
  { name: "inbox", displayName: "Inbox" },
  { name: "drafts", displayName: "Drafts" },
  { name: "sentitems", displayName: "Sent Items" },
  { name: "deleteditems", displayName: "Deleted Items" },
  { name: "junkemail", displayName: "Junk Email" },
  { name: "archive", displayName: "Archive" },
  { name: "outbox", displayName: "Outbox" },
  { name: "clutter", displayName: "Clutter" },
  { name: "conversationhistory", displayName: "Conversation History" },
  { name: "scheduled", displayName: "Scheduled" },
  { name: "searchfolders", displayName: "Search Folders", outsideRoot: true },
  { name: "syncissues", displayName: "Sync Issues" },
  { name: "conflicts", displayName: "Conflicts", parent: "syncissues" },
  { name: "localfailures", displayName: "Local Failures", parent: "syncissues" },
  { name: "serverfailures", displayName: "Server Failures", parent: "syncissues" },
  { name: "recoverableitemsdeletions", displayName: "Deletions", outsideRoot: true },
];
