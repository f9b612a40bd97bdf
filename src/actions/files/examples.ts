import type { Drive, DriveItem, Permission } from "@microsoft/microsoft-graph-types";
import type { ListResult } from "../users/listing";

const DRIVE_ID = "b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd";

export const driveExample: Drive = {
  id: DRIVE_ID,
  name: "Documents",
  description: "",
  driveType: "documentLibrary",
  createdDateTime: "2024-03-01T09:00:00Z",
  lastModifiedDateTime: "2026-01-12T10:15:00Z",
  webUrl: "https://contoso.sharepoint.com/sites/integrations/Shared%20Documents",
  createdBy: { user: { displayName: "System Account" } },
  owner: { user: { displayName: "System Account" } },
  quota: { deleted: 0, remaining: 1099511421776, state: "normal", total: 1099511627776, used: 206000 },
};

export const drivesExample: ListResult<Drive> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#drives",
  value: [driveExample],
};

export const fileExample: DriveItem & { "@microsoft.graph.downloadUrl": string } = {
  "@microsoft.graph.downloadUrl": "https://contoso.sharepoint.com/sites/integrations/_layouts/15/download.aspx?UniqueId=…&tempauth=…",
  id: "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K",
  name: "q3.xlsx",
  size: 206000,
  createdDateTime: "2026-01-12T10:15:00Z",
  lastModifiedDateTime: "2026-01-14T08:02:11Z",
  eTag: '"{6CE0E5D0-AD11-4A2F-9B34-EE3378F58EF0},2"',
  cTag: '"c:{6CE0E5D0-AD11-4A2F-9B34-EE3378F58EF0},2"',
  webUrl: "https://contoso.sharepoint.com/sites/integrations/Shared%20Documents/Reports/2026/q3.xlsx",
  createdBy: { user: { displayName: "Megan Bowen", email: "MeganB@contoso.com" } as never },
  lastModifiedBy: { user: { displayName: "Megan Bowen", email: "MeganB@contoso.com" } as never },
  parentReference: {
    driveType: "documentLibrary",
    driveId: DRIVE_ID,
    id: "01BYE5RZ2BRJDHA4SU3ZAKXUXKHSN5H3RX",
    path: `/drives/${DRIVE_ID}/root:/Reports/2026`,
  },
  file: {
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    hashes: { quickXorHash: "dF5ssxvnSyiwkKH/Pq5pEp8Nn/0=" },
  },
};

export const folderExample: DriveItem = {
  id: "01BYE5RZ2BRJDHA4SU3ZAKXUXKHSN5H3RX",
  name: "2026",
  size: 206000,
  createdDateTime: "2026-01-12T10:15:00Z",
  lastModifiedDateTime: "2026-01-14T08:02:11Z",
  eTag: '"{0E4A8C41-544A-40DE-ABD2-EA3C9BD3ED37},1"',
  cTag: '"c:{0E4A8C41-544A-40DE-ABD2-EA3C9BD3ED37},0"',
  webUrl: "https://contoso.sharepoint.com/sites/integrations/Shared%20Documents/Reports/2026",
  parentReference: {
    driveType: "documentLibrary",
    driveId: DRIVE_ID,
    id: "01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ",
    path: `/drives/${DRIVE_ID}/root:/Reports`,
  },
  folder: { childCount: 1 },
};

export const childrenExample: ListResult<DriveItem> = {
  "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#drives('${DRIVE_ID}')/items('01BYE5RZ2BRJDHA4SU3ZAKXUXKHSN5H3RX')/children`,
  value: [fileExample],
};

export const sharingLinkExample: Permission = {
  id: "123ABC",
  roles: ["read"],
  hasPassword: false,
  link: {
    type: "view",
    scope: "organization",
    webUrl: "https://contoso.sharepoint.com/:x:/s/integrations/EdAW5WzgEUpYmzTuM3j1jvABkTdBLOk-jyFCPjGQbMKR7A",
    preventsDownload: false,
  },
};
