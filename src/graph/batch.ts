import type { GraphClient } from "./client";
import { ApiVersion } from "./clouds";
import { GraphError, GraphNetworkError, InputError, graphErrorFromResponse } from "./errors";
import { asText, headerOf } from "./text";
import { backoffDelay, DEFAULT_RETRY_POLICY, isIdempotent, parseRetryAfter, retryTiming, sleep } from "./retry";

/** Graph's limit of sub-requests in one `$batch` call. */
export const MAX_BATCH_SIZE = 20;

export const BATCH_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;

/** One sub-request, as Graph's `$batch` takes it; `url` is relative to the version root (`/users/{id}`). */
export interface BatchRequestItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** An object goes out as JSON (Content-Type added when missing); a string needs its own Content-Type. */
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchResponseItem<T = unknown> {
  id: string;
  /** Graph's status for this sub-request; 0 when its `$batch` call got no answer and it was not safe to replay. */
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface BatchOptions {
  /** `$batch` calls in flight at once. Default 4. */
  concurrency?: number;
  /** Sub-requests per `$batch` call (1 to 20). Default 20. */
  batchSize?: number;
  /** Rounds of retry for throttled sub-requests (429, 503, 504). Default: the core's maxRetries. */
  maxRetries?: number;
  apiVersion?: ApiVersion;
  /** Name of the input that supplied the list, for error messages. */
  inputName?: string;
  /**
   * The requests only read (like `POST /communications/getPresencesByUserId`), so a POST answered 503 or 504, or lost
   * with its `$batch` call, may be sent again like a GET. Default false.
   */
  readOnly?: boolean;
}

interface GraphBatchBody {
  responses?: BatchResponseItem[];
}

const RETRY_STATUSES = new Set([429, 503, 504]);
const FAILED_DEPENDENCY = 424;
const UNKNOWN_OUTCOME =
  "so this request may or may not have been done; it was not sent again, so that it cannot be done twice. Check its effect before running it again.";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** Checks one sub-request and returns it as it will be sent: method upper-cased, url with a leading `/`, JSON Content-Type added. */
function normalizeItem(raw: unknown, index: number, label: string): BatchRequestItem {
  const where = `request ${index + 1}`;
  if (!isPlainObject(raw)) throw new InputError(label, `${where} is not an object like {"id","method","url"}`);
  const id = typeof raw.id === "number" ? String(raw.id) : raw.id;
  if (typeof id !== "string" || id.trim() === "") throw new InputError(label, `${where} has no id (a non-empty string)`);
  const at = `request ${index + 1} (id "${id}")`;
  const method = typeof raw.method === "string" ? raw.method.trim().toUpperCase() : "";
  if (!(BATCH_METHODS as readonly string[]).includes(method)) {
    throw new InputError(label, `${at} has method "${asText(raw.method)}"; use one of ${BATCH_METHODS.join(", ")}`);
  }
  const url = typeof raw.url === "string" ? raw.url.trim() : "";
  if (!url) throw new InputError(label, `${at} has no url`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) {
    throw new InputError(label, `${at}: url must be relative to the version root (like /users/{id}), not an absolute URL`);
  }
  const path = url.startsWith("/") ? url : `/${url}`;
  if (/^\/(v1\.0|beta)(\/|\?|$)/i.test(path))
    throw new InputError(label, `${at}: url must not start with the API version (write /users, not /v1.0/users)`);
  if (/^\/\$batch(\/|\?|$)/i.test(path)) throw new InputError(label, `${at}: a $batch cannot contain another $batch`);
  let headers: Record<string, string> | undefined;
  if (raw.headers !== undefined && raw.headers !== null) {
    if (!isPlainObject(raw.headers)) throw new InputError(label, `${at}: headers must be an object of name/value strings`);
    headers = Object.fromEntries(Object.entries(raw.headers).map(([k, v]) => [k, String(v)]));
    if (headerOf(headers, "Authorization") !== undefined)
      throw new InputError(label, `${at}: the Authorization header comes from the connection`);
  }
  const body = raw.body;
  if (body !== undefined && body !== null) {
    if (isPlainObject(body) || Array.isArray(body)) {
      if (headerOf(headers, "Content-Type") === undefined) headers = { ...headers, "Content-Type": "application/json" };
    } else if (typeof body !== "string") {
      throw new InputError(label, `${at}: body must be a JSON object or a string`);
    } else if (headerOf(headers, "Content-Type") === undefined) {
      throw new InputError(label, `${at}: a string body needs a Content-Type header (Graph refuses a body without one)`);
    }
  }
  let dependsOn: string[] | undefined;
  if (raw.dependsOn !== undefined && raw.dependsOn !== null) {
    if (!Array.isArray(raw.dependsOn) || raw.dependsOn.some((d) => typeof d !== "string" && typeof d !== "number")) {
      throw new InputError(label, `${at}: dependsOn must be a list of request ids`);
    }
    dependsOn = raw.dependsOn.map(String);
  }
  return {
    id,
    method,
    url: path,
    ...(headers ? { headers } : {}),
    ...(body !== undefined && body !== null ? { body } : {}),
    ...(dependsOn?.length ? { dependsOn } : {}),
  };
}

/**
 * Validates a request list and groups it into `$batch` calls. Requests tied by dependsOn form one chain that must
 * travel in the same call (Graph resolves dependsOn only inside a batch); a chain longer than `batchSize` is refused.
 * Graph runs a `$batch` either fully in parallel or fully in sequence and answers 400 "Batch should be either fully
 * sequential or fully parallel" to a mix, so each chain gets a call of its own, dependencies first, and a chain must
 * start from a single request; independent requests share calls.
 * Returns the groups as lists of indexes into `items`.
 */
export function planBatches(
  rawItems: unknown,
  batchSize = MAX_BATCH_SIZE,
  label = "Requests",
  linkStarts = false,
): { items: BatchRequestItem[]; batches: number[][] } {
  if (!Array.isArray(rawItems)) throw new InputError(label, "must be a list (JSON array) of requests");
  const items = rawItems.map((raw, i) => normalizeItem(raw, i, label));
  // Graph compares ids case-insensitively.
  const indexById = new Map<string, number>();
  items.forEach((item, i) => {
    const key = item.id.toLowerCase();
    if (indexById.has(key)) throw new InputError(label, `id "${item.id}" is used by more than one request; ids must be unique`);
    indexById.set(key, i);
  });

  const chainOf = items.map((_, i) => i);
  const root = (i: number): number => {
    while (chainOf[i] !== i) i = chainOf[i] = chainOf[chainOf[i]];
    return i;
  };
  items.forEach((item, i) => {
    for (const dep of item.dependsOn ?? []) {
      const j = indexById.get(dep.toLowerCase());
      if (j === undefined) throw new InputError(label, `request "${item.id}" depends on "${dep}", which is not in the list`);
      if (j === i) throw new InputError(label, `request "${item.id}" depends on itself`);
      chainOf[root(i)] = root(j);
    }
  });
  assertNoCycle(items, indexById, label);

  const chains = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = root(i);
    const chain = chains.get(r) ?? [];
    chain.push(i);
    chains.set(r, chain);
  });
  const batches: number[][] = [];
  const chained: number[][] = [];
  let current: number[] = [];
  for (const chain of chains.values()) {
    if (chain.length === 1) {
      if (current.length === batchSize) {
        batches.push(current);
        current = [];
      }
      current.push(chain[0]);
      continue;
    }
    const names = chain.map((i) => `"${items[i]?.id}"`).join(", ");
    if (chain.length > batchSize) {
      throw new InputError(
        label,
        `requests ${names} depend on each other (${chain.length} requests); Graph runs dependsOn only inside one $batch of at most ${batchSize}`,
      );
    }
    const ordered = dependenciesFirst(items, chain, indexById);
    const starts = ordered.filter((i) => !items[i]?.dependsOn?.length);
    if (starts.length > 1 && linkStarts) {
      // A retry round can leave a chain with several starts (their own dependencies already done): run it in
      // sequence, each extra start after the request before it, rather than send a batch Graph refuses.
      for (const i of starts.slice(1)) items[i] = { ...items[i], dependsOn: [items[ordered[ordered.indexOf(i) - 1]].id] };
    } else if (starts.length > 1) {
      throw new InputError(
        label,
        `requests ${names} are linked by dependsOn but start from ${starts.length} requests without dependsOn (${starts.map((i) => `"${items[i]?.id}"`).join(", ")}); Graph runs a $batch either fully in sequence or fully in parallel, so linked requests must start from one request: add dependsOn to the others`,
      );
    }
    chained.push(ordered);
  }
  if (current.length > 0) batches.push(current);
  return { items, batches: [...batches, ...chained] };
}

/** The chain's indexes ordered so that every request comes after the ones it depends on (input order otherwise). */
function dependenciesFirst(items: BatchRequestItem[], chain: number[], indexById: Map<string, number>): number[] {
  const ordered: number[] = [];
  const placed = new Set<number>();
  const place = (i: number): void => {
    if (placed.has(i)) return;
    placed.add(i);
    for (const dep of items[i]?.dependsOn ?? []) place(indexById.get(dep.toLowerCase()) as number);
    ordered.push(i);
  };
  chain.forEach(place);
  return ordered;
}

function assertNoCycle(items: BatchRequestItem[], indexById: Map<string, number>, label: string): void {
  const state = new Array<0 | 1 | 2>(items.length).fill(0);
  const visit = (i: number): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new InputError(label, `dependsOn forms a cycle through request "${items[i]?.id}"`);
    state[i] = 1;
    for (const dep of items[i]?.dependsOn ?? []) visit(indexById.get(dep.toLowerCase()) as number);
    state[i] = 2;
  };
  items.forEach((_, i) => visit(i));
}

/** Runs `tasks` with at most `limit` in flight. */
export async function runBounded<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * Sends any number of requests through Graph's JSON batching: `$batch` calls of at most 20, a bounded number at once.
 * Sub-requests answered 429 (and idempotent ones answered 503/504) are sent again, only they, after the longest
 * Retry-After of the round; a 424 is sent again only when the request it depends on is being retried, since then it
 * failed for throttling, not for a real error. Returns one response per request, in the caller's order. Nothing is
 * sent if the list is invalid.
 */
export async function runBatch(client: GraphClient, requests: unknown, options: BatchOptions = {}): Promise<BatchResponseItem[]> {
  const label = options.inputName ?? "Requests";
  const batchSize = options.batchSize ?? MAX_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE)
    throw new InputError("Batch Size", `must be 1 to ${MAX_BATCH_SIZE}`);
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new InputError("Concurrency", "must be a whole number of at least 1");
  const maxRetries = options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries;

  const { items } = planBatches(requests, batchSize, label);
  const results = new Array<BatchResponseItem | undefined>(items.length);
  let pending = items.map((_, i) => i);
  let waitedMs = 0;

  for (let round = 0; pending.length > 0; round++) {
    const pendingIds = new Set(pending.map((i) => items[i].id.toLowerCase()));
    // A dependency that already succeeded in an earlier round is done: drop it from dependsOn.
    const roundItems = pending.map((i) => {
      const item = items[i];
      const deps = item.dependsOn?.filter((d) => pendingIds.has(d.toLowerCase()));
      return { ...item, dependsOn: deps?.length ? deps : undefined };
    });
    const planned = planBatches(roundItems, batchSize, label, round > 0);
    const { batches } = planned;
    const send = (batch: number[]) => () =>
      sendBatch(
        client,
        batch.map((k) => planned.items[k]),
        options.apiVersion,
        options.readOnly,
      );
    const answers = await runBounded(batches.map(send), concurrency);
    batches.forEach((batch, b) => batch.forEach((k, n) => (results[pending[k]] = answers[b][n])));

    const retry = pending.filter((i) => mayRetry(items[i], results[i] as BatchResponseItem, options.readOnly));
    const retryIds = new Set(retry.map((i) => items[i].id.toLowerCase()));
    const blocked = pending.filter((i) => results[i]?.status === FAILED_DEPENDENCY && dependsOnAny(items, i, retryIds));
    if (retry.length === 0 || round >= maxRetries) break;
    const delay = roundDelay(
      retry.map((i) => results[i] as BatchResponseItem),
      round + 1,
    );
    if (delay > retryTiming.maxSingleWaitMs || waitedMs + delay > retryTiming.maxTotalWaitMs) break;
    waitedMs += delay;
    await sleep(delay);
    pending = [...retry, ...blocked].sort((a, b) => a - b);
  }
  return results as BatchResponseItem[];
}

/**
 * A 429 means Graph refused the sub-request without running it. A 503 or 504 may come after the work was done, so,
 * as for single requests, only idempotent methods are sent again; a POST keeps its status and Graph's error.
 */
function mayRetry(item: BatchRequestItem, response: BatchResponseItem, readOnly = false): boolean {
  if (response.status === 429) return true;
  return RETRY_STATUSES.has(response.status) && (readOnly || isIdempotent(item.method));
}

/** Whether request `i` depends, directly or through others, on one of `ids`. */
function dependsOnAny(items: BatchRequestItem[], i: number, ids: Set<string>): boolean {
  const byId = new Map(items.map((item) => [item.id.toLowerCase(), item]));
  const stack = [...(items[i]?.dependsOn ?? [])];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = (stack.pop() as string).toLowerCase();
    if (ids.has(id)) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return false;
}

/** The wait before the next round: the longest Retry-After among the throttled answers, else backoff. */
function roundDelay(throttled: BatchResponseItem[], attempt: number): number {
  const waits = throttled.map((r) => parseRetryAfter(headerOf(r.headers, "Retry-After")));
  const given = waits.filter((w): w is number => w !== undefined);
  const base = given.length > 0 ? Math.max(...given) : backoffDelay(attempt, DEFAULT_RETRY_POLICY);
  return base * retryTiming.scale;
}

/**
 * One `$batch` call. Its answers come back in Graph's order; this returns them in the order of `batch`.
 * A whole-batch 429 means Graph throttled the call and ran none of it, so every sub-request takes that status and its
 * Retry-After and is retried in the runner's next round, with the same cap as throttled sub-requests (one retry
 * loop, and no exception that would lose the other calls' results). A whole-batch 503 or 504, or no answer at all,
 * leaves the outcome unknown: only idempotent sub-requests are marked for retry; the others are surfaced with
 * status 0, since replaying a POST could do it twice.
 */
async function sendBatch(
  client: GraphClient,
  batch: BatchRequestItem[],
  apiVersion?: ApiVersion,
  readOnly = false,
): Promise<BatchResponseItem[]> {
  const replayable = (item: BatchRequestItem) => readOnly || isIdempotent(item.method);
  const body = { requests: batch.map(({ id, method, url, headers, body, dependsOn }) => ({ id, method, url, headers, body, dependsOn })) };
  let response;
  try {
    response = await client.request<GraphBatchBody>({
      method: "POST",
      path: "$batch",
      body,
      apiVersion,
      acceptStatus: [...RETRY_STATUSES],
    });
  } catch (error) {
    if (!(error instanceof GraphNetworkError)) throw error;
    const noAnswer = `The $batch call got no answer (${error.causeCode})`;
    return batch.map((item) =>
      replayable(item)
        ? { id: item.id, status: 504, headers: {}, body: { error: { code: "NoResponse", message: `${noAnswer}.` } } }
        : { id: item.id, status: 0, headers: {}, body: { error: { code: "NoResponse", message: `${noAnswer}, ${UNKNOWN_OUTCOME}` } } },
    );
  }
  if (RETRY_STATUSES.has(response.status)) {
    const retryAfter = response.headers["retry-after"];
    const headers: Record<string, string> = retryAfter ? { "Retry-After": retryAfter } : {};
    const status = response.status;
    const graphBody = response.data as { error?: { code?: string; innerError?: unknown } } | null;
    const unknown = {
      error: {
        code: "OutcomeUnknown",
        message: `The $batch call answered ${status}${graphBody?.error?.code ? ` ${graphBody.error.code}` : ""}, ${UNKNOWN_OUTCOME}`,
        ...(graphBody?.error?.innerError ? { innerError: graphBody.error.innerError } : {}),
      },
    };
    return batch.map((item) =>
      status === 429 || replayable(item)
        ? { id: item.id, status, headers, body: response.data }
        : { id: item.id, status: 0, headers, body: unknown },
    );
  }
  const byId = new Map<string, BatchResponseItem>();
  for (const answer of response.data?.responses ?? [])
    byId.set(String(answer.id).toLowerCase(), { ...answer, id: String(answer.id), headers: answer.headers ?? {} });
  return batch.map((item) => {
    const answer = byId.get(item.id.toLowerCase());
    if (answer) return { ...answer, id: item.id };
    const body = { error: { code: "MissingResponse", message: "Graph's $batch answer had no response for this request." } };
    return { id: item.id, status: 0, headers: {}, body };
  });
}

/** A failed sub-response as the core's GraphError (Graph's code, message and request-id). */
export function batchResponseError(request: Pick<BatchRequestItem, "method" | "url">, response: BatchResponseItem): GraphError {
  return graphErrorFromResponse(response.status, response.headers, response.body, request.method, `$batch ${request.url}`);
}

export function isSuccess(response: BatchResponseItem): boolean {
  return response.status >= 200 && response.status < 300;
}
