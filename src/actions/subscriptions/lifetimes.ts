/**
 * Longest subscription lifetime per resource, in minutes, from Microsoft's subscription lifetime table
 * ("Set up notifications for changes in resource data"). Resources not listed get 4230 minutes, the common limit
 * (Outlook messages, events and contacts, group conversations, call records, print, To Do).
 */
const MAX_LIFETIME_MINUTES: [RegExp, number][] = [
  [/^security\/alerts/i, 43200],
  [/^(users|groups|devices|servicePrincipals|applications|directory\/)([/?(]|$)(?![^/]+\/)/i, 41760],
  [/^groups\/[^/]+\/(members|owners)([/?]|$)/i, 41760],
  [/^(me\/drive|drives\/|sites\/|users\/[^/]+\/drive)/i, 42300],
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
