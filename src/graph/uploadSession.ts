import type { GraphClient, GraphResponse } from "./client";
import { GraphError, GraphNetworkError, InputError } from "./errors";

export const KIB = 1024;
export const MIB = 1024 * KIB;
/** Drive item upload sessions want every chunk but the last to be a multiple of 320 KiB. */
export const DRIVE_CHUNK_MULTIPLE = 320 * KIB;
/** Graph's largest drive upload fragment is 60 MiB. */
export const DRIVE_MAX_CHUNK = 60 * MIB;
export const DEFAULT_DRIVE_CHUNK = 10 * MIB;
/** Mail attachment upload sessions take at most 4 MiB per request. */
export const MAIL_MAX_CHUNK = 4 * MIB;

/** What `createUploadSession` answered; only `uploadUrl` is needed. */
export interface UploadSessionInfo {
  uploadUrl: string;
  expirationDateTime?: string;
  nextExpectedRanges?: string[];
}

export interface ChunkEvent {
  /** First and last byte of the chunk (inclusive), and the file's total size. */
  start: number;
  end: number;
  total: number;
  /** 1 for the first upload session, 2 after a restart, ... */
  session: number;
}

export interface UploadSessionOptions {
  /**
   * Creates a new upload session (`POST …/createUploadSession` for a drive item, `…/attachments/createUploadSession`
   * for a message) and returns it. Called once at the start and again when the session is gone (404).
   */
  createSession: () => Promise<UploadSessionInfo>;
  /** The whole content. Chunks are `subarray` views of it, never copies. Must not be empty. */
  content: Buffer;
  /** Bytes per request. Default 10 MiB. */
  chunkSize?: number;
  /** Every chunk but the last must be a multiple of this (drives: 320 KiB). Default 1. */
  chunkMultiple?: number;
  /** Largest chunk the service takes (drives: 60 MiB, mail attachments: 4 MiB). */
  maxChunkSize?: number;
  /** Name of the input that set `chunkSize`, for error messages. */
  chunkSizeInput?: string;
  /** Failures in a row resumed from the session's `nextExpectedRanges` before giving up. Default 5. */
  maxResumes?: number;
  /** Times a vanished (404) session is replaced by a new one, starting over. Default 2. */
  maxRestarts?: number;
  timeoutMs?: number;
  /** Called before each chunk is sent (progress, tests, benchmarks). */
  onChunk?: (event: ChunkEvent) => void;
}

export interface UploadSessionResult<T> {
  /** 200 or 201 (a drive item: 201 for a new file, 200 for a replaced one; a mail attachment: 201 with `Location`). */
  status: number;
  headers: Record<string, string>;
  data: T;
  chunks: number;
  resumes: number;
  restarts: number;
}

/** Checks a chunk size against the session's rules; the message names the input. */
export function validateChunkSize(chunkSize: number, multiple = 1, max = Number.POSITIVE_INFINITY, input = "Chunk size"): void {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new InputError(input, "must be a whole number of bytes, at least 1");
  if (chunkSize % multiple !== 0) {
    throw new InputError(input, `must be a multiple of ${multiple} bytes (${multiple / KIB} KiB); ${chunkSize} is not`);
  }
  if (chunkSize > max) throw new InputError(input, `must be at most ${max} bytes (${max / MIB} MiB); ${chunkSize} is more`);
}

/** The first byte the service still expects, from `nextExpectedRanges` (["26-", "30-40"]); undefined when nothing is missing. */
export function firstExpectedByte(ranges: unknown): number | undefined {
  if (!Array.isArray(ranges) || ranges.length === 0) return undefined;
  const starts = ranges.map((r) => Number(/^(\d+)-/.exec(String(r))?.[1])).filter((n) => Number.isInteger(n));
  return starts.length ? Math.min(...starts) : undefined;
}

function isDone(status: number): boolean {
  return status === 200 || status === 201;
}

function isGone(error: unknown): boolean {
  return error instanceof GraphError && error.status === 404;
}

function isRecoverable(error: unknown): boolean {
  return error instanceof GraphNetworkError || (error instanceof GraphError && (error.status === 416 || error.status >= 500));
}

/**
 * Uploads `content` to a pre-authenticated upload URL (any Graph `createUploadSession`: drive items, mail
 * attachments) in chunks sent in order, each with `Content-Range: bytes a-b/total` and the same total.
 *
 * The requests go through the core's transport (proxy, TLS, retry with Retry-After) as pre-authenticated
 * requests: never the `Authorization` header or a client-request-id, the URL masked in logs and errors.
 * A chunk that fails (no answer, 5xx after retries, 416 overlap) is resumed from the session's
 * `nextExpectedRanges` (GET on the upload URL); a session that answers 404 (expired or lost) is replaced through
 * `createSession()` and the upload starts over. On a final failure the session is deleted (cancelled) and the
 * error rethrown. Returns the final answer: the driveItem, or 201 with a `Location` header for a mail attachment.
 */
export async function uploadInSession<T = unknown>(client: GraphClient, options: UploadSessionOptions): Promise<UploadSessionResult<T>> {
  const { content } = options;
  const total = content.length;
  const chunkSize = options.chunkSize ?? Math.min(10 * MIB, options.maxChunkSize ?? Number.POSITIVE_INFINITY);
  validateChunkSize(chunkSize, options.chunkMultiple, options.maxChunkSize, options.chunkSizeInput);
  if (total === 0) throw new InputError("File", "is empty; an upload session needs at least one byte");
  const maxResumes = options.maxResumes ?? 5;
  const maxRestarts = options.maxRestarts ?? 2;
  const preAuth = { preAuthenticated: true, pathInput: "uploadUrl", timeoutMs: options.timeoutMs } as const;

  let session = await options.createSession();
  let sessionNumber = 1;
  let offset = 0;
  let chunks = 0;
  let resumes = 0;
  let restarts = 0;
  let failuresInARow = 0;

  /** Where the session wants the next byte; a vanished session starts over in a new one. */
  const recover = async (error: unknown): Promise<void> => {
    failuresInARow += 1;
    if (isGone(error) && restarts < maxRestarts) {
      restarts += 1;
      sessionNumber += 1;
      session = await options.createSession();
      offset = 0;
      return;
    }
    if (!isRecoverable(error) || failuresInARow > maxResumes) throw error;
    resumes += 1;
    try {
      const answer = await client.request<UploadSessionInfo>({ ...preAuth, method: "GET", path: session.uploadUrl });
      offset = firstExpectedByte(answer.data?.nextExpectedRanges) ?? offset;
    } catch (statusError) {
      await recover(statusError);
    }
  };

  try {
    for (;;) {
      if (offset >= total) {
        throw new GraphError({
          status: 202,
          code: "uploadIncomplete",
          graphMessage: `the upload session expects no more bytes but did not complete the upload of ${total} bytes`,
          method: "PUT",
          url: "uploadUrl",
        });
      }
      const end = Math.min(offset + chunkSize, total) - 1;
      options.onChunk?.({ start: offset, end, total, session: sessionNumber });
      let response: GraphResponse<unknown>;
      try {
        response = await client.request({
          ...preAuth,
          method: "PUT",
          path: session.uploadUrl,
          headers: { "Content-Range": `bytes ${offset}-${end}/${total}`, "Content-Type": "application/octet-stream" },
          body: content.subarray(offset, end + 1),
        });
      } catch (error) {
        await recover(error);
        continue;
      }
      chunks += 1;
      failuresInARow = 0;
      if (isDone(response.status)) {
        return { status: response.status, headers: response.headers, data: response.data as T, chunks, resumes, restarts };
      }
      offset = firstExpectedByte((response.data as UploadSessionInfo | null)?.nextExpectedRanges) ?? end + 1;
    }
  } catch (error) {
    await client.request({ ...preAuth, method: "DELETE", path: session.uploadUrl, retry: { maxRetries: 1 } }).catch(() => undefined);
    throw error;
  }
}
