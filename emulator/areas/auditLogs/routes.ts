import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, graphError, json } from "../../kernel/http";
import { badRequest, listCollection, notFound } from "../../kernel/odata/collection";
import { AuditLogName, auditLogs, canonicalizeFilterTimes } from "./data";

const LOGS: Record<AuditLogName, { entitySet: string; timeProperty: string; inclusiveOperators: boolean }> = {
  signIns: { entitySet: "auditLogs/signIns", timeProperty: "createdDateTime", inclusiveOperators: true },
  directoryAudits: { entitySet: "auditLogs/directoryAudits", timeProperty: "activityDateTime", inclusiveOperators: true },
  provisioning: { entitySet: "auditLogs/provisioning", timeProperty: "activityDateTime", inclusiveOperators: false },
};

/** Graph's audit logs answer newest first unless $orderby says otherwise. */
function newestFirst<T extends object>(items: readonly T[], timeProperty: string): T[] {
  const time = (item: T): string => {
    const value = (item as Record<string, unknown>)[timeProperty];
    return typeof value === "string" ? value : "";
  };
  return [...items].sort((a, b) => (time(a) < time(b) ? 1 : time(a) > time(b) ? -1 : 0));
}

function events(ctx: RequestContext, log: AuditLogName): object[] | Reply {
  const filter = ctx.query.get("$filter") ?? "";
  const logs = auditLogs(ctx.emulator);
  if (log !== "signIns") return logs[log];
  const all = logs.signIns;
  if (!logs.premiumLicense) {
    return graphError(
      403,
      "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      "Neither tenant is B2C or tenant doesn't have premium license",
      ctx.requestId,
    );
  }
  const mentionsTypes = /signInEventTypes/i.test(filter);
  if (ctx.version !== "beta") {
    if (mentionsTypes)
      return badRequest(ctx, "BadRequest", "Could not find a property named 'signInEventTypes' on type 'microsoft.graph.signIn'.");
    return all.filter((s) => s.signInEventTypes.includes("interactiveUser")).map(({ signInEventTypes: _types, ...rest }) => rest);
  }
  // Beta, like the portal, shows interactive sign-ins unless the filter asks for other types.
  return mentionsTypes ? all : all.filter((s) => s.signInEventTypes.includes("interactiveUser"));
}

function listLog(ctx: RequestContext, log: AuditLogName): Reply {
  const { entitySet, timeProperty, inclusiveOperators } = LOGS[log];
  const filter = ctx.query.get("$filter");
  if (filter && !inclusiveOperators && new RegExp(`${timeProperty}\\s+(ge|le)\\s`, "i").test(filter)) {
    return badRequest(ctx, "BadRequest", `Invalid filter clause: ${timeProperty} supports only the eq, gt and lt operators.`);
  }
  const orderBy = ctx.query.get("$orderby");
  if (orderBy && !new RegExp(`^${timeProperty}(\\s+(asc|desc))?$`, "i").test(orderBy.trim())) {
    return badRequest(ctx, "BadRequest", `OrderBy not supported for '${orderBy}'.`);
  }
  const items = events(ctx, log);
  if (!Array.isArray(items)) return items;
  const query = new URLSearchParams(ctx.query);
  if (filter) query.set("$filter", canonicalizeFilterTimes(filter));
  return listCollection({ ...ctx, query }, newestFirst(items, timeProperty), { entitySet, defaultTop: 1000, maxTop: 1000 });
}

function getEvent(ctx: RequestContext, log: AuditLogName): Reply {
  const items = events(ctx, log);
  if (!Array.isArray(items)) return items;
  const found = items.find((e) => (e as { id?: string }).id === ctx.params.id);
  if (!found) return notFound(ctx, `Resource '${ctx.params.id ?? ""}' does not exist.`, "ResourceNotFound");
  return json(200, { "@odata.context": `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#${LOGS[log].entitySet}/$entity`, ...found });
}

export function registerAuditLogRoutes(router: Router, _emulator: Emulator): void {
  for (const log of Object.keys(LOGS) as AuditLogName[]) {
    router.graph("GET", `/auditLogs/${log}`, (ctx) => listLog(ctx, log));
    router.graph("GET", `/auditLogs/${log}/:id`, (ctx) => getEvent(ctx, log));
  }
}
