import { withPermissionHints } from "../permissions/denied";
import { auditEvents } from "./auditEvents";
import { changeNotifications } from "./changeNotifications";
import { groupChanges } from "./groupChanges";
import { newMessages } from "./newMessages";
import { userChanges } from "./userChanges";
import { fileChanges } from "./fileChanges";

/** Every trigger, keyed by its public key; a 403 from any of them names what to grant. */
export const triggers = withPermissionHints({
  userChanges,
  groupChanges,
  auditEvents,
  changeNotifications,
  fileChanges,
  newMessages,
});
