import batch from "./batch";
import connection from "./connection";
import delta from "./delta";
import groups from "./groups";
import licenses from "./licenses";
import mail from "./mail";
import organization from "./organization";
import presence from "./presence";
import auditLogs from "./auditLogs";
import raw from "./raw";
import reports from "./reports";
import security from "./security";
import subscriptions from "./subscriptions";
import users from "./users";
import sites from "./sites";
import files from "./files";
import { withPermissionHints } from "../permissions/denied";

/** Every action, keyed by its public key. Each area folder exports its own map; a 403 from any of them names what to grant. */
export const actions = withPermissionHints({
  ...raw,
  ...users,
  ...licenses,
  ...presence,
  ...groups,
  ...organization,
  ...auditLogs,
  ...security,
  ...reports,
  ...batch,
  ...delta,
  ...subscriptions,
  ...connection,
  ...sites,
  ...files,
  ...mail,
});
