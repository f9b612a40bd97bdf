import type { ApiVersion, GraphClient } from "../../graph";
import { InputError } from "../../graph";
import { Checkpoint, decodeCheckpoint, encodeCheckpoint, idKey } from "./checkpoint";
import { canonicalTimestamp, shiftTimestamp } from "./timestamps";

export type AuditFeedKey = "signIns" | "directoryAudits" | "provisioning";

export interface AuditFeed {
  key: AuditFeedKey;
  path: string;
  /** The event time; every audit log supports $orderby on it. */
  timeProperty: "createdDateTime" | "activityDateTime";
  /** Whether $filter takes ge/le on the time property (provisioning takes only eq, gt, lt). */
  inclusiveOperators: boolean;
  maxPageSize: number;
}

export const AUDIT_FEEDS: Record<AuditFeedKey, AuditFeed> = {
  signIns: { key: "signIns", path: "/auditLogs/signIns", timeProperty: "createdDateTime", inclusiveOperators: true, maxPageSize: 1000 },
  directoryAudits: {
    key: "directoryAudits",
    path: "/auditLogs/directoryAudits",
    timeProperty: "activityDateTime",
    inclusiveOperators: true,
    maxPageSize: 1000,
  },
  provisioning: {
    key: "provisioning",
    path: "/auditLogs/provisioning",
    timeProperty: "activityDateTime",
    inclusiveOperators: false,
    maxPageSize: 1000,
  },
};

export interface AuditEvent {
  id?: string | null;
  createdDateTime?: string | null;
  activityDateTime?: string | null;
}

export interface FetchSinceOptions {
  /** The most new events to return (events already delivered do not count). */
  limit: number;
  /** $top per request; Graph's default when absent. */
  pageSize?: number;
  /** Window bounds, inclusive, as ISO 8601 text. */
  from?: string;
  to?: string;
  /** Extra $filter, combined with the window by `and`. */
  filter?: string;
  apiVersion?: ApiVersion;
  /** Also re-read this many seconds before the checkpoint, for events that reach the log late. Default 0. */
  lookBackSeconds?: number;
}

export interface FetchSinceResult<T> {
  events: T[];
  /** Pass back to the next call to get only newer events. */
  checkpoint: string;
  /** Newest event time delivered so far (canonical UTC), null before the first event. */
  newest: string | null;
  /** The limit stopped the read before the end of the feed. */
  moreAvailable: boolean;
  pages: number;
}

function bound(value: string | undefined, label: string): string | undefined {
  if (value === undefined) return undefined;
  const canonical = canonicalTimestamp(value);
  if (!canonical) throw new InputError(label, `"${value}" is not an ISO 8601 date or date-time`);
  return canonical;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/** The window as Graph's filter for this feed; feeds without ge/le get a one-second wider gt/lt, trimmed after. */
function windowFilter(
  feed: AuditFeed,
  lower: string | undefined,
  upper: string | undefined,
  extra: string | undefined,
): string | undefined {
  const clauses: string[] = [];
  const property = feed.timeProperty;
  if (lower) clauses.push(feed.inclusiveOperators ? `${property} ge ${lower}` : `${property} gt ${shiftTimestamp(lower, -1)}`);
  if (upper) clauses.push(feed.inclusiveOperators ? `${property} le ${upper}` : `${property} lt ${shiftTimestamp(upper, 1)}`);
  if (extra) clauses.push(clauses.length > 0 ? `(${extra})` : extra);
  return clauses.length > 0 ? clauses.join(" and ") : undefined;
}

/**
 * Reads an audit log from a checkpoint, oldest first ($orderby on the event time, ascending), so that a limit
 * reached mid-stream never moves the checkpoint past an event not yet returned. Events at the checkpoint's
 * time (or within the look-back window) that were already delivered are dropped by id: each event comes out
 * exactly once across calls, including late arrivals that share a timestamp with delivered ones.
 */
export async function fetchSince<T extends AuditEvent>(
  client: GraphClient,
  feedKey: AuditFeedKey,
  checkpoint: string | Checkpoint | undefined,
  options: FetchSinceOptions,
): Promise<FetchSinceResult<T>> {
  const feed = AUDIT_FEEDS[feedKey];
  const previous = typeof checkpoint === "string" ? decodeCheckpoint(checkpoint, feed.key) : checkpoint;
  if (previous && previous.feed !== feed.key) throw new InputError("Checkpoint", `belongs to the ${previous.feed} feed, not ${feed.key}`);
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new InputError("Limit", "must be a whole number of at least 1");
  const lookBack = options.lookBackSeconds ?? 0;
  const from = bound(options.from, "From");
  const to = bound(options.to, "To");
  if (from && to && from > to) throw new InputError("From", `${from} is after To (${to})`);

  const resumeAt = previous?.newest ? shiftTimestamp(previous.newest, -lookBack) : undefined;
  const lower = later(from, resumeAt);
  const delivered = new Map<string, string>();
  for (const [time, ids] of Object.entries(previous?.seen ?? {})) for (const id of ids) delivered.set(id, time);

  const events: T[] = [];
  let newest = previous?.newest ?? undefined;
  let moreAvailable = false;
  let pages = 0;
  const query = {
    $filter: windowFilter(feed, lower, to, options.filter),
    $orderby: `${feed.timeProperty} asc`,
    $top: options.pageSize,
  };
  read: for await (const page of client.pages<T>({ path: feed.path, query, apiVersion: options.apiVersion, autoConsistency: false })) {
    pages += 1;
    for (let i = 0; i < page.items.length; i++) {
      const event = page.items[i];
      const time = canonicalTimestamp(String(event[feed.timeProperty] ?? ""));
      const id = event.id ?? undefined;
      if (time && ((lower && time < lower) || (to && time > to))) continue;
      if (id !== undefined && delivered.has(idKey(id))) continue;
      events.push(event);
      if (id !== undefined && time) delivered.set(idKey(id), time);
      newest = later(newest, time);
      if (events.length >= options.limit) {
        moreAvailable = i < page.items.length - 1 || Boolean(page.nextLink);
        break read;
      }
    }
  }

  const newestOrStart = newest ?? from ?? null;
  const keepFrom = newestOrStart ? shiftTimestamp(newestOrStart, -lookBack) : undefined;
  const seen: Record<string, string[]> = {};
  for (const [id, time] of delivered) {
    if (keepFrom && time >= keepFrom) (seen[time] ??= []).push(id);
  }
  return {
    events,
    checkpoint: encodeCheckpoint({ feed: feed.key, newest: newestOrStart, seen }),
    newest: newestOrStart,
    moreAvailable,
    pages,
  };
}
