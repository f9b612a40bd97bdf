import type { Router } from "../../kernel/router";
import type { RoutePermissions } from "../../kernel/permissions";

// Microsoft's Permissions tables for driveItem and drive, least privileged first, then the higher ones they accept.
// Delegated Files.Read and Files.ReadWrite, and Sites.Selected, pass here; the routes then keep them to their own
// drives (the user's OneDrive; a granted site's library).
export const FILES_READ: RoutePermissions = {
  application: ["Files.Read.All", "Files.ReadWrite.All", "Sites.Read.All", "Sites.ReadWrite.All", "Sites.Selected"],
  delegated: ["Files.Read", "Files.ReadWrite", "Files.Read.All", "Files.ReadWrite.All", "Sites.Read.All", "Sites.ReadWrite.All"],
};
export const FILES_WRITE: RoutePermissions = {
  application: ["Files.ReadWrite.All", "Sites.ReadWrite.All", "Sites.Selected"],
  delegated: ["Files.ReadWrite", "Files.ReadWrite.All", "Sites.ReadWrite.All"],
};

const DRIVE_PATHS = [/^\/drives\/[^/]+(\/.*)?$/, /^\/users\/[^/]+\/drives?(\/.*)?$/, /^\/groups\/[^/]+\/drives?(\/.*)?$/];

/** Drives and their items, by drive id or through their user or group owner. */
export function registerFilePermissions(router: Router): void {
  for (const path of DRIVE_PATHS) {
    router.requirePermissions("GET", path, FILES_READ);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) router.requirePermissions(method, path, FILES_WRITE);
  }
}
