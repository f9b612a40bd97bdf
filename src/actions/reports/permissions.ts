import type { PermissionsOf } from "../../permissions/types";
import type reports from "./index";

const ROLE_NOTE = "Delegated: the signed-in user also needs a role such as Reports Reader.";

export const reportsPermissions: PermissionsOf<typeof reports> = {
  getUsageReport: {
    endpoints: ["GET /reports/{report}(period='D7')", "GET the pre-authenticated download URL Graph redirects to"],
    application: ["Reports.Read.All"],
    delegated: ["Reports.Read.All"],
    notes: ROLE_NOTE,
  },
  listUserRegistrationDetails: {
    endpoints: ["GET /reports/authenticationMethods/userRegistrationDetails"],
    application: ["AuditLog.Read.All"],
    delegated: ["AuditLog.Read.All"],
    notes: `The tenant needs a Microsoft Entra ID P1 or P2 licence. ${ROLE_NOTE}`,
  },
};
