import { InputError } from "../../graph";

/**
 * Longest subscription lifetime per resource, in minutes, from Microsoft's subscription lifetime table (subscription
 * resource type, "Subscription lifetime"): Outlook messages, events and personal contacts 10080 (under 7 days);
 * users, groups and other directory objects 41760 (under 29 days); OneDrive and SharePoint drive items and lists
 * 42300; Teams channels, chats and their messages 4320; security alerts 43200; presence 60. Resources not listed get
 * 4230 minutes, the common limit (group conversations, call records, print, To Do).
 */
const MAX_LIFETIME_MINUTES: [RegExp, number][] = [
  [/^security\/alerts/i, 43200],
  [/^(me|users\/[^/]+)\/(mailFolders[/(][^/]+\/)?(messages|events|contacts)([?]|$)/i, 10080],
  [/^(me|users\/[^/]+)\/(mailFolders|calendars?|contactFolders)([/(]|$)/i, 10080],
  [/^(users|groups|devices|servicePrincipals|applications|directory\/)([/?(]|$)(?![^/]+\/)/i, 41760],
  [/^groups\/[^/]+\/(members|owners)([/?]|$)/i, 41760],
  [/^(me\/drive|drives\/|sites\/|(users|groups)\/[^/]+\/drive)/i, 42300],
  [/^communications\/presences/i, 60],
  [/^teams\/[^/]+\/schedule\//i, 360],
  [/^(teams|chats|appCatalogs\/teamsApps|communications\/onlineMeetings|users\/[^/]+\/(chats|onlineMeetings)\/getAll)/i, 4320],
];

export const DEFAULT_LIFETIME_MINUTES = 4230;
export const LONGEST_LIFETIME_MINUTES = 43200;

/** Asked for a little short of the maximum so that clock differences with Graph cannot push it over. */
const SAFETY_MARGIN_MINUTES = 5;

export function maxLifetimeMinutes(resource: string): number {
  const normalized = resource.replace(/^\/+/, "");
  return MAX_LIFETIME_MINUTES.find(([pattern]) => pattern.test(normalized))?.[1] ?? DEFAULT_LIFETIME_MINUTES;
}

/** The expirationDateTime to ask for: `minutes` from now, or the resource's longest lifetime. */
export function expirationFor(resource: string, minutes?: number, now = Date.now()): string {
  const lifetime = minutes ?? maxLifetimeMinutes(resource) - SAFETY_MARGIN_MINUTES;
  return new Date(now + lifetime * 60_000).toISOString();
}

/** Graph's own limit when it refuses an expiration ("Subscription expiration can only be 4230 minutes in the future."). */
export function lifetimeLimitIn(message: string): number | undefined {
  const minutes = Number(/can only be (\d+) minutes/i.exec(message)?.[1]);
  return Number.isInteger(minutes) && minutes > SAFETY_MARGIN_MINUTES ? minutes - SAFETY_MARGIN_MINUTES : undefined;
}

/** Users and groups: Graph notifies only updated and deleted (a new user or group comes as updated). */
export function isDirectoryResource(resource: string): boolean {
  return /^(users|groups)(\/[^/]+)?$/i.test(resource.replace(/^\/+/, ""));
}

/** Drive roots and SharePoint lists: "Drive root item and list change notifications support only the updated changeType". */
function isDriveRootOrList(resource: string): boolean {
  const path = resource.replace(/^\/+/, "").split("?")[0] ?? "";
  return /\/root$/i.test(path) || /^sites\/[^/]+\/lists\/[^/]+$/i.test(path);
}

/** The change types Graph accepts for a resource; undefined when it takes all of created, updated and deleted. */
export function supportedChangeTypes(resource: string): readonly string[] | undefined {
  if (isDriveRootOrList(resource)) return ["updated"];
  if (isDirectoryResource(resource)) return ["updated", "deleted"];
  return undefined;
}

/** Refuses change types Graph does not send for the resource, before any request. */
export function checkChangeTypes(resource: string, changeTypes: string): void {
  const allowed = supportedChangeTypes(resource);
  const wrong = changeTypes.split(",").filter((type) => allowed && !allowed.includes(type));
  if (allowed && wrong.length > 0)
    throw new InputError("Change Types", `${resource} supports only ${allowed.join(" and ")} (not ${wrong.join(", ")})`);
}
