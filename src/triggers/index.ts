import { auditEvents } from "./auditEvents";
import { changeNotifications } from "./changeNotifications";
import { groupChanges } from "./groupChanges";
import { newMessages } from "./newMessages";
import { userChanges } from "./userChanges";
import { fileChanges } from "./fileChanges";

/** Every trigger, keyed by its public key. */
export const triggers = { userChanges, groupChanges, auditEvents, changeNotifications, fileChanges, newMessages };
