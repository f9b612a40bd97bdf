import type { RequestContext } from "../../kernel/router";
import { json, Reply } from "../../kernel/http";
import { badRequest, parseFilterText } from "../../kernel/odata/collection";
import { FilterNode, evaluate } from "../../kernel/odata/filter";
import { contextUrl, messageView, preferenceHeaders } from "./render";
import type { Mailbox, MessageRecord } from "./store";

const MAX_TOP = 1000;
const DEFAULT_TOP = 10;

/** Property paths in the order the filter names them (first mention wins). */
function filterProperties(node: FilterNode, out: string[] = []): string[] {
  const add = (path: string) => {
    if (!out.some((p) => p.toLowerCase() === path.toLowerCase())) out.push(path);
  };
  switch (node.type) {
    case "and":
    case "or":
      filterProperties(node.left, out);
      filterProperties(node.right, out);
      break;
    case "not":
      filterProperties(node.operand, out);
      break;
    case "any":
      add(node.path);
      break;
    default:
      add(node.path);
  }
  return out;
}

interface SortKey {
  path: string;
  desc: boolean;
}

function parseOrderBy(text: string): SortKey[] {
  return text
    .split(",")
    .map((part) => part.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([path, dir]) => ({ path, desc: dir?.toLowerCase() === "desc" }));
}

/**
 * Exchange's rule for $filter with $orderby: every $orderby property also in $filter, in the same order, before
 * any other filtered property. Otherwise Graph answers InefficientFilter.
 */
export function inefficientFilter(filter: FilterNode, orderBy: SortKey[]): boolean {
  const filtered = filterProperties(filter).map((p) => p.toLowerCase());
  return orderBy.some((key, i) => filtered[i] !== key.path.toLowerCase());
}

function valueAt(item: unknown, path: string): unknown {
  let current: unknown = item;
  for (const part of path.split("/")) {
    if (!current || typeof current !== "object") return undefined;
    const record = current as Record<string, unknown>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? undefined : record[key];
  }
  return current;
}

function sortable(value: unknown): string {
  return typeof value === "string" ? value.toLowerCase() : JSON.stringify(value ?? "");
}

function sortBy(messages: MessageRecord[], keys: SortKey[]): MessageRecord[] {
  return [...messages].sort((a, b) => {
    for (const key of keys) {
      const x = sortable(valueAt(a, key.path));
      const y = sortable(valueAt(b, key.path));
      if (x !== y) return (x < y ? -1 : 1) * (key.desc ? -1 : 1);
    }
    return 0;
  });
}

/** KQL as far as the emulator needs: `"word"` over subject, body and sender, or `"property:value"`. */
function searchMatches(message: MessageRecord, raw: string): boolean {
  const text = raw.replace(/^"|"$/g, "").trim().toLowerCase();
  const m = /^(subject|from|to|body):(.+)$/.exec(text);
  const needle = (m ? m[2] : text).replace(/^"|"$/g, "");
  const fields: Record<string, string[]> = {
    subject: [message.subject],
    from: [message.from?.emailAddress.address ?? "", message.from?.emailAddress.name ?? ""],
    to: message.toRecipients.map((r) => r.emailAddress.address),
    body: [message.body.content],
  };
  const haystack = m ? fields[m[1]] : [...fields.subject, ...fields.from, message.bodyPreview];
  return haystack.some((h) => h.toLowerCase().includes(needle));
}

export function nextLinkWith(ctx: RequestContext, name: string, value: string, drop: string[] = []): string {
  const url = new URL(ctx.url.toString());
  for (const key of [name, ...drop]) url.searchParams.delete(key);
  const search = url.search ? `${url.search}&` : "?";
  return `${url.origin}${url.pathname}${search}${name}=${encodeURIComponent(value)}`.replace(/%24/g, "$");
}

/** A message collection with Graph's $filter/$orderby/$search/$select/$top/$skip rules and errors. */
export function listMessages(ctx: RequestContext, box: Mailbox, messages: MessageRecord[]): Reply {
  const q = ctx.query;
  const filterText = q.get("$filter");
  const searchText = q.get("$search");
  const orderText = q.get("$orderby");
  if (searchText && filterText)
    return badRequest(ctx, "SearchWithFilter", "The query parameter '$filter' is not supported with '$search'.");
  if (searchText && orderText)
    return badRequest(ctx, "SearchWithOrderBy", "The query parameter '$orderBy' is not supported with '$search'.");
  const filter = parseFilterText(ctx, filterText);
  if (filter && "status" in filter) return filter;
  const orderBy = orderText ? parseOrderBy(orderText) : [];
  if (filter && orderBy.length > 0 && inefficientFilter(filter, orderBy)) {
    return badRequest(ctx, "InefficientFilter", "The restriction or sort order is too complex for this operation.");
  }
  const topText = q.get("$top");
  const top = topText === null ? DEFAULT_TOP : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    return badRequest(
      ctx,
      "ErrorInvalidUrlQuery",
      `The value '${topText ?? ""}' of the $top query parameter is not valid: between 1 and ${MAX_TOP}.`,
    );
  }
  let matched = filter ? messages.filter((m) => evaluate(filter, m)) : messages;
  if (searchText) matched = matched.filter((m) => searchMatches(m, searchText));
  matched = sortBy(matched, orderBy.length > 0 ? orderBy : [{ path: "receivedDateTime", desc: true }]);
  const skip = Number(q.get("$skip") ?? 0) || 0;
  const page = matched.slice(skip, skip + top);
  const body: Record<string, unknown> = { "@odata.context": contextUrl(ctx, box, "messages") };
  body.value = page.map((m) => messageView(ctx, box, m));
  if (skip + top < matched.length) body["@odata.nextLink"] = nextLinkWith(ctx, "$skip", String(skip + top));
  return json(200, body, preferenceHeaders(ctx));
}
