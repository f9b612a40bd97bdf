import http, { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Reply, closeServer, graphError, json, listenOnLoopback, newRequestId, writeReply } from "./http";

/** A request the pre-authenticated host received (headers as sent, for assertions). */
export interface PreAuthRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Bytes in the body (chunks are not kept in the log). */
  bodyLength: number;
}

export interface DownloadOptions {
  contentType?: string;
  /** Sent as `Content-Disposition: attachment; filename=…`. */
  fileName?: string;
  /** How long the URL works. Default one hour (Graph's download URLs last about that long). */
  ttlMs?: number;
}

export interface UploadSessionSpec {
  /** Size announced when the session was created; every Content-Range must carry the same total. */
  totalSize?: number;
  /** Every chunk but the last must be a multiple of this (drives: 320 KiB). */
  chunkMultiple?: number;
  /** Largest chunk taken (drives: 60 MiB, mail: 4 MiB). */
  maxChunkSize?: number;
  /** Session lifetime. Default 15 minutes. */
  ttlMs?: number;
  /** Called with every byte once the last one arrives; its reply is the final answer (a driveItem, a 201 + Location). */
  onComplete: (bytes: Buffer) => Reply | Promise<Reply>;
}

export interface UploadSession {
  id: string;
  uploadUrl: string;
  expirationDateTime: string;
}

interface SessionState extends UploadSessionSpec {
  id: string;
  expiresAt: number;
  total?: number;
  /** Received bytes, by start offset (chunks arrive in order, but a resume may fill from anywhere). */
  parts: Map<number, Buffer>;
  received: number;
  chunks: number;
  done: boolean;
}

interface MonitorState {
  poll: () => Reply;
  expiresAt: number;
}

interface DownloadState extends DownloadOptions {
  content: Buffer;
  expiresAt: number;
}

const DEFAULT_SESSION_TTL = 15 * 60_000;
const DEFAULT_DOWNLOAD_TTL = 60 * 60_000;

/**
 * The emulator's pre-authenticated host: a second HTTP server (another origin, as Graph's download and upload
 * hosts are other domains) whose URLs are their own credential. It refuses any request that carries
 * `Authorization` (401, and records it in `refused`), records the headers of every request in `requests`,
 * and serves:
 *
 * - downloads: `createDownload(content, {contentType, fileName, ttlMs})` returns a short-lived signed URL
 *   (`/download/{token}`); after `ttlMs` it answers 404.
 * - upload sessions: `createUploadSession({totalSize?, chunkMultiple?, maxChunkSize?, ttlMs?, onComplete})`
 *   returns `{id, uploadUrl, expirationDateTime}`. On `uploadUrl`: PUT a chunk with
 *   `Content-Range: bytes a-b/total` (the same total every time, the announced `totalSize` if given; every chunk
 *   but the last a multiple of `chunkMultiple`; at most `maxChunkSize`) answers 202
 *   `{expirationDateTime, nextExpectedRanges}`, 416 for a chunk overlapping received bytes, and once every byte
 *   is in, whatever `onComplete(bytes)` replies; GET answers the status; DELETE cancels (204). An expired, cancelled
 *   or finished session answers 404 `itemNotFound`.
 * - monitors: `createMonitor(poll)` returns a URL (`/monitor/{token}`, as a long-running operation's
 *   `Location`) whose GET answers whatever `poll()` replies at that moment.
 * - fault switches: `dropChunk({skip, when})` drops the connection of a later chunk PUT (before storing it, or
 *   after storing it without answering); `expireSession({afterChunks})` expires the next session that has taken
 *   that many chunks.
 */
export class PreAuthenticatedHost {
  readonly requests: PreAuthRequest[] = [];
  /** Requests answered 401 because they carried `Authorization`. */
  readonly refused: PreAuthRequest[] = [];
  private server?: http.Server;
  private readonly sessions = new Map<string, SessionState>();
  private readonly downloads = new Map<string, DownloadState>();
  private readonly monitors = new Map<string, MonitorState>();
  private dropRules: { skip: number; when: "before" | "after" }[] = [];
  private expireRules: { afterChunks: number }[] = [];

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("the pre-authenticated host is not listening");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = await listenOnLoopback((req, res) => void this.handle(req, res));
  }

  async close(): Promise<void> {
    await closeServer(this.server);
    this.server = undefined;
  }

  /** Requests whose path contains `fragment`. */
  requestsTo(fragment: string, method?: string): PreAuthRequest[] {
    return this.requests.filter((r) => r.path.includes(fragment) && (!method || r.method === method));
  }

  createDownload(content: Buffer | string, options: DownloadOptions = {}): string {
    const token = randomUUID();
    this.downloads.set(token, {
      ...options,
      content: Buffer.isBuffer(content) ? content : Buffer.from(content),
      expiresAt: Date.now() + (options.ttlMs ?? DEFAULT_DOWNLOAD_TTL),
    });
    return `${this.url}/download/${token}`;
  }

  createMonitor(poll: () => Reply, ttlMs = DEFAULT_DOWNLOAD_TTL): string {
    const token = randomUUID();
    this.monitors.set(token, { poll, expiresAt: Date.now() + ttlMs });
    return `${this.url}/monitor/${token}`;
  }

  createUploadSession(spec: UploadSessionSpec): UploadSession {
    const id = randomUUID().replace(/-/g, "");
    const state: SessionState = {
      ...spec,
      id,
      expiresAt: Date.now() + (spec.ttlMs ?? DEFAULT_SESSION_TTL),
      total: spec.totalSize,
      parts: new Map(),
      received: 0,
      chunks: 0,
      done: false,
    };
    this.sessions.set(id, state);
    return { id, uploadUrl: `${this.url}/upload/${id}`, expirationDateTime: new Date(state.expiresAt).toISOString() };
  }

  /** Drops the connection of a chunk PUT: the one after `skip` more; "before" stores nothing, "after" stores it but never answers. */
  dropChunk(options: { skip?: number; when?: "before" | "after" } = {}): void {
    this.dropRules.push({ skip: options.skip ?? 0, when: options.when ?? "before" });
  }

  /** Expires the next session that has taken `afterChunks` chunks, as if its time had run out. */
  expireSession(options: { afterChunks?: number } = {}): void {
    this.expireRules.push({ afterChunks: options.afterChunks ?? 0 });
  }

  clearFaults(): void {
    this.dropRules = [];
    this.expireRules = [];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const method = (req.method ?? "GET").toUpperCase();
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const record: PreAuthRequest = { method, path, headers: req.headers, bodyLength: body.length };
    this.requests.push(record);
    const requestId = newRequestId();
    if (req.headers.authorization !== undefined) {
      this.refused.push(record);
      writeReply(res, graphError(401, "unauthenticated", "Pre-authenticated URLs must not be sent an Authorization header.", requestId));
      return;
    }
    const [kind, key] = path.split("/").filter(Boolean);
    if (kind === "download" && key && method === "GET") return writeReply(res, this.download(key, requestId));
    if (kind === "monitor" && key && method === "GET") {
      const monitor = this.monitors.get(key);
      if (monitor && monitor.expiresAt >= Date.now()) return writeReply(res, monitor.poll());
      return writeReply(res, graphError(404, "itemNotFound", "The monitor URL has expired or is not valid.", requestId));
    }
    const session = kind === "upload" && key ? this.liveSession(key) : undefined;
    if (!session) return writeReply(res, graphError(404, "itemNotFound", "The upload session was not found or has expired.", requestId));
    if (method === "GET") return writeReply(res, json(200, this.status(session)));
    if (method === "DELETE") {
      this.sessions.delete(session.id);
      return writeReply(res, { status: 204 });
    }
    if (method !== "PUT") return writeReply(res, graphError(405, "invalidRequest", "The method is not allowed here.", requestId));
    const drop = this.takeDrop();
    if (drop === "before") {
      req.socket.destroy();
      return;
    }
    const reply = await this.putChunk(session, req.headers, body, requestId);
    if (drop === "after") {
      req.socket.destroy();
      return;
    }
    writeReply(res, reply);
  }

  private download(token: string, requestId: string): Reply {
    const file = this.downloads.get(token);
    if (!file || file.expiresAt < Date.now()) {
      return graphError(404, "itemNotFound", "The download link has expired or is not valid.", requestId);
    }
    const headers: Record<string, string> = { "Content-Type": file.contentType ?? "application/octet-stream" };
    if (file.fileName) headers["Content-Disposition"] = `attachment; filename="${encodeURIComponent(file.fileName)}"`;
    return { status: 200, headers, body: file.content };
  }

  private liveSession(id: string): SessionState | undefined {
    const session = this.sessions.get(id);
    if (!session || session.done) return undefined;
    const rule = this.expireRules.find((r) => session.chunks >= r.afterChunks);
    if (rule) {
      this.expireRules.splice(this.expireRules.indexOf(rule), 1);
      session.expiresAt = 0;
    }
    if (session.expiresAt < Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  private takeDrop(): "before" | "after" | undefined {
    const rule = this.dropRules[0];
    if (!rule) return undefined;
    if (rule.skip > 0) {
      rule.skip -= 1;
      return undefined;
    }
    this.dropRules.shift();
    return rule.when;
  }

  private status(session: SessionState): { expirationDateTime: string; nextExpectedRanges: string[] } {
    const ranges: string[] = [];
    let cursor = 0;
    for (const start of [...session.parts.keys()].sort((a, b) => a - b)) {
      if (start > cursor) ranges.push(`${cursor}-${start - 1}`);
      cursor = Math.max(cursor, start + (session.parts.get(start)?.length ?? 0));
    }
    if (session.total === undefined || cursor < session.total) ranges.push(`${cursor}-`);
    return { expirationDateTime: new Date(session.expiresAt).toISOString(), nextExpectedRanges: ranges };
  }

  private async putChunk(session: SessionState, headers: IncomingHttpHeaders, body: Buffer, requestId: string): Promise<Reply> {
    const bad = (message: string) => graphError(400, "invalidRequest", message, requestId);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(headers["content-range"] ?? ""));
    if (!range) return bad("The Content-Range header is missing or malformed; expected 'bytes {start}-{end}/{total}'.");
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (end < start || end >= total) return bad(`The Content-Range 'bytes ${start}-${end}/${total}' is not valid.`);
    if (session.total !== undefined && total !== session.total) {
      return bad(`The Content-Range total ${total} does not match the upload session's size ${session.total}.`);
    }
    if (body.length !== end - start + 1)
      return bad(`The request body has ${body.length} bytes but Content-Range announces ${end - start + 1}.`);
    const isLast = end === total - 1;
    if (session.chunkMultiple && !isLast && body.length % session.chunkMultiple !== 0) {
      return bad(`The fragment size ${body.length} is not a multiple of ${session.chunkMultiple} bytes.`);
    }
    if (session.maxChunkSize && body.length > session.maxChunkSize) {
      return graphError(413, "requestEntityTooLarge", `The fragment size ${body.length} exceeds ${session.maxChunkSize} bytes.`, requestId);
    }
    for (const [partStart, part] of session.parts) {
      if (start < partStart + part.length && partStart <= end) {
        return graphError(
          416,
          "invalidRange",
          `The uploaded fragment overlaps with data that has already been received (bytes ${partStart}-${partStart + part.length - 1}).`,
          requestId,
        );
      }
    }
    session.total = total;
    session.parts.set(start, body);
    session.received += body.length;
    session.chunks += 1;
    if (session.received < total) return json(202, this.status(session));
    session.done = true;
    this.sessions.delete(session.id);
    const bytes = Buffer.concat(
      [...session.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part),
      total,
    );
    return session.onComplete(bytes);
  }
}
