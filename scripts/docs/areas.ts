/** How each action folder is titled and summed up in the docs; a folder not listed gets a title from its name. */
const KNOWN: Record<string, { title: string; summary: string }> = {
  raw: { title: "Raw Request", summary: "Any Graph endpoint, with the token kept on the connection's Graph host" },
  users: { title: "Users", summary: "List, read, create, update, enable, disable and delete users; managers, memberships" },
  groups: { title: "Groups", summary: "Groups and their members" },
  licenses: { title: "Licenses", summary: "Subscribed SKUs and license assignment" },
  presence: { title: "Presence", summary: "Teams presence of one or many users" },
  organization: { title: "Organization", summary: "The tenant's organization profile" },
  auditLogs: { title: "Audit logs", summary: "Directory audits, sign-ins, provisioning events" },
  security: { title: "Security", summary: "Alerts, incidents, secure scores" },
  reports: { title: "Reports", summary: "Microsoft 365 usage reports and registration details" },
  subscriptions: { title: "Subscriptions", summary: "Change-notification subscriptions" },
  mail: { title: "Mail", summary: "Messages, folders and sending mail" },
  sites: { title: "Sites and lists", summary: "SharePoint sites, lists and list items" },
  files: { title: "Files", summary: "OneDrive and SharePoint drives, folders and files" },
  batch: { title: "Batching", summary: "JSON batching and bulk actions" },
  delta: { title: "Delta queries", summary: "Users and groups changed since a delta link" },
  connection: { title: "Connection check", summary: "What a connection's token can reach, and what it lacks" },
};

const ORDER = Object.keys(KNOWN);

export function areaTitle(folder: string): string {
  if (KNOWN[folder]) return KNOWN[folder].title;
  const words = folder.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function areaSummary(folder: string): string {
  return KNOWN[folder]?.summary ?? "";
}

/** Known areas in reading order, then any others alphabetically. */
export function compareAreas(a: string, b: string): number {
  const [ia, ib] = [ORDER.indexOf(a), ORDER.indexOf(b)].map((i) => (i < 0 ? ORDER.length : i));
  return ia - ib || a.localeCompare(b);
}
