import { InputError } from "./errors";

/** Escapes a value for an OData string literal: a single quote doubles. The result goes between quotes. */
export function escapeODataString(value: string): string {
  return value.replace(/'/g, "''");
}

/** Quotes a value as an OData string literal: `o'brien` becomes `'o''brien'`. */
export function odataString(value: string): string {
  return `'${escapeODataString(value)}'`;
}

/** A `$search` clause as directory objects expect it: `"property:value"`, with `"` and `\` escaped. */
export function searchClause(property: string, value: string): string {
  return `"${property}:${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Checks a value meant for one path segment before any request: not empty, not `.` or `..` (which URL resolution
 * turns into "this" or "the parent" segment: `/security/alerts/..` is `/security/`), and encodable (a lone UTF-16
 * surrogate cannot be sent as UTF-8). Returns the trimmed value.
 */
export function checkSegment(value: unknown, inputName = "id"): string {
  if (typeof value !== "string" || value.trim() === "") throw new InputError(inputName, "is empty");
  const trimmed = value.trim();
  if (trimmed === "." || trimmed === "..") throw new InputError(inputName, `"${trimmed}" is not an id: . and .. would leave the path`);
  if (/\p{Cs}/u.test(trimmed)) throw new InputError(inputName, "holds a lone UTF-16 surrogate (a broken character) and cannot be sent");
  return trimmed;
}

/** Encodes one path segment so that `/`, `?`, `#`, `%`, `.` and `..` in an id cannot reach another endpoint. */
export function encodeSegment(value: string, inputName = "id"): string {
  return encodeURIComponent(checkSegment(value, inputName)).replace(/'/g, "%27");
}

/** Tagged template for Graph paths: every interpolated value is an encoded path segment. */
export function graphPath(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeSegment(values[i]) : ""), "");
}

/**
 * The path of a user by object id or userPrincipalName, with an optional suffix (`/manager`). Graph reads a UPN
 * that starts with `$` as a system query option in the plain form, so such a UPN takes the key form /users('$…').
 */
export function userPath(ref: string, suffix = ""): string {
  const trimmed = ref.trim();
  if (trimmed.startsWith("$")) return `/users(${encodeSegment(odataString(trimmed), "User")})${suffix}`;
  return `/users/${encodeSegment(trimmed, "User")}${suffix}`;
}

export type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue>;

const ADVANCED_FILTER = /\bendswith\s*\(|\bne\s|\bnot\s*\(|\bnot\s/i;

/** The filter with its string literals blanked, so that user text cannot look like an operator. */
function filterOperators(query: Query): string {
  return typeof query.$filter === "string" ? query.$filter.replace(/'(?:[^']|'')*'/g, "''") : "";
}

/** Whether a directory-object query needs `ConsistencyLevel: eventual` (Graph's "advanced queries"). */
export function needsEventualConsistency(query: Query): boolean {
  return Boolean(query.$search) || String(query.$count) === "true" || ADVANCED_FILTER.test(filterOperators(query));
}

/** Whether Graph additionally demands `$count=true` (endsWith, ne and not on directory objects). */
export function needsCount(query: Query): boolean {
  return ADVANCED_FILTER.test(filterOperators(query));
}

/** Serializes query parameters; `$` stays literal (Graph accepts both, and nextLinks use it). */
export function toQueryString(query: Query | undefined): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    parts.push(`${encodeURIComponent(key).replace(/^%24/, "$")}=${encodeURIComponent(String(value))}`);
  }
  return parts.join("&");
}
