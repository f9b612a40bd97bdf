import type { GraphClient } from "../graph";
import { Checkpoint, idKey } from "../actions/auditLogs/checkpoint";
import { canonicalTimestamp, shiftTimestamp } from "../actions/auditLogs/timestamps";

export const ALERTS_FEED = "alertsV2";

export interface AlertEvent {
  id?: string | null;
  createdDateTime?: string | null;
}

export interface AlertsSinceOptions {
  limit: number;
  /** Lower bound (canonical) when there is no checkpoint yet. */
  from?: string;
  lookBackSeconds: number;
  filter?: string;
}

/** Alerts read in one call before giving up, so that a misconfigured window cannot exhaust memory. */
const MAX_ALERTS_IN_WINDOW = 50_000;

function timeOf(alert: AlertEvent): string {
  return canonicalTimestamp(String(alert.createdDateTime ?? "")) ?? "";
}

/**
 * The checkpoint logic of the audit log actions for /security/alerts_v2, which takes $filter but not $orderby:
 * the whole window (from the checkpoint, minus the look-back) is read, sorted here by createdDateTime, and what
 * was already delivered is dropped by id. Returns at most `limit` alerts, oldest first.
 */
export async function fetchAlertsSince<T extends AlertEvent>(
  client: GraphClient,
  previous: Checkpoint | undefined,
  options: AlertsSinceOptions,
): Promise<{ events: T[]; checkpoint: Checkpoint; moreAvailable: boolean }> {
  const resumeAt = previous?.newest ? shiftTimestamp(previous.newest, -options.lookBackSeconds) : undefined;
  const lower = resumeAt ?? options.from;
  const delivered = new Map<string, string>();
  for (const [time, ids] of Object.entries(previous?.seen ?? {})) for (const id of ids) delivered.set(id, time);

  const clauses = [lower ? `createdDateTime ge ${lower}` : undefined, options.filter ? `(${options.filter})` : undefined].filter(Boolean);
  const fresh: T[] = [];
  for await (const alert of client.items<T>({
    path: "/security/alerts_v2",
    query: { $filter: clauses.join(" and ") || undefined },
    autoConsistency: false,
  })) {
    if (alert.id && delivered.has(idKey(alert.id))) continue;
    if (lower && timeOf(alert) < lower) continue;
    fresh.push(alert);
    if (fresh.length > MAX_ALERTS_IN_WINDOW)
      throw new Error(`More than ${MAX_ALERTS_IN_WINDOW} new alerts in one window; narrow the Filter or shorten the look-back.`);
  }
  fresh.sort((a, b) => (timeOf(a) < timeOf(b) ? -1 : timeOf(a) > timeOf(b) ? 1 : String(a.id).localeCompare(String(b.id))));
  const events = fresh.slice(0, options.limit);

  let newest = previous?.newest ?? options.from ?? null;
  for (const alert of events) {
    const time = timeOf(alert);
    if (alert.id) delivered.set(idKey(alert.id), time);
    if (!newest || time > newest) newest = time;
  }
  const keepFrom = newest ? shiftTimestamp(newest, -options.lookBackSeconds) : undefined;
  const seen: Record<string, string[]> = {};
  for (const [id, time] of delivered) if (keepFrom && time >= keepFrom) (seen[time] ??= []).push(id);
  return { events, checkpoint: { feed: ALERTS_FEED, newest, seen }, moreAvailable: fresh.length > events.length };
}
