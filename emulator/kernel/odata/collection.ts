import type { RequestContext } from "../router";
import { Reply, graphError, json } from "../http";
import { FilterNode, FilterSyntaxError, evaluate, filterFeatures, parseFilter } from "./filter";

export interface CollectionOptions {
  /** Entity set name for @odata.context, e.g. "users". */
  entitySet: string;
  defaultTop: number;
  maxTop: number;
  /** Properties returned when there is no $select. Empty: every property. */
  defaultSelect?: readonly string[];
  /** Directory objects (users, groups): $search, $count and endsWith/ne/not need ConsistencyLevel: eventual. */
  directoryObject?: boolean;
  /** Properties $search looks in. */
  searchable?: readonly string[];
  /** Extra properties always added to each item (e.g. "@odata.type"). */
  decorate?: (item: Record<string, unknown>, source: unknown) => void;
}

export function selectProperties(item: object, select: readonly string[] | undefined): Record<string, unknown> {
  const source = item as Record<string, unknown>;
  if (!select || select.length === 0) return { ...source };
  const out: Record<string, unknown> = {};
  for (const name of select) {
    const key = Object.keys(source).find((k) => k.toLowerCase() === name.toLowerCase());
    out[key ?? name] = key === undefined ? null : source[key];
  }
  return out;
}

export function parseSelect(ctx: RequestContext): string[] | undefined {
  const raw = ctx.query.get("$select");
  if (!raw) return undefined;
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function clientRequestId(ctx: RequestContext): string | undefined {
  const v = ctx.headers["client-request-id"];
  return typeof v === "string" ? v : undefined;
}

export function badRequest(ctx: RequestContext, code: string, message: string): Reply {
  return graphError(400, code, message, ctx.requestId, clientRequestId(ctx));
}

export function notFound(ctx: RequestContext, message: string, code = "Request_ResourceNotFound"): Reply {
  return graphError(404, code, message, ctx.requestId, clientRequestId(ctx));
}

function hasEventualConsistency(ctx: RequestContext): boolean {
  return String(ctx.headers.consistencylevel ?? "").toLowerCase() === "eventual";
}

/** Parses `"displayName:ann" AND "mail:ann"`; returns clauses joined by a single operator. */
function parseSearch(raw: string): { op: "AND" | "OR"; clauses: { property: string; value: string }[] } | undefined {
  const clauses: { property: string; value: string }[] = [];
  const pattern = /"([^":]+):((?:[^"\\]|\\.)*)"/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(raw))) clauses.push({ property: m[1], value: m[2].replace(/\\(.)/g, "$1") });
  if (clauses.length === 0) return undefined;
  return { op: /\bOR\b/.test(raw) ? "OR" : "AND", clauses };
}

function searchMatches(item: Record<string, unknown>, property: string, value: string): boolean {
  const key = Object.keys(item).find((k) => k.toLowerCase() === property.toLowerCase());
  const text = key ? item[key] : undefined;
  if (typeof text !== "string") return false;
  const needle = value.toLowerCase();
  // Graph tokenizes on spaces, casing and punctuation, and matches tokens by prefix.
  return text.toLowerCase().startsWith(needle) || text.split(/[\s._@\-']+/).some((w) => w.toLowerCase().startsWith(needle));
}

interface SkipToken {
  offset: number;
}

export function encodeSkipToken(token: SkipToken): string {
  return `RFNwdAIAAQ${Buffer.from(JSON.stringify(token)).toString("base64url")}`;
}

export function decodeSkipToken(raw: string | null): SkipToken | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(Buffer.from(raw.replace(/^RFNwdAIAAQ/, ""), "base64url").toString("utf8")) as SkipToken;
  } catch {
    return undefined;
  }
}

/** The URL of the next page: the request's own URL with $skiptoken replaced, as Graph builds it. */
export function nextLinkFor(ctx: RequestContext, token: string): string {
  const url = new URL(ctx.url.toString());
  url.searchParams.delete("$skiptoken");
  const search = url.search ? `${url.search}&` : "?";
  return `${url.origin}${url.pathname}${search}$skiptoken=${encodeURIComponent(token)}`.replace(/%24/g, "$");
}

function sortKey(value: unknown): string {
  return typeof value === "string" ? value.toLowerCase() : JSON.stringify(value ?? "");
}

/** Parses a $filter text, or answers Graph's 400 for a filter it cannot read. */
export function parseFilterText(ctx: RequestContext, text: string | null | undefined): FilterNode | Reply | undefined {
  if (!text) return undefined;
  try {
    return parseFilter(text);
  } catch (error) {
    const detail = error instanceof FilterSyntaxError ? error.message : "syntax error";
    return badRequest(ctx, "BadRequest", `Invalid filter clause: ${detail}.`);
  }
}

/** Applies $filter, $search, $orderby, $count, $top, $skiptoken and $select to a list, with Graph's rules and errors. */
export function listCollection(ctx: RequestContext, items: readonly object[], options: CollectionOptions): Reply {
  const q = ctx.query;
  const eventual = hasEventualConsistency(ctx);
  const filterText = q.get("$filter");
  const searchText = q.get("$search");
  const countRequested = q.get("$count") === "true";
  const filter = parseFilterText(ctx, filterText);
  if (filter && "status" in filter) return filter;

  if (options.directoryObject) {
    if (searchText && !eventual) {
      return badRequest(
        ctx,
        "Request_UnsupportedQuery",
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    const features = filter ? filterFeatures(filter) : new Set<string>();
    for (const op of ["endswith", "ne", "not"]) {
      if (!features.has(op)) continue;
      const name = op === "endswith" ? "endsWith" : op;
      if (!eventual) {
        return badRequest(
          ctx,
          "Request_UnsupportedQuery",
          `Operator '${name}' is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
        );
      }
      if (!countRequested) {
        return badRequest(
          ctx,
          "Request_UnsupportedQuery",
          `Operator '${name}' is not supported because the required parameters might be missing. Try adding $count with a value of true and ConsistencyLevel header with a value of eventual. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
        );
      }
    }
  }
  // On directory objects, ?$count=true without ConsistencyLevel: eventual is silently ignored (only /$count errors).
  const countAnswered = countRequested && (eventual || !options.directoryObject);

  const topText = q.get("$top");
  let top = options.defaultTop;
  if (topText !== null) {
    top = Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > options.maxTop) {
      return badRequest(
        ctx,
        "Request_BadRequest",
        `Invalid page size specified: '${topText}'. Must be between 1 and ${options.maxTop} inclusive.`,
      );
    }
  }

  let matched: readonly object[] = items;
  if (filter) matched = matched.filter((item) => evaluate(filter, item));
  if (searchText) {
    const search = parseSearch(searchText);
    if (!search)
      return badRequest(
        ctx,
        "Request_UnsupportedQuery",
        `Syntax error: character '${searchText[0] ?? ""}' is not valid at position 0 in '${searchText}'.`,
      );
    matched = matched.filter((item) => {
      const hits = search.clauses.map((c) => searchMatches(item as Record<string, unknown>, c.property, c.value));
      return search.op === "OR" ? hits.some(Boolean) : hits.every(Boolean);
    });
  }
  const orderBy = q.get("$orderby");
  if (orderBy) {
    const [prop, dir] = orderBy.trim().split(/\s+/);
    const sign = dir?.toLowerCase() === "desc" ? -1 : 1;
    matched = [...matched].sort((a, b) => {
      const x = sortKey((a as Record<string, unknown>)[prop]);
      const y = sortKey((b as Record<string, unknown>)[prop]);
      return x < y ? -sign : x > y ? sign : 0;
    });
  }

  const token = decodeSkipToken(q.get("$skiptoken"));
  if (q.get("$skiptoken") && !token)
    return badRequest(ctx, "Request_BadRequest", "The specified page token value has expired or is invalid.");
  const offset = token?.offset ?? 0;
  const page = matched.slice(offset, offset + top);
  const select = parseSelect(ctx) ?? (options.defaultSelect ? [...options.defaultSelect] : undefined);
  const value = page.map((item) => {
    const out = selectProperties(item, select);
    options.decorate?.(out, item);
    return out;
  });

  const base = `${ctx.url.origin}/${ctx.version ?? "v1.0"}`;
  const body: Record<string, unknown> = {
    "@odata.context": `${base}/$metadata#${options.entitySet}${select && parseSelect(ctx) ? `(${select.join(",")})` : ""}`,
  };
  if (countAnswered) body["@odata.count"] = matched.length;
  if (offset + top < matched.length) body["@odata.nextLink"] = nextLinkFor(ctx, encodeSkipToken({ offset: offset + top }));
  body.value = value;
  return json(200, body);
}
