import type { PermissionsOf } from "../../permissions/types";
import type licenses from "./index";

export const licensesPermissions: PermissionsOf<typeof licenses> = {
  listSubscribedSkus: {
    endpoints: ["GET /subscribedSkus"],
    application: ["LicenseAssignment.Read.All"],
    delegated: ["LicenseAssignment.Read.All"],
  },
  assignLicenses: {
    endpoints: ["POST /users/{id}/assignLicense"],
    application: ["LicenseAssignment.ReadWrite.All"],
    delegated: ["LicenseAssignment.ReadWrite.All"],
    notes: "Delegated: the signed-in user also needs a role such as License Administrator.",
  },
};
