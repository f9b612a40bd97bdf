import { input } from "@prismatic-io/spectral";
import type { GraphClient, GraphRequest } from "../graph";
import { integer, optionalString } from "../inputs/clean";

export interface PicklistOption {
  label: string;
  key: string;
}

export const searchTextInput = input({
  label: "Search",
  type: "string",
  required: false,
  example: "adele",
  comments: "Only list entries whose name starts with a word beginning with this text. Empty lists everything, up to Max Results.",
  clean: optionalString,
});

export const maxResultsInput = input({
  label: "Max Results",
  type: "string",
  required: false,
  default: "10000",
  comments: "The most entries to list (1 to 100,000). Pages of 999 are fetched until this many; in large tenants, type a Search instead.",
  clean: integer("Max Results", { min: 1, max: 100_000, fallback: 10_000 }),
});

/** Pages through a Graph collection (up to `limit` items) and turns each item into a picklist entry, sorted by label. */
export async function picklistFrom<T>(
  client: GraphClient,
  request: GraphRequest,
  limit: number,
  toOption: (item: T) => PicklistOption,
): Promise<PicklistOption[]> {
  const { items } = await client.collect<T>(request, { limit });
  return sortByLabel(items.map(toOption));
}

export function sortByLabel(options: PicklistOption[]): PicklistOption[] {
  return options.sort((a, b) => a.label.localeCompare(b.label, "en", { sensitivity: "base" }));
}

/** Case-insensitive match of search text against the start of any word, as Graph's $search matches tokens. */
export function matchesSearch(text: string, search: string | undefined): boolean {
  if (!search) return true;
  const needle = search.toLowerCase();
  return text.toLowerCase().startsWith(needle) || text.split(/[\s._@\-'()]+/).some((word) => word.toLowerCase().startsWith(needle));
}
