import type { PermissionsMap } from "../permissions/types";
import { subscriptionPermissions } from "../actions/subscriptions/permissions";
import { mailTriggerPermissions } from "../actions/mail/permissions";

export const triggerPermissions: PermissionsMap = {
  userChanges: {
    endpoints: ["GET /users/delta"],
    application: ["User.Read.All"],
    delegated: ["User.Read.All"],
  },
  groupChanges: {
    endpoints: ["GET /groups/delta"],
    application: ["Group.Read.All"],
    delegated: ["Group.Read.All"],
    notes: "members@delta also needs the members' read permission (User.Read.All) to show member users.",
  },
  auditEvents: {
    endpoints: ["GET /auditLogs/directoryAudits", "GET /auditLogs/signIns", "GET /security/alerts_v2"],
    application: ["AuditLog.Read.All"],
    delegated: ["AuditLog.Read.All"],
    notes:
      "By Feed: directory audits AuditLog.Read.All; sign-ins AuditLog.Read.All and Directory.Read.All, with a Microsoft Entra ID P1 or P2 licence; security alerts SecurityAlert.Read.All.",
  },
  changeNotifications: {
    endpoints: ["POST /subscriptions", "PATCH /subscriptions/{id}", "GET /subscriptions", "DELETE /subscriptions/{id}"],
    application: subscriptionPermissions.createSubscription.application,
    delegated: subscriptionPermissions.createSubscription.delegated,
    notes: `${subscriptionPermissions.createSubscription.notes ?? ""} Deploy creates (POST), scheduled runs renew (PATCH) or recreate, instance deletion lists and deletes.`,
  },
  ...mailTriggerPermissions,
};
