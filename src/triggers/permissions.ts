import type { PermissionsOf } from "../permissions/types";
import type { triggers } from "./index";
import { filesTriggerPermissions } from "../actions/files/permissions";
import { RESOURCE_PERMISSION_NOTE } from "../actions/subscriptions/permissions";
import { mailTriggerPermissions } from "../actions/mail/permissions";
import { USERS_DELTA_NOTE } from "../actions/delta/permissions";

export const triggerPermissions: PermissionsOf<typeof triggers> = {
  userChanges: { endpoints: ["GET /users/delta"], application: ["User.Read.All"], delegated: ["User.Read.All"], notes: USERS_DELTA_NOTE },
  groupChanges: { endpoints: ["GET /groups/delta"], application: ["GroupMember.Read.All"], delegated: ["GroupMember.Read.All"] },
  auditEvents: {
    endpoints: ["GET /auditLogs/directoryAudits", "GET /auditLogs/signIns", "GET /security/alerts_v2"],
    application: [["AuditLog.Read.All", "Directory.Read.All"]],
    delegated: [["AuditLog.Read.All", "Directory.Read.All"]],
    notes:
      "Shown for the default feed, directory audits. Sign-ins need AuditLog.Read.All (and a Microsoft Entra ID P1 or P2 licence); security alerts need SecurityAlert.Read.All. Delegated: the user also needs a role such as Security Reader.",
  },
  changeNotifications: {
    endpoints: ["POST /subscriptions", "PATCH /subscriptions/{id}", "GET /subscriptions", "DELETE /subscriptions/{id}"],
    application: [],
    delegated: [],
    notes: `${RESOURCE_PERMISSION_NOTE} Deploy creates (POST), scheduled runs renew (PATCH) or recreate, instance deletion lists and deletes.`,
  },
  fileChanges: filesTriggerPermissions.fileChanges,
  newMessages: mailTriggerPermissions.newMessages,
};
