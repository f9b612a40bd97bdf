import { copyDriveItem } from "./copyDriveItem";
import { createFolder } from "./createFolder";
import { createSharingLink } from "./createSharingLink";
import { deleteDriveItem } from "./deleteDriveItem";
import { downloadFile } from "./downloadFile";
import { getDrive } from "./getDrive";
import { getDriveItem } from "./getDriveItem";
import { listDrives } from "./listDrives";
import { listFolder } from "./listFolder";
import { moveDriveItem } from "./moveDriveItem";
import { uploadFile } from "./uploadFile";

export default {
  listDrives,
  getDrive,
  listFolder,
  getDriveItem,
  createFolder,
  deleteDriveItem,
  moveDriveItem,
  copyDriveItem,
  createSharingLink,
  uploadFile,
  downloadFile,
};
