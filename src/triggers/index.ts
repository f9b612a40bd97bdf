import { auditEvents } from "./auditEvents";
import { changeNotifications } from "./changeNotifications";
import { groupChanges } from "./groupChanges";
import { newMessages } from "./newMessages";
import { userChanges } from "./userChanges";

/** Every trigger, keyed by its public key. */
export const triggers = { userChanges, groupChanges, auditEvents, changeNotifications, newMessages };
