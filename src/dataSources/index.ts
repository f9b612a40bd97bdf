import { withPermissionHints } from "../permissions/denied";
import { selectGroup } from "./selectGroup";
import { selectMailFolder } from "./selectMailFolder";
import { selectReport } from "./selectReport";
import { selectSubscribedSku } from "./selectSubscribedSku";
import { selectUser } from "./selectUser";
import { selectDrive } from "./selectDrive";
import { selectList } from "./selectList";
import { selectSite } from "./selectSite";

/** Every data source, keyed by its public key; a 403 from any of them names what to grant. */
export const dataSources = withPermissionHints({
  selectUser,
  selectGroup,
  selectSubscribedSku,
  selectReport,
  selectSite,
  selectList,
  selectDrive,
  selectMailFolder,
});
