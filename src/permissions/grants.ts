import type { PermissionGrant, PermissionKind } from "./types";

/**
 * Higher-privileged permissions that Microsoft's docs accept in place of a least-privileged one (the "Higher
 * privileged permissions" column of each Permissions table), for the families this component declares.
 * Besides these, `X.ReadWrite.Y` always stands in for `X.Read.Y`.
 */
const ALSO_ACCEPTED: Record<string, string[]> = {
  "User.Read": ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  "User.ReadBasic.All": ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  "User.Read.All": ["User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  "User.ReadWrite.All": ["Directory.ReadWrite.All"],
  "User.EnableDisableAccount.All": ["User.ReadWrite.All", "Directory.ReadWrite.All"],
  "GroupMember.Read.All": ["Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  "GroupMember.ReadWrite.All": ["Group.ReadWrite.All", "Directory.ReadWrite.All"],
  "Group.Read.All": ["Directory.Read.All", "Directory.ReadWrite.All"],
  "Group.Create": ["Group.ReadWrite.All", "Directory.ReadWrite.All"],
  "Group.ReadWrite.All": ["Directory.ReadWrite.All"],
  "Organization.Read.All": ["Directory.Read.All", "Directory.ReadWrite.All"],
  "LicenseAssignment.Read.All": ["Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  "LicenseAssignment.ReadWrite.All": ["Directory.ReadWrite.All"],
};

/** Where Microsoft accepts a higher permission for delegated calls only (its application column says "Not available"). */
const ALSO_ACCEPTED_DELEGATED: Record<string, string[]> = {
  "User.RevokeSessions.All": ["User.ReadWrite.All", "Directory.ReadWrite.All"],
};

/** Whether a token of `kind` holding `held` may do what `permission` allows. */
export function holdsPermission(held: ReadonlySet<string>, permission: string, kind: PermissionKind): boolean {
  if (held.has(permission)) return true;
  const readWrite = permission.replace(/\.Read\./, ".ReadWrite.").replace(/\.Read$/, ".ReadWrite");
  if (readWrite !== permission && held.has(readWrite)) return true;
  const higher = ALSO_ACCEPTED[permission] ?? [];
  const delegatedOnly = kind === "delegated" ? (ALSO_ACCEPTED_DELEGATED[permission] ?? []) : [];
  return [...higher, ...delegatedOnly].some((p) => held.has(p));
}

/** Whether `held` satisfies one grant: its single permission, or every permission of a combination. */
export function holdsGrant(held: ReadonlySet<string>, grant: PermissionGrant, kind: PermissionKind): boolean {
  return typeof grant === "string" ? holdsPermission(held, grant, kind) : grant.every((p) => holdsPermission(held, p, kind));
}

/** "AuditLog.Read.All and Directory.Read.All" for a combination. */
export function formatGrant(grant: PermissionGrant): string {
  return typeof grant === "string" ? grant : grant.join(" and ");
}

/** "User.Read.All", or "A or B and C" when any one of several grants is enough. */
export function formatGrants(grants: readonly PermissionGrant[]): string {
  return grants.map(formatGrant).join(" or ");
}
