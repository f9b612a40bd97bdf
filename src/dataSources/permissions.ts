import type { PermissionsOf } from "../permissions/types";
import type { dataSources } from "./index";

export const dataSourcePermissions: PermissionsOf<typeof dataSources> = {
  selectUser: { endpoints: ["GET /users"], application: ["User.Read.All"], delegated: ["User.ReadBasic.All"] },
  selectGroup: { endpoints: ["GET /groups"], application: ["GroupMember.Read.All"], delegated: ["GroupMember.Read.All"] },
  selectSubscribedSku: {
    endpoints: ["GET /subscribedSkus"],
    application: ["LicenseAssignment.Read.All"],
    delegated: ["LicenseAssignment.Read.All"],
  },
  selectReport: { endpoints: [], application: [], delegated: [], notes: "No Graph call: the catalog of usage reports." },
};
