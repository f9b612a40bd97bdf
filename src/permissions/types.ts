/**
 * One way to be allowed: a single permission, or several that must be held together (Microsoft's docs write
 * "AuditLog.Read.All and Directory.Read.All"; an action that makes two calls can need one permission per call).
 */
export type PermissionGrant = string | readonly string[];

/**
 * What an action needs from Microsoft Graph, kept as data beside each area's actions
 * (`src/actions/<area>/permissions.ts`), so the docs, the 403 hint and Check Connection read one source.
 */
export interface ActionPermissions {
  /** The Graph calls the action makes, as Microsoft's docs write them: "GET /users/{id | userPrincipalName}". */
  endpoints: string[];
  /** Least-privileged application permissions (app roles), any one of which is enough; empty when Graph has none. */
  application: PermissionGrant[];
  /** Least-privileged delegated permissions (scopes), any one of which is enough; empty when Graph has none. */
  delegated: PermissionGrant[];
  /** Anything else the call needs: an Entra ID licence, a role, an Exchange RBAC scope. */
  notes?: string;
}

/** Application permissions (app roles) for app-only connections; delegated permissions (scopes) for a signed-in user. */
export type PermissionKind = "application" | "delegated";

/** One area's permissions, keyed by action (or trigger, or data source) key. */
export type PermissionsMap = Record<string, ActionPermissions>;

/** An area's permissions with exactly the keys of its actions map: a missing or misspelt key fails to compile. */
export type PermissionsOf<TActions> = Record<keyof TActions, ActionPermissions>;
