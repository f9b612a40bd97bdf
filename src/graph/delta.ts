import type { GraphClient, GraphRequest } from "./client";
import type { Query } from "./odata";
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

/** Where a delta round stands: part way through (`nextLink`), between rounds (`deltaLink`), or absent for a first round. */
export type DeltaCursor = { nextLink: string; deltaLink?: never } | { deltaLink: string; nextLink?: never };

/**
 * Objects per delta page asked of Graph, as `Prefer: odata.maxpagesize` (the header Graph documents for paging delta
 * results: message, contact and event delta name it; users/groups delta do not support `$top` and cap the preference at
 * 200 objects, OneDrive delta treats it the same way). Graph caps the value at each resource's own maximum, so asking
 * for more than it allows is harmless and keeps the number of requests per round as low as Graph permits.
 */
export const DELTA_PAGE_SIZE = 999;

export const DEFAULT_MAX_DELTA_CHANGES = 100_000;

export interface DeltaStepOptions {
  /**
   * The tracked collection relative to the version root, its segments already encoded; `/delta` is appended.
   * E.g. "users", "groups", "users/{mailbox}/mailFolders/{folder}/messages", "drives/{driveId}/root".
   */
  path: string;
  /** Where the previous step stopped; absent starts a first round. */
  cursor?: DeltaCursor;
  /** Comma-separated $select for a new round (next and delta links carry their own). */
  select?: string;
  /** Other query options for a new round (e.g. $filter, $expand). */
  query?: Query;
  /** A first round asks only for a delta link that starts from now (`$deltatoken=latest`): no objects are read. */
  latestOnly?: boolean;
  /** How this collection asks for a delta link from now, when not `$deltatoken=latest` (drive items: `{ token: "latest" }`). */
  latestQuery?: Query;
  /**
   * The most objects one step returns. A step stops on a page boundary once the next page could pass it (a page is
   * never split, so nothing is lost or repeated); it always reads at least one page.
   */
  maxChanges?: number;
  /** Objects per page (`Prefer: odata.maxpagesize`); DELTA_PAGE_SIZE if absent. */
  pageSize?: number;
  /** Name of the input that supplied the cursor, for error messages. */
  cursorInput?: string;
}

export interface DeltaStep<T extends DeltaItem = DeltaItem> {
  /** Each object once, in the order Graph first reported it in this step, with later pages' properties merged in. */
  changes: T[];
  /** Where the next step starts: the round's `@odata.nextLink`, or the `@odata.deltaLink` once the round is read. */
  cursor: DeltaCursor;
  /** The round ended in this step (the cursor is a delta link). */
  complete: boolean;
  /** The cursor was expired or unknown to Graph, so a new full round was started instead. */
  resynced: boolean;
  /** Graph's error code that caused the resync. */
  resyncCode?: string;
  pages: number;
}

export interface DeltaRoundOptions {
  /** Entity set relative to the version root, e.g. "users" or "groups". */
  resource: string;
  /** The `@odata.deltaLink` of the previous round; absent starts a full round. */
  deltaLink?: string;
  select?: string;
  latestOnly?: boolean;
  /** A round with more distinct objects than this fails rather than holding them all in memory. */
  maxChanges?: number;
  pageSize?: number;
  /** Name of the input that supplied the delta link, for error messages. */
  deltaLinkInput?: string;
}

export interface DeltaRound<T extends DeltaItem = DeltaItem> {
  changes: T[];
  deltaLink: string;
  resynced: boolean;
  resyncCode?: string;
  pages: number;
}

const RESYNC_CODES = new Set(["syncstatenotfound", "resyncrequired", "syncstateinvalid", "resyncapplicationrequired"]);

/** Graph's ways of saying "this delta or skip token is no good: start a full round" (410 Gone, or 400 syncStateNotFound for directory objects). */
export function isResyncError(error: unknown): error is GraphError {
  return error instanceof GraphError && (error.status === 410 || RESYNC_CODES.has(error.code.toLowerCase()));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Checks that a delta link belongs to this collection's delta function before anything is sent. An entity set
 * (`users`, `groups`) must match exactly; for a nested collection Graph may spell the path its own way (key syntax,
 * casing), so only the delta function and its token are required.
 */
export function checkDeltaLink(link: string, path: string, inputName = "Delta Link"): void {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new InputError(inputName, "is not a URL: give the @odata.deltaLink of a previous round");
  }
  const nested = path.includes("/");
  const collection = nested ? ".+" : escapeRegExp(path);
  const pattern = new RegExp(`^/(v1\\.0|beta)/${collection}/(microsoft\\.graph\\.)?delta(\\(.*\\))?$`, "i");
  if (!pattern.test(decodeURIComponent(url.pathname)))
    throw new InputError(inputName, `is not a ${path} delta link (expected .../${path}/delta?$deltatoken=...)`);
  const hasToken = url.searchParams.has("$deltatoken") || url.searchParams.has("token") || /delta\(token=/i.test(url.pathname);
  if (!hasToken) throw new InputError(inputName, "has no $deltatoken: give the @odata.deltaLink from the last page of a round");
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

/** Keeps each object once per step: a later entry for the same object carries its newer state. */
function addChange(byId: Map<string, DeltaItem>, item: DeltaItem): void {
  const seen = byId.get(item.id);
  if (!seen || item["@removed"]) byId.set(item.id, item);
  else {
    delete seen["@removed"];
    mergeInto(seen, item);
  }
}

function firstRequest(options: DeltaStepOptions, headers: Record<string, string>): GraphRequest {
  return {
    path: `/${options.path.replace(/^\/+/, "")}/delta`,
    query: {
      ...options.query,
      $select: options.select,
      ...(options.latestOnly ? (options.latestQuery ?? { $deltatoken: "latest" }) : {}),
    },
    headers,
  };
}

/** What a step does once `maxChanges` is reached: stop on the page boundary (polling), or fail (a whole round). */
type WhenFull = "stop" | "fail";

async function readStep(
  client: GraphClient,
  options: DeltaStepOptions,
  cursor: DeltaCursor | undefined,
  whenFull: WhenFull,
): Promise<Omit<DeltaStep, "resynced">> {
  const limit = options.maxChanges ?? DEFAULT_MAX_DELTA_CHANGES;
  const headers = { Prefer: `odata.maxpagesize=${Math.max(1, Math.min(options.pageSize ?? DELTA_PAGE_SIZE, limit))}` };
  const link = cursor?.nextLink ?? cursor?.deltaLink;
  const request: GraphRequest = link
    ? { path: link, headers, pathInput: options.cursorInput ?? "Delta Link" }
    : firstRequest(options, headers);
  const byId = new Map<string, DeltaItem>();
  let pages = 0;
  let largestPage = 0;
  for await (const page of client.pages<DeltaItem>(request)) {
    pages += 1;
    largestPage = Math.max(largestPage, page.items.length);
    for (const item of page.items) addChange(byId, item);
    if (whenFull === "fail" && byId.size > limit) {
      throw new Error(
        `The ${options.path} delta round holds more than ${limit} changed objects; raise the maximum or narrow Select to keep it in memory.`,
      );
    }
    if (page.deltaLink) return { changes: [...byId.values()], cursor: { deltaLink: page.deltaLink }, complete: true, pages };
    if (!page.nextLink) break;
    // Stop between pages while the next one, as large as the largest so far, still fits: the page is never split.
    if (whenFull === "stop" && byId.size + largestPage > limit)
      return { changes: [...byId.values()], cursor: { nextLink: page.nextLink }, complete: false, pages };
  }
  throw new Error(`Microsoft Graph ended the ${options.path} delta round without an @odata.deltaLink.`);
}

/**
 * Reads the next part of a delta round for any delta-capable collection: from `cursor` (mid-round next link, or the
 * delta link of the previous round) up to `maxChanges` objects, stopping only on a page boundary. Save the returned
 * cursor with what was done with the changes; the next step continues from it, so a round larger than one step is
 * read across several without losing or repeating a page. An expired or unknown token (410 Gone, syncStateNotFound,
 * resyncRequired) starts a new full round and says so with `resynced`.
 */
export function readDeltaStep(client: GraphClient, options: DeltaStepOptions): Promise<DeltaStep> {
  return step(client, options, "stop");
}

async function step(client: GraphClient, options: DeltaStepOptions, whenFull: WhenFull): Promise<DeltaStep> {
  if (options.cursor?.deltaLink) checkDeltaLink(options.cursor.deltaLink, options.path, options.cursorInput);
  try {
    return { ...(await readStep(client, options, options.cursor, whenFull)), resynced: false };
  } catch (error) {
    if (!options.cursor || !isResyncError(error)) throw error;
    const fresh = await readStep(client, { ...options, latestOnly: false }, undefined, whenFull);
    return { ...fresh, resynced: true, resyncCode: error.code };
  }
}

/**
 * Reads one whole delta round: follows every @odata.nextLink to the @odata.deltaLink. Never returns part of a
 * round: a round with more than `maxChanges` objects fails (an action has nowhere to keep a half-read round; the
 * polling triggers read large rounds across polls with readDeltaStep instead).
 */
export async function runDeltaRound(client: GraphClient, options: DeltaRoundOptions): Promise<DeltaRound> {
  const round = await step(
    client,
    {
      path: options.resource,
      cursor: options.deltaLink ? { deltaLink: options.deltaLink } : undefined,
      select: options.select,
      latestOnly: options.latestOnly,
      maxChanges: options.maxChanges,
      pageSize: options.pageSize,
      cursorInput: options.deltaLinkInput,
    },
    "fail",
  );
  const { changes, cursor, resynced, resyncCode, pages } = round;
  return { changes, deltaLink: cursor.deltaLink as string, resynced, ...(resyncCode ? { resyncCode } : {}), pages };
}
