import type { Presence } from "@microsoft/microsoft-graph-types";
import type { GraphClient } from "../../graph";

/** Graph's limit on user ids per POST /communications/getPresencesByUserId. */
export const PRESENCE_IDS_PER_CALL = 650;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Presence for any number of users: one getPresencesByUserId call per 650 ids, in order.
 * The one place that decides how ids are split and sent, so it can be swapped for JSON batching.
 */
export async function fetchPresences(client: GraphClient, userIds: readonly string[]): Promise<Presence[]> {
  const presences: Presence[] = [];
  for (const ids of chunk(userIds, PRESENCE_IDS_PER_CALL)) {
    const page = await client.post<{ value?: Presence[] }>("/communications/getPresencesByUserId", { ids });
    presences.push(...(page?.value ?? []));
  }
  return presences;
}
