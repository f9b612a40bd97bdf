import type { Presence } from "@microsoft/microsoft-graph-types";
import { GraphClient, batchResponseError, isSuccess, runBatch } from "../../graph";

/** Graph's limit on user ids per POST /communications/getPresencesByUserId. */
export const PRESENCE_IDS_PER_CALL = 650;
const PRESENCE_PATH = "/communications/getPresencesByUserId";

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Graph does not promise to answer in the order asked; put each presence at the place of its id. */
function inOrderOf(userIds: readonly string[], presences: Presence[]): Presence[] {
  const position = new Map(userIds.map((id, i) => [id.toLowerCase(), i]));
  const at = (p: Presence) => position.get((p.id ?? "").toLowerCase()) ?? Number.MAX_SAFE_INTEGER;
  return [...presences].sort((a, b) => at(a) - at(b));
}

/**
 * Presence for any number of users, in the order of the ids. Up to 650 ids is one getPresencesByUserId call;
 * longer lists send their 650-id calls as sub-requests of JSON batches (20 calls, 13,000 ids per round trip),
 * with throttled sub-requests retried after their Retry-After. The POST only reads, so a 503 or 504 is safe to retry.
 */
export async function fetchPresences(client: GraphClient, userIds: readonly string[]): Promise<Presence[]> {
  const chunks = chunk(userIds, PRESENCE_IDS_PER_CALL);
  if (chunks.length === 1) {
    const page = await client.post<{ value?: Presence[] }>(PRESENCE_PATH, { ids: chunks[0] });
    return inOrderOf(userIds, page?.value ?? []);
  }
  const requests = chunks.map((ids, i) => ({ id: String(i + 1), method: "POST", url: PRESENCE_PATH, body: { ids } }));
  const responses = await runBatch(client, requests, { readOnly: true });
  const failed = responses.findIndex((response) => !isSuccess(response));
  if (failed >= 0) {
    const error = batchResponseError(requests[failed], responses[failed]);
    // As the core does for a single request: a 403 carries the token's claims, so its message can name what to grant.
    if (error.status === 403) error.tokenClaims = await client.tokenClaims();
    throw error;
  }
  const presences = responses.flatMap((response) => (response.body as { value?: Presence[] } | undefined)?.value ?? []);
  return inOrderOf(userIds, presences);
}
