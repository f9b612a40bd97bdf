import type { Router } from "../../kernel/router";
import type { Grant } from "../../kernel/permissions";
import { FILES_READ, FILES_WRITE } from "../files/permissions";

// Microsoft's Permissions tables for sites and lists, least privileged first, then the higher ones they accept.
// Sites.Selected (application only) passes here; the routes then admit only the sites granted to the app.
const SITES_READ = ["Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All"];
const SITES_WRITE = ["Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All"];
const SITES_MANAGE = ["Sites.Manage.All", "Sites.FullControl.All"];

function sites(grants: Grant[]) {
  return { application: ["Sites.Selected", ...grants], delegated: grants };
}

/** Sites, lists, columns and items; a site's drives take the files table. The first rule that matches applies. */
export function registerSitePermissions(router: Router): void {
  router.requirePermissions("GET", /^\/sites\/.+\/drives?(\/.*)?$/, FILES_READ);
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) router.requirePermissions(method, /^\/sites\/.+\/drives?(\/.*)?$/, FILES_WRITE);

  router.requirePermissions("POST", /^\/sites\/.+\/lists$/, sites(SITES_MANAGE));
  router.requirePermissions("POST", /^\/sites\/.+\/lists\/[^/]+\/columns$/, sites(SITES_MANAGE));
  router.requirePermissions("POST", /^\/sites\/.+\/lists\/[^/]+\/items$/, sites(SITES_WRITE));
  router.requirePermissions("PATCH", /^\/sites\/.+\/lists\/[^/]+\/items\/[^/]+\/fields$/, sites(SITES_WRITE));
  router.requirePermissions("DELETE", /^\/sites\/.+\/lists\/[^/]+\/items\/[^/]+$/, sites(SITES_WRITE));
  // Search and get: Sites.Read.All least; with only Sites.Selected, search finds the granted sites alone.
  router.requirePermissions("GET", /^\/sites(\/.*)?$/, sites(SITES_READ));
}
