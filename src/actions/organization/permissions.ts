import type { PermissionsOf } from "../../permissions/types";
import type organization from "./index";

export const organizationPermissions: PermissionsOf<typeof organization> = {
  getOrganization: {
    endpoints: ["GET /organization"],
    application: ["Organization.Read.All"],
    delegated: ["User.Read"],
    notes: "With delegated User.Read Graph fills in only id, displayName and verifiedDomains; Organization.Read.All for the rest.",
  },
};
