import type { Emulator } from "../kernel/server";
import type { Router } from "../kernel/router";
import { registerIdentityRoutes } from "../identity/routes";
import { registerBatchRoutes } from "./batch/routes";
import { registerDeltaRoutes } from "./directory/delta";
import { registerDirectoryRoleRoutes } from "./directory/directoryRoles";
import { registerAuditLogRoutes } from "./auditLogs/routes";
import { registerGroupRoutes } from "./directory/groups";
import { registerLicenseRoutes } from "./directory/licenses";
import { registerMailRoutes } from "./mail/routes";
import { registerSubscriptionRoutes } from "./subscriptions/routes";
import { registerOrganizationRoutes } from "./directory/organization";
import { registerPresenceRoutes } from "./directory/presence";
import { registerReportRoutes } from "./reports/routes";
import { registerSecurityRoutes } from "./security/routes";
import { registerUserRoutes } from "./directory/users";
import { announceDirectoryChanges } from "./directory/notifications";
import { registerFileRoutes } from "./files/routes";
import { registerSiteRoutes } from "./sites/routes";
import { registerAuditLogPermissions } from "./auditLogs/permissions";
import { registerDirectoryPermissions } from "./directory/permissions";
import { registerReportPermissions } from "./reports/permissions";
import { registerSecurityPermissions } from "./security/permissions";
import { registerSitePermissions } from "./sites/permissions";
import { registerFilePermissions } from "./files/permissions";

/** What each area's routes need, from Microsoft's Permissions tables. An area adds its own here. */
function registerPermissions(router: Router): void {
  registerDirectoryPermissions(router);
  registerAuditLogPermissions(router);
  registerSecurityPermissions(router);
  registerReportPermissions(router);
  registerSitePermissions(router);
  registerFilePermissions(router);
}

/** Every area's routes. An area adds its own register function here. */
export function registerRoutes(router: Router, emulator: Emulator): void {
  registerIdentityRoutes(router);
  registerDeltaRoutes(router, emulator); // before /users/:id, which would take "delta" for an id
  registerUserRoutes(router, emulator);
  registerGroupRoutes(router, emulator);
  announceDirectoryChanges(emulator);
  registerLicenseRoutes(router, emulator);
  registerSubscriptionRoutes(router, emulator);
  registerAuditLogRoutes(router, emulator);
  registerSecurityRoutes(router, emulator);
  registerReportRoutes(router, emulator);
  registerPresenceRoutes(router, emulator);
  registerOrganizationRoutes(router, emulator);
  registerDirectoryRoleRoutes(router, emulator);
  registerMailRoutes(router, emulator);
  registerBatchRoutes(router, emulator);
  registerSiteRoutes(router, emulator);
  registerFileRoutes(router, emulator);
  registerPermissions(router);
}
