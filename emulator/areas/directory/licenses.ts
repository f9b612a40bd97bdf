import type { AssignedLicense, SubscribedSku, User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import type { Reply } from "../../kernel/http";
import { badRequest, listCollection } from "../../kernel/odata/collection";
import { isReply, objectBody, resolveUser, userEntity } from "./users";

function availableUnits(sku: SubscribedSku): number {
  return (sku.prepaidUnits?.enabled ?? 0) - (sku.consumedUnits ?? 0);
}

/** POST /users/{id}/assignLicense: Graph checks usage location, SKU validity, free units and plan ids before changing anything. */
function assignLicense(ctx: RequestContext): Reply {
  const user = resolveUser(ctx, ctx.params.id);
  if (isReply(user)) return user;
  const body = objectBody(ctx);
  if (isReply(body)) return body;
  if (!Array.isArray(body.addLicenses) || !Array.isArray(body.removeLicenses)) {
    return badRequest(
      ctx,
      "Request_BadRequest",
      "Invalid value specified for property 'addLicenses' or 'removeLicenses' of resource 'User'. Both are required, and may be empty.",
    );
  }
  const { skus } = ctx.emulator.directory;
  const adds = body.addLicenses as AssignedLicense[];
  const removes = body.removeLicenses as string[];
  const current = user.assignedLicenses ?? [];
  const findSku = (id: unknown) => skus.find((s) => s.skuId === (typeof id === "string" ? id.toLowerCase() : undefined));

  if (adds.length > 0 && !user.usageLocation) {
    return badRequest(ctx, "Request_BadRequest", "License assignment cannot be done for user with invalid usage location.");
  }
  for (const add of adds) {
    const sku = findSku(add?.skuId);
    if (!sku) return badRequest(ctx, "Request_BadRequest", `License ${String(add?.skuId)} does not correspond to a valid company License.`);
    const planIds = new Set((sku.servicePlans ?? []).map((p) => p.servicePlanId));
    const unknownPlan = (add.disabledPlans ?? []).find((plan) => !planIds.has(String(plan).toLowerCase()));
    if (unknownPlan)
      return badRequest(
        ctx,
        "Request_BadRequest",
        `Invalid value specified for property 'disabledPlans' of resource 'User': service plan ${unknownPlan} is not part of SKU ${sku.skuId as string}.`,
      );
    const alreadyAssigned = current.some((l) => l.skuId === sku.skuId);
    if (!alreadyAssigned && availableUnits(sku) <= 0) {
      return badRequest(ctx, "Request_BadRequest", `Subscription with SKU ${sku.skuId as string} does not have any available licenses.`);
    }
  }
  for (const skuId of removes) {
    if (!findSku(skuId))
      return badRequest(ctx, "Request_BadRequest", `License ${String(skuId)} does not correspond to a valid company License.`);
    if (!current.some((l) => l.skuId === String(skuId).toLowerCase())) {
      return badRequest(ctx, "Request_BadRequest", "User does not have a corresponding license.");
    }
  }

  applyAssignment(ctx, user, adds, removes);
  return userEntity(ctx, user);
}

function applyAssignment(ctx: RequestContext, user: User, adds: AssignedLicense[], removes: string[]): void {
  const { skus } = ctx.emulator.directory;
  const removed = new Set(removes.map((id) => id.toLowerCase()));
  let next = (user.assignedLicenses ?? []).filter((l) => !removed.has(l.skuId as string));
  for (const add of adds) {
    const skuId = String(add.skuId).toLowerCase();
    const disabledPlans = (add.disabledPlans ?? []).map((p) => String(p).toLowerCase());
    next = [...next.filter((l) => l.skuId !== skuId), { skuId, disabledPlans }];
  }
  const before = new Set((user.assignedLicenses ?? []).map((l) => l.skuId));
  const after = new Set(next.map((l) => l.skuId));
  for (const sku of skus) {
    if (!before.has(sku.skuId) && after.has(sku.skuId)) sku.consumedUnits = (sku.consumedUnits ?? 0) + 1;
    if (before.has(sku.skuId) && !after.has(sku.skuId)) sku.consumedUnits = Math.max(0, (sku.consumedUnits ?? 0) - 1);
  }
  ctx.emulator.directory.updateUser(user, { assignedLicenses: next });
}

export function registerLicenseRoutes(router: Router, _emulator: Emulator): void {
  // Graph answers the tenant's SKUs in one page; $top is not supported here.
  router.graph("GET", "/subscribedSkus", (ctx) =>
    listCollection(ctx, ctx.emulator.directory.skus, { entitySet: "subscribedSkus", defaultTop: 1000, maxTop: 1000 }),
  );

  router.graph("POST", "/users/:id/assignLicense", assignLicense);
}
