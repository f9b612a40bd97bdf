import type { AdministrativeUnit, DirectoryRole, User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import type { Reply } from "../../kernel/http";
import { badRequest, listCollection, parseSelect } from "../../kernel/odata/collection";

interface RoleState {
  roles: DirectoryRole[];
  units: AdministrativeUnit[];
  /** role or unit id -> member user ids */
  members: Map<string, string[]>;
}

const STATE_KEY = "directoryRoles";

/** Activated roles with Microsoft's real role template ids, and one administrative unit. */
function seedRoles(emulator: Emulator): RoleState {
  const users = emulator.directory.users.filter((u) => u.userType === "Member");
  const roles: DirectoryRole[] = [
    {
      id: "9ed3a0c4-53e1-498c-ab4d-2473476fde14",
      displayName: "Global Administrator",
      description: "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.",
      roleTemplateId: "62e90394-69f5-4237-9190-012177145e10",
    },
    {
      id: "cb2f9c5e-0ad8-4fd3-9e61-5f8c2d3b8a41",
      displayName: "User Administrator",
      description: "Can manage all aspects of users and groups, including resetting passwords for limited admins.",
      roleTemplateId: "fe930be7-5e62-47db-91af-98c3a49a38b1",
    },
  ];
  const units: AdministrativeUnit[] = [
    {
      id: "4d7bd0d2-a8c1-4d0b-9c56-3e2a1f0b6c7d",
      displayName: "Contoso West",
      description: "Users in the western region",
      visibility: null,
    },
  ];
  const ids = (list: User[]) => list.map((u) => u.id as string);
  const members = new Map<string, string[]>([
    [roles[0]?.id as string, ids(users.slice(0, 1))],
    [roles[1]?.id as string, ids(users.slice(1, 3))],
    [units[0]?.id as string, ids(users.filter((_, i) => i % 3 === 0))],
  ]);
  return { roles, units, members };
}

export function roleState(emulator: Emulator): RoleState {
  let state = emulator.state.get(STATE_KEY) as RoleState | undefined;
  if (!state) {
    state = seedRoles(emulator);
    emulator.state.set(STATE_KEY, state);
  }
  return state;
}

type Typed = Record<string, unknown> & { "@odata.type": string };

function typed(kind: string, object: object): Typed {
  return { "@odata.type": `#microsoft.graph.${kind}`, ...object };
}

/** Keeps @odata.type on each item when $select trims it away, as Graph does for directoryObject collections. */
export function keepODataType(item: Record<string, unknown>, source: unknown): void {
  const type = (source as Partial<Typed>)["@odata.type"];
  if (type) item["@odata.type"] = type;
}

/** Whether the request carries Graph's advanced-query pair: ConsistencyLevel: eventual and $count=true. */
export function isAdvancedQuery(ctx: RequestContext): boolean {
  return String(ctx.headers.consistencylevel ?? "").toLowerCase() === "eventual" && ctx.query.get("$count") === "true";
}

/**
 * Graph's answer to an $orderby that only an advanced query supports, sent without one: sorting by a property
 * other than `defaultSortable`, or together with $filter.
 */
export function unsupportedSort(ctx: RequestContext, defaultSortable: readonly string[]): Reply | undefined {
  const orderBy = ctx.query.get("$orderby");
  if (!orderBy || isAdvancedQuery(ctx)) return undefined;
  const properties = orderBy.split(",").map((part) => (part.trim().split(/\s+/)[0] ?? "").toLowerCase());
  if (!ctx.query.get("$filter") && properties.every((p) => defaultSortable.includes(p))) return undefined;
  return badRequest(ctx, "Request_UnsupportedQuery", "Sorting not supported for current query.");
}

/** Graph's answer to a $filter or $orderby on a reference collection (memberOf, members) that is not an advanced query. */
export function unsupportedReferenceFilter(ctx: RequestContext): Reply | undefined {
  if (ctx.query.get("$filter") && !isAdvancedQuery(ctx))
    return badRequest(ctx, "Request_UnsupportedQuery", "The specified filter to the reference property query is currently not supported.");
  return unsupportedSort(ctx, []);
}

/** Direct memberships of a user: groups, directory roles and administrative units. */
export function memberOfItems(ctx: RequestContext, user: User): Reply {
  const unsupported = unsupportedReferenceFilter(ctx);
  if (unsupported) return unsupported;
  const { directory } = ctx.emulator;
  const state = roleState(ctx.emulator);
  const id = user.id as string;
  const groups = directory.groups.filter((g) => directory.members.get(g.id as string)?.includes(id)).map((g) => typed("group", g));
  const roles = state.roles.filter((r) => state.members.get(r.id as string)?.includes(id)).map((r) => typed("directoryRole", r));
  const units = state.units.filter((u) => state.members.get(u.id as string)?.includes(id)).map((u) => typed("administrativeUnit", u));
  return listCollection(ctx, [...groups, ...roles, ...units], {
    entitySet: "directoryObjects",
    defaultTop: 100,
    maxTop: 999,
    directoryObject: true,
    searchable: ["displayName", "description"],
    decorate: parseSelect(ctx) ? keepODataType : undefined,
  });
}

export function registerDirectoryRoleRoutes(router: Router, _emulator: Emulator): void {
  router.graph("GET", "/directoryRoles", (ctx) =>
    listCollection(ctx, roleState(ctx.emulator).roles, { entitySet: "directoryRoles", defaultTop: 1000, maxTop: 1000 }),
  );
}
