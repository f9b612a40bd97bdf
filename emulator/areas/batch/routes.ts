import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { seededRandom } from "../../kernel/random";
import { JSON_CONTENT_TYPE, Reply, graphError, json, newRequestId } from "../../kernel/http";
import { badRequest } from "../../kernel/odata/collection";

const MAX_REQUESTS = 20;

interface SubRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** One executed sub-request, kept for tests and benchmarks (what the emulator actually did). */
export interface BatchLogEntry {
  batch: number;
  id: string;
  method: string;
  url: string;
  status: number;
}

export interface BatchState {
  batches: number;
  log: BatchLogEntry[];
}

const MAX_LOG = 200_000;

export function batchState(emulator: Emulator): BatchState {
  let state = emulator.state.get("batch") as BatchState | undefined;
  if (!state) {
    state = { batches: 0, log: [] };
    emulator.state.set("batch", state);
  }
  return state;
}

function validate(ctx: RequestContext): SubRequest[] | Reply {
  const body = ctx.body as { requests?: unknown } | undefined;
  if (!body || !Array.isArray(body.requests)) return badRequest(ctx, "BadRequest", "Invalid batch payload format.");
  const requests = body.requests as SubRequest[];
  if (requests.length === 0) return badRequest(ctx, "BadRequest", "Invalid batch payload format.");
  if (requests.length > MAX_REQUESTS)
    return badRequest(ctx, "BadRequest", `The number of requests in the batch exceeds the limit of ${MAX_REQUESTS}.`);
  const ids = new Set<string>();
  for (const r of requests) {
    if (!r || typeof r.id !== "string" || !r.id || typeof r.method !== "string" || typeof r.url !== "string") {
      return badRequest(ctx, "BadRequest", "Invalid batch payload format.");
    }
    if (ids.has(r.id.toLowerCase())) return badRequest(ctx, "BadRequest", `Batch request contains duplicate request id: ${r.id}.`);
    ids.add(r.id.toLowerCase());
    if (/^[a-z]+:\/\//i.test(r.url) || /^\/?(v1\.0|beta)\//i.test(r.url)) {
      return badRequest(ctx, "BadRequest", `Invalid request URI: ${r.url}. The URI must be relative to the version root.`);
    }
    const hasContentType = Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === "content-type");
    if (r.body !== undefined && r.body !== null && !hasContentType) {
      return badRequest(ctx, "BadRequest", `Write request id : ${r.id} does not contain Content-Type header or body.`);
    }
  }
  for (const r of requests) {
    for (const dep of r.dependsOn ?? []) {
      if (!ids.has(String(dep).toLowerCase()))
        return badRequest(ctx, "BadRequest", `Request dependency '${dep}' was not found in the batch.`);
    }
  }
  // Graph refuses a mix of independent and dependent requests (several requests without dependsOn next to some with it).
  const independent = requests.filter((r) => !r.dependsOn?.length).length;
  if (independent < requests.length && independent > 1)
    return badRequest(ctx, "BadRequest", "Batch should be either fully sequential or fully parallel.");
  return requests;
}

function subResponse(id: string, reply: Reply): SubResponse {
  let body = reply.body;
  // Graph base64-encodes binary sub-response bodies.
  if (Buffer.isBuffer(body)) body = body.toString("base64");
  const headers = { ...(reply.headers ?? {}) };
  if (
    body !== undefined &&
    body !== null &&
    typeof body === "object" &&
    !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")
  ) {
    headers["Content-Type"] = JSON_CONTENT_TYPE;
  }
  return { id, status: reply.status, headers, ...(body !== undefined && body !== null ? { body } : {}) };
}

/** Runs one sub-request: per-sub-request faults first (as Graph throttles each one), then the normal route. */
async function execute(ctx: RequestContext, r: SubRequest): Promise<Reply> {
  const method = r.method.toUpperCase();
  const relative = r.url.startsWith("/") ? r.url : `/${r.url}`;
  const url = new URL(`${ctx.url.origin}/${ctx.version ?? "v1.0"}${relative}`);
  const fault = ctx.emulator.faults.take(method, url.pathname);
  if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
  if (fault?.kind === "status") {
    const status = fault.status ?? 429;
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { "Retry-After": fault.retryAfter } : {};
    const message = status === 429 ? "Too many requests. Please try again later." : "The service is temporarily unavailable.";
    return graphError(
      status,
      fault.code ?? (status === 429 ? "TooManyRequests" : "serviceNotAvailable"),
      message,
      newRequestId(),
      undefined,
      headers,
    );
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(r.headers ?? {})) headers[name.toLowerCase()] = String(value);
  headers.authorization = String(ctx.headers.authorization ?? "");
  let rawBody = Buffer.alloc(0);
  if (r.body !== undefined && r.body !== null) {
    rawBody = Buffer.from(typeof r.body === "string" ? r.body : JSON.stringify(r.body));
  }
  return ctx.emulator.dispatch({ method, url, headers, rawBody });
}

/** `POST /$batch`: JSON batching as Graph does it, with answers in no particular order. */
export function registerBatchRoutes(router: Router, emulator: Emulator): void {
  const shuffle = seededRandom(7);
  router.graph("POST", "/$batch", async (ctx) => {
    const requests = validate(ctx);
    if (!Array.isArray(requests)) return requests;
    const state = batchState(emulator);
    const batchNumber = ++state.batches;
    const done = new Map<string, Promise<SubResponse>>();
    const run = (r: SubRequest): Promise<SubResponse> => {
      const key = r.id.toLowerCase();
      let promise = done.get(key);
      if (!promise) {
        promise = (async () => {
          const deps = await Promise.all(
            (r.dependsOn ?? []).map((d) => run(requests.find((x) => x.id.toLowerCase() === String(d).toLowerCase()) as SubRequest)),
          );
          const reply = deps.some((d) => d.status >= 400)
            ? graphError(424, "FailedDependency", "Failed dependency.", newRequestId())
            : await execute(ctx, r);
          if (state.log.length < MAX_LOG)
            state.log.push({ batch: batchNumber, id: r.id, method: r.method.toUpperCase(), url: r.url, status: reply.status });
          return subResponse(r.id, reply);
        })();
        done.set(key, promise);
      }
      return promise;
    };
    const responses = await Promise.all(requests.map(run));
    for (let i = responses.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [responses[i], responses[j]] = [responses[j], responses[i]];
    }
    return json(200, { responses });
  });
}
