import type { ActionPermissions, PermissionsMap } from "../../permissions/types";
import type files from "./index";

const SITES_NOTE =
  "In a site's document library, Sites.Read.All / Sites.ReadWrite.All work too, and so does Sites.Selected on the sites an administrator granted the app.";
const read = {
  application: ["Files.Read.All"],
  delegated: ["Files.Read"],
  notes: `Delegated Files.Read covers the user's own OneDrive; other drives need Files.Read.All. ${SITES_NOTE}`,
};
const write = {
  application: ["Files.ReadWrite.All"],
  delegated: ["Files.ReadWrite"],
  notes: `Delegated Files.ReadWrite covers the user's own OneDrive; other drives need Files.ReadWrite.All. ${SITES_NOTE}`,
};
const ITEM = "/drives/{drive-id}/items/{item-id}";

export const filesPermissions: Record<keyof typeof files, ActionPermissions> = {
  listDrives: {
    endpoints: ["GET /sites/{site-id}/drives", "GET /users/{id | userPrincipalName}/drives", "GET /groups/{group-id}/drives"],
    ...read,
  },
  getDrive: { endpoints: ["GET /drives/{drive-id}"], ...read },
  listFolder: { endpoints: [`GET ${ITEM}/children`, "GET /drives/{drive-id}/root:/{path}:/children"], ...read },
  getDriveItem: { endpoints: [`GET ${ITEM}`, "GET /drives/{drive-id}/root:/{path}"], ...read },
  createFolder: { endpoints: [`POST ${ITEM}/children`], ...write },
  deleteDriveItem: { endpoints: [`DELETE ${ITEM}`], ...write },
  moveDriveItem: { endpoints: [`PATCH ${ITEM}`], ...write },
  copyDriveItem: {
    endpoints: [`POST ${ITEM}/copy`, `GET ${ITEM}`],
    ...write,
    notes: `${write.notes} The copy's monitor URL is fetched without the token.`,
  },
  createSharingLink: {
    endpoints: [`POST ${ITEM}/createLink`],
    ...write,
    notes: `${write.notes} Anonymous links work only where the tenant's sharing policy allows them.`,
  },
  uploadFile: {
    endpoints: [
      "PUT /drives/{drive-id}/items/{parent-id}:/{filename}:/content",
      "POST /drives/{drive-id}/items/{parent-id}:/{filename}:/createUploadSession",
    ],
    ...write,
    notes: `${write.notes} Upload-session chunks go to the session's pre-authenticated URL without the token.`,
  },
  downloadFile: {
    endpoints: [`GET ${ITEM}`, `GET ${ITEM}/content`],
    ...read,
    notes: `${read.notes} The file is fetched from its pre-authenticated download URL without the token.`,
  },
};

/** The drive picker and the file trigger. */
export const filesDataSourcePermissions: PermissionsMap = {
  selectDrive: { endpoints: ["GET /sites/{site-id}/drives", "GET /users/{id}/drives", "GET /groups/{group-id}/drives"], ...read },
};

export const filesTriggerPermissions: PermissionsMap = {
  fileChanges: { endpoints: ["GET /drives/{drive-id}/root/delta", `GET ${ITEM}`], ...read },
};
