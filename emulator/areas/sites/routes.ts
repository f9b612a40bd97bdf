import { randomUUID } from "node:crypto";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, json, noContent } from "../../kernel/http";
import { badRequest, listCollection, notFound } from "../../kernel/odata/collection";
import { FilterNode, FilterSyntaxError, parseFilter } from "../../kernel/odata/filter";
import { ownerDriveRequest } from "../files/routes";
import { driveStore } from "../files/store";
import { columnProblem } from "./columns";
import { announceListChange } from "./notifications";
import { SiteRole, reliesOnSitesSelected, siteAccessDenied, siteGrants, siteSelectedAllows } from "./selected";
import { ColumnDefinition, ListItemRecord, ListRecord, SHAREPOINT_HOST, SiteRecord, addItem, newList, sitesState } from "./store";

const PREFER_NON_INDEXED = "honornonindexedquerieswarningmayfailrandomly";

function context(ctx: RequestContext, entitySet: string): string {
  return `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#${entitySet}`;
}

function siteJson(site: SiteRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    createdDateTime: site.createdDateTime,
    description: site.description,
    id: site.id,
    lastModifiedDateTime: "2026-01-12T10:15:00Z",
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
    siteCollection: { hostname: SHAREPOINT_HOST },
  };
  if (!site.path) out.root = {};
  return out;
}

function listJson(site: SiteRecord, list: ListRecord, withColumns = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    "@odata.etag": `"${list.id},1"`,
    createdDateTime: list.createdDateTime,
    description: list.description,
    eTag: `"${list.id},1"`,
    id: list.id,
    lastModifiedDateTime: list.lastModifiedDateTime,
    name: list.name,
    webUrl: list.webUrl,
    displayName: list.displayName,
    createdBy: { user: { displayName: "Megan Bowen", email: "MeganB@contoso.com" } },
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
  if (withColumns) out.columns = list.columns;
  return out;
}

function itemJson(site: SiteRecord, list: ListRecord, item: ListItemRecord, fieldSelect?: string[] | "none"): Record<string, unknown> {
  const eTag = `"${list.id},${item.version}"`;
  const out: Record<string, unknown> = {
    "@odata.etag": eTag,
    createdDateTime: item.createdDateTime,
    eTag,
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${list.webUrl}/DispForm.aspx?ID=${item.id}`,
    createdBy: { user: { displayName: "Megan Bowen", email: "MeganB@contoso.com" } },
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: "0x010000D5E3A9D6B6A3E74BA1C1A6CBA0A4B2E4", name: "Item" },
  };
  if (fieldSelect !== "none") out.fields = fieldsJson(list, item, fieldSelect);
  return out;
}

function fieldsJson(list: ListRecord, item: ListItemRecord, select?: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    "@odata.etag": `"${list.id},${item.version}"`,
    ...item.fields,
    id: item.id,
    Created: item.createdDateTime,
    Modified: item.lastModifiedDateTime,
  };
  if (!select) return all;
  const out: Record<string, unknown> = { "@odata.etag": all["@odata.etag"] };
  for (const name of select) if (name in all) out[name] = all[name];
  return out;
}

/** `$expand=fields($select=a,b)` or `$expand=fields`: "none" when fields are not expanded. */
function expandedFields(ctx: RequestContext): string[] | "none" | undefined {
  const expand = ctx.query.get("$expand") ?? ctx.query.get("expand");
  if (!expand) return "none";
  const m = /(?:^|,)\s*fields(?:\(\$?select=([^)]*)\))?/i.exec(expand);
  if (!m) return "none";
  return m[1]
    ? m[1]
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

function fieldPaths(node: FilterNode, out: string[] = []): string[] {
  if (node.type === "and" || node.type === "or") {
    fieldPaths(node.left, out);
    fieldPaths(node.right, out);
  } else if (node.type === "not") fieldPaths(node.operand, out);
  else if (node.type === "compare" || node.type === "in" || node.type === "func") out.push(node.path);
  return out;
}

function nonIndexedRefusal(ctx: RequestContext, name: string): Reply {
  return badRequest(
    ctx,
    "invalidRequest",
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

function listItems(ctx: RequestContext, site: SiteRecord, list: ListRecord): Reply {
  const allowNonIndexed = String(ctx.headers.prefer ?? "")
    .toLowerCase()
    .includes(PREFER_NON_INDEXED);
  const column = (name: string) => list.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  const filterText = ctx.query.get("$filter");
  const referenced: string[] = [];
  if (filterText) {
    try {
      referenced.push(...fieldPaths(parseFilter(filterText)));
    } catch (error) {
      return badRequest(
        ctx,
        "invalidRequest",
        `Invalid filter clause: ${error instanceof FilterSyntaxError ? error.message : "syntax error"}.`,
      );
    }
  }
  const orderBy = ctx.query.get("$orderby")?.trim();
  const [orderPath, direction] = orderBy ? orderBy.split(/\s+/) : [];
  if (orderPath) referenced.push(orderPath);
  for (const path of referenced) {
    const name = path.replace(/^fields\//i, "");
    if (name === path) continue;
    const def = column(name);
    if (!def && name !== "id")
      return badRequest(ctx, "invalidRequest", `Column '${name}' does not exist. It may have been deleted by another user.`);
    if (def && !def.indexed && !allowNonIndexed) return nonIndexedRefusal(ctx, name);
  }
  let rows = list.items.map((item) => ({ ...itemJson(site, list, item, undefined), _item: item }));
  if (orderPath?.startsWith("fields/")) {
    const key = orderPath.slice(7);
    const sign = direction?.toLowerCase() === "desc" ? -1 : 1;
    rows = rows.sort((a, b) => {
      const x = a._item.fields[key] as string | number;
      const y = b._item.fields[key] as string | number;
      return x < y ? -sign : x > y ? sign : 0;
    });
  }
  const expand = expandedFields(ctx);
  return listCollection(ctx, rows, {
    entitySet: `sites('${site.id}')/lists('${list.id}')/items`,
    defaultTop: 200,
    maxTop: 5000,
    decorate: (out, source) => {
      const { _item } = source as { _item: ListItemRecord };
      delete out._item;
      if (expand === "none") delete out.fields;
      else out.fields = fieldsJson(list, _item, expand);
    },
  });
}

function createList(ctx: RequestContext, site: SiteRecord): Reply {
  const body = (ctx.body ?? {}) as { displayName?: unknown; description?: unknown; columns?: unknown; list?: { template?: unknown } };
  if (typeof body.displayName !== "string" || !body.displayName.trim())
    return badRequest(ctx, "invalidRequest", "The displayName property is required.");
  const columns = Array.isArray(body.columns) ? body.columns : [];
  for (const column of columns) {
    const problem = columnProblem(column);
    if (problem) return badRequest(ctx, "invalidRequest", problem);
  }
  if (site.lists.some((l) => l.displayName.toLowerCase() === String(body.displayName).toLowerCase())) {
    return badRequest(
      ctx,
      "nameAlreadyExists",
      `A list, survey, discussion board, or document library with the specified title already exists in this Web site.`,
    );
  }
  const template = typeof body.list?.template === "string" ? body.list.template : "genericList";
  const list = newList(site, {
    displayName: body.displayName,
    description: typeof body.description === "string" ? body.description : "",
    template,
    columns: columns.map((c) => ({
      ...(c as ColumnDefinition),
      id: randomUUID(),
      displayName: (c as ColumnDefinition).displayName ?? (c as ColumnDefinition).name,
    })),
  });
  if (template === "documentLibrary") {
    list.driveId = driveStore(ctx.emulator).createDrive({
      name: list.displayName,
      driveType: "documentLibrary",
      ownerKind: "site",
      ownerId: site.id,
      ownerName: site.displayName,
      webUrl: list.webUrl,
    }).id;
  }
  site.lists.push(list);
  return json(201, { "@odata.context": context(ctx, `sites('${site.id}')/lists/$entity`), ...listJson(site, list, true) });
}

function createColumn(ctx: RequestContext, list: ListRecord): Reply {
  const problem = columnProblem(ctx.body);
  if (problem) return badRequest(ctx, "invalidRequest", problem);
  const body = ctx.body as ColumnDefinition;
  if (list.columns.some((c) => c.name.toLowerCase() === body.name.toLowerCase()))
    return badRequest(ctx, "nameAlreadyExists", `A duplicate field name "${body.name}" was found.`);
  const column: ColumnDefinition = { ...body, id: randomUUID(), displayName: body.displayName ?? body.name };
  list.columns.push(column);
  return json(201, column);
}

/** Why Graph would refuse these field values (unknown or read-only column), if it would. */
function fieldsProblem(ctx: RequestContext, list: ListRecord, fields: unknown): Reply | undefined {
  if (!fields || typeof fields !== "object" || Array.isArray(fields))
    return badRequest(ctx, "invalidRequest", "The fields property must be an object.");
  for (const name of Object.keys(fields)) {
    if (name.startsWith("@")) continue;
    const column = list.columns.find((c) => c.name === name);
    if (!column) return badRequest(ctx, "invalidRequest", `Field '${name}' is not recognized`);
    if (column.readOnly) return badRequest(ctx, "invalidRequest", `Field '${name}' is read-only`);
  }
  return undefined;
}

/** Everything below one site: `rest` follows the site reference. */
function siteRequest(ctx: RequestContext, site: SiteRecord, rest: string[]): Reply {
  const [head, listRef, sub, itemId, leaf] = rest;
  if (!head)
    return ctx.method === "GET"
      ? json(200, { "@odata.context": context(ctx, "sites/$entity"), ...siteJson(site) })
      : badRequest(ctx, "invalidRequest", "Method not allowed.");
  if (head === "drive" || head === "drives") {
    return ownerDriveRequest(ctx, driveStore(ctx.emulator).drivesOf("site", site.id), rest);
  }
  if (head !== "lists") return badRequest(ctx, "BadRequest", `Resource not found for the segment '${head}'.`);
  if (!listRef) {
    if (ctx.method === "POST") return createList(ctx, site);
    return listCollection(
      ctx,
      site.lists.map((l) => listJson(site, l)),
      { entitySet: `sites('${site.id}')/lists`, defaultTop: 200, maxTop: 5000 },
    );
  }
  const list = site.lists.find(
    (l) =>
      l.id === listRef.toLowerCase() ||
      l.displayName.toLowerCase() === listRef.toLowerCase() ||
      l.name.toLowerCase() === listRef.toLowerCase(),
  );
  if (!list) return notFound(ctx, "The specified list was not found", "itemNotFound");
  const action = `${ctx.method} ${[sub, itemId ? ":item" : undefined, leaf].filter(Boolean).join("/")}`;
  const item = itemId ? list.items.find((i) => i.id === itemId) : undefined;
  if (itemId && !item && sub === "items") return notFound(ctx, "The specified list item was not found.", "itemNotFound");
  switch (action) {
    case "GET ": {
      const expand = (ctx.query.get("$expand") ?? "").toLowerCase().includes("columns");
      return json(200, { "@odata.context": context(ctx, `sites('${site.id}')/lists/$entity`), ...listJson(site, list, expand) });
    }
    case "GET columns":
      return listCollection(ctx, list.columns, {
        entitySet: `sites('${site.id}')/lists('${list.id}')/columns`,
        defaultTop: 200,
        maxTop: 5000,
      });
    case "POST columns":
      return createColumn(ctx, list);
    case "GET items":
      return listItems(ctx, site, list);
    case "POST items": {
      const fields = (ctx.body as { fields?: unknown } | undefined)?.fields;
      const problem = fieldsProblem(ctx, list, fields);
      if (problem) return problem;
      const created = addItem(list, fields as Record<string, unknown>);
      announceListChange(ctx.emulator, site, list);
      return json(201, { "@odata.context": context(ctx, "listItem/$entity"), ...itemJson(site, list, created) });
    }
    case "GET items/:item":
      return json(200, {
        "@odata.context": context(ctx, "listItem/$entity"),
        ...itemJson(site, list, item as ListItemRecord, expandedFields(ctx)),
      });
    case "PATCH items/:item/fields": {
      const problem = fieldsProblem(ctx, list, ctx.body);
      if (problem) return problem;
      const target = item as ListItemRecord;
      Object.assign(target.fields, ctx.body);
      target.version += 1;
      target.lastModifiedDateTime = new Date().toISOString();
      announceListChange(ctx.emulator, site, list);
      return json(200, { "@odata.context": context(ctx, "fieldValueSet/$entity"), ...fieldsJson(list, target) });
    }
    case "DELETE items/:item":
      list.items.splice(list.items.indexOf(item as ListItemRecord), 1);
      announceListChange(ctx.emulator, site, list);
      return noContent();
    default:
      return badRequest(ctx, "invalidRequest", `Unsupported request: ${action}.`);
  }
}

/** `{hostname}`, `{hostname}:/{path}`, `{hostname},{guid},{guid}` or `root`, then the rest. */
function findSite(emulator: Emulator, segments: string[]): { site?: SiteRecord; rest: string[] } {
  const { sites } = sitesState(emulator);
  const [ref, ...rest] = segments;
  if (!ref) return { rest };
  if (ref === "root") return { site: sites.find((s) => !s.path), rest };
  if (ref.includes(",")) return { site: sites.find((s) => s.id.toLowerCase() === ref.toLowerCase()), rest };
  const host = ref.replace(/:$/, "");
  if (host.toLowerCase() !== SHAREPOINT_HOST) return { rest };
  if (!ref.endsWith(":")) return { site: sites.find((s) => !s.path), rest };
  const names: string[] = [];
  while (rest.length > 0) {
    const segment = rest.shift() as string;
    names.push(segment.replace(/:$/, ""));
    if (segment.endsWith(":")) break;
  }
  const path = names.filter(Boolean).join("/").toLowerCase();
  return { site: sites.find((s) => s.path.toLowerCase() === path), rest };
}

/** The Sites.Selected role a request needs on its site: creating lists and columns manages the site. */
function roleNeeded(ctx: RequestContext, rest: string[]): SiteRole {
  if (ctx.method === "GET") return "read";
  const [head, , sub] = rest;
  return ctx.method === "POST" && head === "lists" && (rest.length === 1 || sub === "columns") ? "manage" : "write";
}

function sitesRequest(ctx: RequestContext): Reply {
  const segments = ctx.segments.slice(1);
  if (segments.length === 0) {
    if (ctx.method !== "GET") return badRequest(ctx, "invalidRequest", "Method not allowed.");
    const search = (ctx.query.get("search") ?? "").replace(/^\*$/, "").toLowerCase();
    const selectedOnly = reliesOnSitesSelected(ctx);
    const sites = sitesState(ctx.emulator).sites.filter(
      (s) =>
        (!selectedOnly || siteGrants(ctx).has(s.id.toLowerCase())) &&
        (!search ||
          s.displayName.toLowerCase().includes(search) ||
          s.name.toLowerCase().includes(search) ||
          s.description.toLowerCase().includes(search)),
    );
    return json(200, { "@odata.context": context(ctx, "sites"), value: sites.map(siteJson) });
  }
  const { site, rest } = findSite(ctx.emulator, segments);
  if (!site) return notFound(ctx, "Requested site could not be found", "itemNotFound");
  if (!siteSelectedAllows(ctx, site.id, roleNeeded(ctx, rest))) return siteAccessDenied(ctx);
  return siteRequest(ctx, site, rest);
}

export function registerSiteRoutes(router: Router, emulator: Emulator): void {
  sitesState(emulator);
  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) router.graph(method, /^\/sites(\/.*)?$/, sitesRequest);
}
