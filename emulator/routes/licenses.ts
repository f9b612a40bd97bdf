import type { Emulator } from "../server";
import type { Router } from "../router";
import { listCollection } from "../odata/collection";

export function registerLicenseRoutes(router: Router, _emulator: Emulator): void {
  // Graph answers the tenant's SKUs in one page; $top is not supported here.
  router.graph("GET", "/subscribedSkus", (ctx) =>
    listCollection(ctx, ctx.emulator.directory.skus, { entitySet: "subscribedSkus", defaultTop: 1000, maxTop: 1000 }),
  );
}
