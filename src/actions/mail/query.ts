import { InputError } from "../../graph";

const IDENTIFIER = String.raw`[A-Za-z_]\w*(?:\/[A-Za-z_]\w*)*`;
const PATTERNS = [
  new RegExp(String.raw`(${IDENTIFIER})\s+(?:eq|ne|gt|ge|lt|le|in)\b`, "gi"),
  new RegExp(String.raw`\b(?:startswith|endswith|contains)\s*\(\s*(${IDENTIFIER})\s*,`, "gi"),
  new RegExp(String.raw`(${IDENTIFIER})\/(?:any|all)\s*\(`, "gi"),
];

/** The properties a $filter names, in the order it first names them (string literals and lambda variables left out). */
export function filterProperties(filter: string): string[] {
  const text = filter.replace(/'(?:[^']|'')*'/g, "''");
  const lambdaVars = new Set([...text.matchAll(/\b(?:any|all)\s*\(\s*(\w+)\s*:/gi)].map((m) => m[1].toLowerCase()));
  const found: { at: number; path: string }[] = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const path = m[1];
      if (!lambdaVars.has(path.split("/")[0].toLowerCase())) found.push({ at: m.index ?? 0, path });
    }
  }
  const ordered: string[] = [];
  for (const { path } of found.sort((a, b) => a.at - b.at)) {
    if (!ordered.some((p) => p.toLowerCase() === path.toLowerCase())) ordered.push(path);
  }
  return ordered;
}

export function orderByProperties(orderBy: string): string[] {
  return orderBy
    .split(",")
    .map((part) => part.trim().split(/\s+/)[0])
    .filter((p): p is string => Boolean(p));
}

/**
 * Exchange's rule for $filter with $orderby on messages: every $orderby property must also be in $filter, in the
 * same order, before any other property. Otherwise Graph answers 400 InefficientFilter; this says how to fix it first.
 */
export function checkFilterOrder(filter: string | undefined, orderBy: string | undefined): void {
  if (!filter || !orderBy) return;
  const sorted = orderByProperties(orderBy);
  const filtered = filterProperties(filter);
  const fits = sorted.every((p, i) => filtered[i]?.toLowerCase() === p.toLowerCase());
  if (fits) return;
  const lead = sorted.map((p) => (/DateTime$/i.test(p) ? `${p} ge 1900-01-01T00:00:00Z` : `${p} ne null`)).join(" and ");
  throw new InputError(
    "Order By",
    `with a Filter, Graph answers InefficientFilter unless every Order By property (${sorted.join(", ")}) also appears in the Filter, in the same order, before any other property (the Filter names ${filtered.join(", ") || "none"}). Start the Filter with them, e.g. "${lead} and ${filter}", or leave Order By empty.`,
  );
}

/** Graph's $search on messages stands alone: no $filter, no $orderby. */
export function checkSearchAlone(search: string | undefined, others: Record<string, boolean>): void {
  if (!search) return;
  const clash = Object.entries(others)
    .filter(([, used]) => used)
    .map(([name]) => name);
  if (clash.length) {
    throw new InputError(
      "Search",
      `cannot be combined with ${clash.join(" or ")}: Graph does not take $search with $filter or $orderby on messages (search results come by relevance)`,
    );
  }
}

/** `$search` text in the double quotes Graph wants, unless already quoted. */
export function quoteSearch(search: string): string {
  return /^".*"$/.test(search) ? search : `"${search.replace(/"/g, '\\"')}"`;
}
