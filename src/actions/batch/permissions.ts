import type { PermissionsOf } from "../../permissions/types";
import type batch from "./index";

export const batchPermissions: PermissionsOf<typeof batch> = {
  batchRequest: {
    endpoints: ["POST /$batch"],
    application: [],
    delegated: [],
    notes: "Each sub-request needs its own endpoint's permission; a sub-request without it answers 403 on its own.",
  },
  getUsersByIds: {
    endpoints: ["POST /$batch of GET /users/{id | userPrincipalName}"],
    application: ["User.Read.All"],
    delegated: ["User.ReadBasic.All"],
    notes:
      "User.ReadBasic.All reads only id, displayName, givenName, surname, mail, photo and userPrincipalName; User.Read.All for the rest.",
  },
  assignLicensesBulk: {
    endpoints: ["POST /$batch of POST /users/{id}/assignLicense"],
    application: ["LicenseAssignment.ReadWrite.All"],
    delegated: ["LicenseAssignment.ReadWrite.All"],
    notes: "Delegated: the signed-in user also needs a role such as License Administrator.",
  },
};
