import type { PermissionsOf } from "../../permissions/types";
import type auditLogs from "./index";

const ROLE_NOTE = "Delegated: the signed-in user also needs a role such as Reports Reader or Security Reader.";
const LICENCE_NOTE = "The tenant needs a Microsoft Entra ID P1 or P2 licence.";
const AUDIT_AND_DIRECTORY = [["AuditLog.Read.All", "Directory.Read.All"]];

export const auditLogsPermissions: PermissionsOf<typeof auditLogs> = {
  listDirectoryAudits: {
    endpoints: ["GET /auditLogs/directoryAudits"],
    application: AUDIT_AND_DIRECTORY,
    delegated: AUDIT_AND_DIRECTORY,
    notes: `Microsoft's docs name both permissions together. ${ROLE_NOTE}`,
  },
  listSignIns: {
    endpoints: ["GET /auditLogs/signIns"],
    application: ["AuditLog.Read.All"],
    delegated: ["AuditLog.Read.All"],
    notes: `${LICENCE_NOTE} ${ROLE_NOTE}`,
  },
  listProvisioningAudits: {
    endpoints: ["GET /auditLogs/provisioning"],
    application: AUDIT_AND_DIRECTORY,
    delegated: AUDIT_AND_DIRECTORY,
    notes: `${LICENCE_NOTE} ${ROLE_NOTE}`,
  },
};
