import type { Emulator } from "../server";
import type { Router } from "../router";
import { registerIdentityRoutes } from "../identity/routes";
import { registerGroupRoutes } from "./groups";
import { registerLicenseRoutes } from "./licenses";
import { registerUserRoutes } from "./users";

/** Every area's routes. An area adds its own register function here. */
export function registerRoutes(router: Router, emulator: Emulator): void {
  registerIdentityRoutes(router);
  registerUserRoutes(router, emulator);
  registerGroupRoutes(router, emulator);
  registerLicenseRoutes(router, emulator);
}
