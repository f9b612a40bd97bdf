import type { GraphClient } from "./client";
import { GraphError, InputError } from "./errors";

export interface DeltaRemoved {
  /** "changed": soft-deleted (restorable) or moved out of scope; "deleted": gone for good. */
  reason: string;
}

/** One entry of a delta round: the object's (selected) properties, or its id with `@removed`. */
export interface DeltaItem {
  id: string;
  "@removed"?: DeltaRemoved;
  [property: string]: unknown;
}

export interface DeltaRoundOptions {
  /** Entity set relative to the version root, e.g. "users" or "groups". */
  resource: string;
  /** The `@odata.deltaLink` of the previous round; absent starts a full round. */
  deltaLink?: string;
  /** Comma-separated $select for a new round (a delta link carries its own). */
  select?: string;
  /** Ask only for a delta link that starts from now (`$deltatoken=latest`): no objects are read. */
  latestOnly?: boolean;
  /** A round with more distinct objects than this fails rather than holding them all in memory. */
  maxChanges?: number;
  /** Objects per page (`Prefer: odata.maxpagesize`); Graph's default if absent. */
  pageSize?: number;
  /** Name of the input that supplied the delta link, for error messages. */
  deltaLinkInput?: string;
}

export interface DeltaRound<T extends DeltaItem = DeltaItem> {
  /** Each object once, in the order Graph first reported it, with later pages' properties merged in. */
  changes: T[];
  /** Where the next round starts. */
  deltaLink: string;
  /** The delta link was expired or unknown to Graph, so a full round was read instead. */
  resynced: boolean;
  /** Graph's error code that caused the resync. */
  resyncCode?: string;
  pages: number;
}

export const DEFAULT_MAX_DELTA_CHANGES = 100_000;

const RESYNC_CODES = new Set(["syncstatenotfound", "resyncrequired", "syncstateinvalid", "resyncapplicationrequired"]);

/** Graph's ways of saying "this delta or skip token is no good: start a full round" (410 Gone, or 400 syncStateNotFound for directory objects). */
export function isResyncError(error: unknown): error is GraphError {
  return error instanceof GraphError && (error.status === 410 || RESYNC_CODES.has(error.code.toLowerCase()));
}

/** Checks that a delta link belongs to this resource's delta function before anything is sent. */
export function checkDeltaLink(link: string, resource: string, inputName = "Delta Link"): void {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new InputError(inputName, "is not a URL: give the @odata.deltaLink of a previous round");
  }
  const path = new RegExp(`^/(v1\\.0|beta)/${resource}/(microsoft\\.graph\\.)?delta(\\(\\))?$`, "i");
  if (!path.test(url.pathname))
    throw new InputError(inputName, `is not a ${resource} delta link (expected .../${resource}/delta?$deltatoken=...)`);
  if (!url.searchParams.has("$deltatoken"))
    throw new InputError(inputName, "has no $deltatoken: give the @odata.deltaLink from the last page of a round");
}

/**
 * Merges a later entry for the same object. Relationship changes (`members@delta`, `owners@delta`) of a large group
 * come spread over several entries, each with part of the list, so those lists are joined (a later entry for the same
 * member wins); other properties take the later value.
 */
function mergeInto(seen: DeltaItem, item: DeltaItem): void {
  for (const [key, value] of Object.entries(item)) {
    const earlier = seen[key];
    if (key.endsWith("@delta") && Array.isArray(earlier) && Array.isArray(value)) {
      const byMember = new Map<unknown, unknown>();
      for (const entry of [...earlier, ...value] as { id?: unknown }[]) {
        const memberId = entry?.id ?? entry;
        byMember.delete(memberId);
        byMember.set(memberId, entry);
      }
      seen[key] = [...byMember.values()];
    } else seen[key] = value;
  }
}

async function readRound(
  client: GraphClient,
  options: DeltaRoundOptions,
  deltaLink: string | undefined,
): Promise<Omit<DeltaRound, "resynced">> {
  const limit = options.maxChanges ?? DEFAULT_MAX_DELTA_CHANGES;
  const headers: Record<string, string> = options.pageSize ? { Prefer: `odata.maxpagesize=${options.pageSize}` } : {};
  const request = deltaLink
    ? { path: deltaLink, headers, pathInput: options.deltaLinkInput ?? "Delta Link" }
    : {
        path: `/${options.resource}/delta`,
        query: { $select: options.select, $deltatoken: options.latestOnly ? "latest" : undefined },
        headers,
      };
  const byId = new Map<string, DeltaItem>();
  let pages = 0;
  for await (const page of client.pages<DeltaItem>(request)) {
    pages += 1;
    for (const item of page.items) {
      const seen = byId.get(item.id);
      // An object can come more than once in a round; later entries carry its newer state.
      if (!seen) byId.set(item.id, item);
      else if (item["@removed"]) byId.set(item.id, item);
      else {
        delete seen["@removed"];
        mergeInto(seen, item);
      }
      if (byId.size > limit) {
        throw new Error(
          `The ${options.resource} delta round holds more than ${limit} changed objects; raise the maximum or narrow Select to keep it in memory.`,
        );
      }
    }
    if (page.deltaLink) return { changes: [...byId.values()], deltaLink: page.deltaLink, pages };
    if (!page.nextLink) break;
  }
  throw new Error(`Microsoft Graph ended the ${options.resource} delta round without an @odata.deltaLink.`);
}

/**
 * Reads one whole delta round: follows every @odata.nextLink to the @odata.deltaLink. Never returns part of a
 * round (a failure throws, so a caller that saves the link only afterwards repeats the round next time). An
 * expired or unknown token starts a full round over and says so with `resynced`.
 */
export async function runDeltaRound(client: GraphClient, options: DeltaRoundOptions): Promise<DeltaRound> {
  if (options.deltaLink) checkDeltaLink(options.deltaLink, options.resource, options.deltaLinkInput);
  try {
    return { ...(await readRound(client, options, options.deltaLink)), resynced: false };
  } catch (error) {
    if (!isResyncError(error)) throw error;
    const fresh = await readRound(client, options, undefined);
    return { ...fresh, resynced: options.deltaLink !== undefined, resyncCode: error.code };
  }
}
