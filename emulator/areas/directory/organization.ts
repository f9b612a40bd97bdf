import type { Emulator } from "../../kernel/server";
import type { Router } from "../../kernel/router";
import { json } from "../../kernel/http";
import { listCollection, notFound, parseSelect, selectProperties } from "../../kernel/odata/collection";
import { serviceRoot } from "./users";

export function registerOrganizationRoutes(router: Router, _emulator: Emulator): void {
  // The tenant's organization object, answered as a one-item collection.
  router.graph("GET", "/organization", (ctx) =>
    listCollection(ctx, [ctx.emulator.directory.organization], { entitySet: "organization", defaultTop: 1, maxTop: 1 }),
  );

  router.graph("GET", "/organization/:id", (ctx) => {
    const org = ctx.emulator.directory.organization;
    if (ctx.params.id.toLowerCase() !== (org.id as string).toLowerCase()) {
      return notFound(ctx, `Resource '${ctx.params.id}' does not exist or one of its queried reference-property objects are not present.`);
    }
    const select = parseSelect(ctx);
    return json(200, { "@odata.context": `${serviceRoot(ctx)}/$metadata#organization/$entity`, ...selectProperties(org, select) });
  });
}
