import type { RequestContext } from "../../kernel/router";
import { Reply, graphError } from "../../kernel/http";
import { reliesOnlyOn } from "../../kernel/permissions";

/** The roles an administrator grants an app on a site (POST /sites/{site-id}/permissions), weakest first. */
export const SITE_ROLES = ["read", "write", "manage", "fullcontrol"] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

const STATE_KEY = "sites.selected";

/** Sites granted to apps holding Sites.Selected: site id (lower case) → role. A test switch, as an admin's grant. */
export function siteGrants(ctx: { emulator: RequestContext["emulator"] }): Map<string, SiteRole> {
  const state = ctx.emulator.state;
  let grants = state.get(STATE_KEY) as Map<string, SiteRole> | undefined;
  if (!grants) {
    grants = new Map();
    state.set(STATE_KEY, grants);
  }
  return grants;
}

/**
 * Whether this request got past the route's permission check only through Sites.Selected: an app-only token that
 * holds none of the route's other accepted permissions. Such a request reaches only the sites granted to the app.
 */
export function reliesOnSitesSelected(ctx: RequestContext): boolean {
  return (
    ctx.auth?.kind === "app" && reliesOnlyOn(ctx.auth, ctx.emulator.router.permissionsFor(ctx.method, ctx.segments), ["Sites.Selected"])
  );
}

/** SharePoint's answer to an app that was not granted the site (or not with a strong enough role). */
export function siteAccessDenied(ctx: RequestContext): Reply {
  return graphError(403, "accessDenied", "Access denied", ctx.requestId);
}

/** Whether a Sites.Selected request may reach `siteId` with at least `need`; other requests always may. */
export function siteSelectedAllows(ctx: RequestContext, siteId: string, need: SiteRole): boolean {
  if (!reliesOnSitesSelected(ctx)) return true;
  const granted = siteGrants(ctx).get(siteId.toLowerCase());
  return granted !== undefined && SITE_ROLES.indexOf(granted) >= SITE_ROLES.indexOf(need);
}
