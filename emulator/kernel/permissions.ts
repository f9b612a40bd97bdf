import type { PermissionKind, TokenInfo } from "../identity/tokens";

/** One way to be allowed: a permission, or several held together ("AuditLog.Read.All and Directory.Read.All"). */
export type Grant = string | string[];

/**
 * The permissions Microsoft's docs accept for a route (least and higher privileged alike): a token of each kind
 * needs any one grant of its list. An empty list refuses that kind; a missing one leaves it to the handler.
 */
export interface RoutePermissions {
  application?: Grant[];
  delegated?: Grant[];
}

/** The same accepted permissions for app-only and delegated tokens, as most of Microsoft's tables have. */
export function either(...grants: Grant[]): RoutePermissions {
  return { application: grants, delegated: grants };
}

function held(auth: TokenInfo): Set<string> {
  return new Set(auth.kind === "app" ? (auth.roles ?? []) : (auth.scp ?? []));
}

export function permitted(auth: TokenInfo, needed: RoutePermissions): boolean {
  const has = held(auth);
  const grants = auth.kind === "app" ? needed.application : needed.delegated;
  if (!grants) return true;
  return grants.some((grant) => (typeof grant === "string" ? has.has(grant) : grant.every((p) => has.has(p))));
}

/**
 * Whether the token passed the route's check only through one of `narrow` (Sites.Selected, or delegated Files.Read
 * that reaches the user's own drive): it holds one of them and none of the route's other grants. The handler then
 * applies the narrow permission's own limits.
 */
export function reliesOnlyOn(auth: TokenInfo | undefined, needed: RoutePermissions | undefined, narrow: string[]): boolean {
  if (!auth) return false;
  const has = held(auth);
  if (!narrow.some((p) => has.has(p))) return false;
  const grants = (auth.kind === "app" ? needed?.application : needed?.delegated) ?? [];
  const wide = grants.filter((g) => typeof g !== "string" || !narrow.includes(g));
  return !wide.some((grant) => (typeof grant === "string" ? has.has(grant) : grant.every((p) => has.has(p))));
}

/** Every permission named by these routes for one kind: what a token holds by default. */
export function everyPermission(declared: RoutePermissions[], kind: PermissionKind): string[] {
  return [...new Set(declared.flatMap((d) => d[kind] ?? []).flat())].sort();
}
