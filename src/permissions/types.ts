/**
 * What an action needs from Microsoft Graph, kept as data beside each area's actions
 * (`src/actions/<area>/permissions.ts`), so the docs, the 403 hint and Check Connection read one source.
 */
export interface ActionPermissions {
  /** The Graph calls the action makes, as Microsoft's docs write them: "GET /users/{id | userPrincipalName}". */
  endpoints: string[];
  /** Least-privileged application permissions (app roles), any one of which is enough; empty when Graph has none. */
  application: string[];
  /** Least-privileged delegated permissions (scopes), any one of which is enough; empty when Graph has none. */
  delegated: string[];
  /** Anything else the call needs: an Entra ID licence, a role, an Exchange RBAC scope. */
  notes?: string;
}

/** One area's permissions, keyed by action (or trigger, or data source) key. */
export type PermissionsMap = Record<string, ActionPermissions>;
