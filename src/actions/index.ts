import batch from "./batch";
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

/** Every action, keyed by its public key. Each area folder exports its own map. */
export const actions = {
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
  ...sites,
  ...files,
  ...mail,
};
