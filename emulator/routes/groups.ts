import type { Group } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../server";
import type { RequestContext, Router } from "../router";
import { Reply, json } from "../http";
import { listCollection, notFound, parseSelect, selectProperties } from "../odata/collection";

export const GROUP_SEARCHABLE = ["displayName", "description", "mail", "mailNickname"] as const;

export function resolveGroup(ctx: RequestContext, id: string): Group | Reply {
  return (
    ctx.emulator.directory.findGroup(id) ??
    notFound(ctx, `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`)
  );
}

export function groupEntity(ctx: RequestContext, group: Group): Reply {
  const select = parseSelect(ctx);
  const context = `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#groups${select ? `(${select.join(",")})` : ""}/$entity`;
  return json(200, { "@odata.context": context, ...selectProperties(group, select) });
}

export function registerGroupRoutes(router: Router, _emulator: Emulator): void {
  router.graph("GET", "/groups", (ctx) =>
    listCollection(ctx, ctx.emulator.directory.groups, {
      entitySet: "groups",
      defaultTop: 100,
      maxTop: 999,
      directoryObject: true,
      searchable: GROUP_SEARCHABLE,
    }),
  );

  router.graph("GET", "/groups/:id", (ctx) => {
    const group = resolveGroup(ctx, ctx.params.id as string);
    return "status" in group && typeof group.status === "number" ? (group as Reply) : groupEntity(ctx, group as Group);
  });
}
