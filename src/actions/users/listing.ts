import { input } from "@prismatic-io/spectral";
import type { GraphClient, GraphCollection, GraphRequest, Query } from "../../graph";
import { boolean } from "../../inputs/clean";
import { fetchAllInput, filterInput, limitInput, orderByInput, searchInput, selectInputFor, topInput } from "../../inputs/common";

/**
 * What list actions return: one page as Graph sends it (value, @odata.nextLink, @odata.count), or with
 * Fetch All the collected items, whether more were left (`moreAvailable`) and where to resume when known.
 */
export type ListResult<T> = Omit<GraphCollection<T>, "value"> & { value: T[]; moreAvailable?: boolean };

export interface ListParams {
  select?: string;
  filter?: string;
  search?: string;
  orderBy?: string;
  top?: number;
  count?: boolean;
  fetchAll: boolean;
  limit?: number;
}

/** The paging inputs every list action shares: Page Size (1 to `maxTop`), Fetch All and Limit. */
export function pagingInputs(maxTop: number, what: string) {
  return { top: topInput(maxTop, what), fetchAll: fetchAllInput, limit: limitInput };
}

const directoryOrderByInput = input({
  ...orderByInput,
  comments:
    "OData $orderby: a property name, optionally followed by asc or desc. Sorting by displayName (or a user's userPrincipalName) is plain; with a Filter, by another property (like createdDateTime) or on members, Graph needs an advanced query, so $count=true and ConsistencyLevel: eventual are added.",
});

/** $select, $filter, $search and $orderby plus paging, for directory collections (users, groups). */
export function directoryQueryInputs(maxTop: number, what: string, resource: "user" | "group" | "directoryObject" = "user") {
  return {
    select: selectInputFor(resource),
    filter: filterInput,
    search: searchInput,
    orderBy: directoryOrderByInput,
    ...pagingInputs(maxTop, what),
  };
}

export const countInput = input({
  label: "Include Count",
  type: "boolean",
  required: false,
  default: "false",
  comments: "Ask Graph for @odata.count, the total number of matching objects. Adds $count=true and ConsistencyLevel: eventual.",
  clean: boolean("Include Count"),
});

/** Properties users and groups sort by without an advanced query; any other needs $count=true and ConsistencyLevel. */
const DEFAULT_SORTABLE = new Set(["displayname", "userprincipalname"]);

/**
 * Whether $orderby makes the query an advanced one: Graph sorts by displayName (and a user's userPrincipalName)
 * by default, but $filter and $orderby in the same query, or sorting by another property, are advanced queries
 * (without $count=true and ConsistencyLevel Graph answers 400 "Sorting not supported for current query.").
 */
export function sortNeedsAdvancedQuery(orderBy: string | undefined, filter: string | undefined): boolean {
  if (!orderBy) return false;
  if (filter) return true;
  return orderBy.split(",").some((part) => !DEFAULT_SORTABLE.has((part.trim().split(/\s+/)[0] ?? "").toLowerCase()));
}

export function odataQuery(params: Omit<ListParams, "fetchAll" | "limit">): Query {
  const count = params.count === true || sortNeedsAdvancedQuery(params.orderBy, params.filter);
  return {
    $select: params.select,
    $filter: params.filter,
    $search: params.search,
    $orderby: params.orderBy,
    $top: params.top,
    $count: count ? "true" : undefined,
  };
}

/**
 * A request on a reference collection (memberOf, members): Graph accepts $filter, $search and $orderby there only
 * as an advanced query, so any of them also sends $count=true and ConsistencyLevel: eventual.
 */
export function referenceListRequest(path: string, params: Omit<ListParams, "fetchAll" | "limit">): GraphRequest {
  const advanced = params.count === true || params.filter !== undefined || params.search !== undefined || params.orderBy !== undefined;
  return { path, query: odataQuery({ ...params, count: advanced }), headers: advanced ? { ConsistencyLevel: "eventual" } : undefined };
}

/** One page as Graph answers it, or (Fetch All) every item up to Limit, following @odata.nextLink. */
export async function listOrCollect<T>(
  client: GraphClient,
  request: GraphRequest,
  params: Pick<ListParams, "fetchAll" | "limit">,
): Promise<ListResult<T>> {
  if (!params.fetchAll) {
    const page = await client.get<GraphCollection<T> | null>(request.path, request.query, { headers: request.headers });
    return { ...(page ?? {}), value: page?.value ?? [] };
  }
  const result = await client.collect<T>(request, { limit: params.limit ?? 10000 });
  const out: ListResult<T> = { value: result.items, moreAvailable: result.moreAvailable };
  if (result.count !== undefined) out["@odata.count"] = result.count;
  if (result.nextLink) out["@odata.nextLink"] = result.nextLink;
  return out;
}
