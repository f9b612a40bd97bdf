import type { Emulator } from "../server";
import type { Router } from "../router";
import { registerIdentityRoutes } from "../identity/routes";
import { registerBatchRoutes } from "./batch";
import { registerDeltaRoutes } from "./delta";
import { registerDirectoryRoleRoutes } from "./directoryRoles";
import { registerAuditLogRoutes } from "./auditLogs";
import { registerGroupRoutes } from "./groups";
import { registerLicenseRoutes } from "./licenses";
import { registerSubscriptionRoutes } from "./subscriptions";
import { registerOrganizationRoutes } from "./organization";
import { registerPresenceRoutes } from "./presence";
import { registerReportRoutes } from "./reports";
import { registerSecurityRoutes } from "./security";
import { registerUserRoutes } from "./users";

/** Every area's routes. An area adds its own register function here. */
export function registerRoutes(router: Router, emulator: Emulator): void {
  registerIdentityRoutes(router);
  registerDeltaRoutes(router, emulator); // before /users/:id, which would take "delta" for an id
  registerUserRoutes(router, emulator);
  registerGroupRoutes(router, emulator);
  registerLicenseRoutes(router, emulator);
  registerSubscriptionRoutes(router, emulator);
  registerAuditLogRoutes(router, emulator);
  registerSecurityRoutes(router, emulator);
  registerReportRoutes(router, emulator);
  registerPresenceRoutes(router, emulator);
  registerOrganizationRoutes(router, emulator);
  registerDirectoryRoleRoutes(router, emulator);
  registerBatchRoutes(router, emulator);
}
