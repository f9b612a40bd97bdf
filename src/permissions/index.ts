import { auditLogsPermissions } from "../actions/auditLogs/permissions";
import { batchPermissions } from "../actions/batch/permissions";
import { connectionPermissions } from "../actions/connection/permissions";
import { deltaPermissions } from "../actions/delta/permissions";
import { groupsPermissions } from "../actions/groups/permissions";
import { licensesPermissions } from "../actions/licenses/permissions";
import { organizationPermissions } from "../actions/organization/permissions";
import { presencePermissions } from "../actions/presence/permissions";
import { rawPermissions } from "../actions/raw/permissions";
import { reportsPermissions } from "../actions/reports/permissions";
import { securityPermissions } from "../actions/security/permissions";
import { subscriptionsPermissions } from "../actions/subscriptions/permissions";
import { usersPermissions } from "../actions/users/permissions";
import { sitesPermissions } from "../actions/sites/permissions";
import { filesPermissions } from "../actions/files/permissions";
import { mailPermissions } from "../actions/mail/permissions";
import { dataSourcePermissions } from "../dataSources/permissions";
import { triggerPermissions } from "../triggers/permissions";
import type { ActionPermissions, PermissionsMap } from "./types";

export type { ActionPermissions, PermissionGrant, PermissionKind, PermissionsMap } from "./types";
export { formatGrant, formatGrants, holdsGrant, holdsPermission } from "./grants";

/** Every action's permissions, keyed by action key: each area's `permissions.ts` joined here. */
export const actionPermissions: PermissionsMap = {
  ...rawPermissions,
  ...usersPermissions,
  ...licensesPermissions,
  ...presencePermissions,
  ...groupsPermissions,
  ...organizationPermissions,
  ...auditLogsPermissions,
  ...securityPermissions,
  ...reportsPermissions,
  ...batchPermissions,
  ...deltaPermissions,
  ...subscriptionsPermissions,
  ...connectionPermissions,
  ...sitesPermissions,
  ...filesPermissions,
  ...mailPermissions,
};

export { triggerPermissions, dataSourcePermissions };

/** Actions, triggers and data sources together (their keys do not overlap). */
export const allPermissions: PermissionsMap = { ...actionPermissions, ...triggerPermissions, ...dataSourcePermissions };

export function permissionsFor(key: string): ActionPermissions | undefined {
  return Object.prototype.hasOwnProperty.call(allPermissions, key) ? allPermissions[key] : undefined;
}
