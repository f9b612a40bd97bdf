import { InputError } from "../../graph";
import type { GraphClient, GraphCollection, GraphRequest } from "../../graph";

export interface Paging {
  fetchAll: boolean;
  limit?: number;
}

export interface FetchAllPayload<T> {
  value: T[];
  moreAvailable: boolean;
  "@odata.nextLink"?: string;
  "@odata.count"?: number;
}

/**
 * A list action's result: Graph's own page (value and @odata.nextLink) with Fetch All off, or up to Limit
 * items across pages with Fetch All on (value, moreAvailable, and the nextLink to resume when the limit fell on a page boundary).
 */
export async function listResult<T>(
  client: GraphClient,
  request: GraphRequest,
  paging: Paging,
): Promise<{ data: GraphCollection<T> | FetchAllPayload<T> }> {
  if (!paging.fetchAll) {
    const page = await client.request<GraphCollection<T>>({ ...request, method: "GET" });
    return { data: { ...page.data, value: page.data?.value ?? [] } };
  }
  const all = await client.collect<T>({ ...request, method: "GET" }, { limit: paging.limit ?? 10000 });
  const data: FetchAllPayload<T> = { value: all.items, moreAvailable: all.moreAvailable };
  if (all.nextLink) data["@odata.nextLink"] = all.nextLink;
  if (all.count !== undefined) data["@odata.count"] = all.count;
  return { data };
}

/**
 * The PATCH body of an update action: only the fields given, so that Graph leaves every other field as it is.
 * An update with nothing given is refused, naming the inputs (`labels`) that could have been set.
 */
export function onlyGiven(fields: Record<string, unknown>, labels: string[]): Record<string, unknown> {
  const given = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
  if (Object.keys(given).length === 0) {
    const list = `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1] ?? ""}`;
    throw new InputError(labels[0] ?? "Fields", `nothing to update: set at least one of ${list}`);
  }
  return given;
}
