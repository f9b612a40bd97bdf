import type { PermissionsOf } from "../permissions/types";
import type { dataSources } from "./index";
import { sitesDataSourcePermissions } from "../actions/sites/permissions";
import { filesDataSourcePermissions } from "../actions/files/permissions";
import { mailDataSourcePermissions } from "../actions/mail/permissions";

export const dataSourcePermissions: PermissionsOf<typeof dataSources> = {
  selectUser: { endpoints: ["GET /users"], application: ["User.Read.All"], delegated: ["User.ReadBasic.All"] },
  selectGroup: { endpoints: ["GET /groups"], application: ["GroupMember.Read.All"], delegated: ["GroupMember.Read.All"] },
  selectSubscribedSku: {
    endpoints: ["GET /subscribedSkus"],
    application: ["LicenseAssignment.Read.All"],
    delegated: ["LicenseAssignment.Read.All"],
  },
  selectReport: { endpoints: [], application: [], delegated: [], notes: "No Graph call: the catalog of usage reports." },
  selectSite: sitesDataSourcePermissions.selectSite,
  selectList: sitesDataSourcePermissions.selectList,
  selectDrive: filesDataSourcePermissions.selectDrive,
  selectMailFolder: mailDataSourcePermissions.selectMailFolder,
};
