import { randomUUID } from "node:crypto";
import http, { IncomingMessage, ServerResponse } from "node:http";

export const JSON_CONTENT_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/** What a route answers; the server turns it into an HTTP response (or a $batch sub-response). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Objects become JSON; strings and Buffers are sent as they are. */
  body?: unknown;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers: { "Content-Type": JSON_CONTENT_TYPE, ...headers } };
}

export function noContent(): Reply {
  return { status: 204 };
}

/** Graph's error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
export function graphError(
  status: number,
  code: string,
  message: string,
  requestId: string,
  clientRequestId?: string,
  headers: Record<string, string> = {},
): Reply {
  return json(
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ""),
          "request-id": requestId,
          "client-request-id": clientRequestId ?? requestId,
        },
      },
    },
    headers,
  );
}

export function newRequestId(): string {
  return randomUUID();
}

/** Writes a route's Reply as the HTTP response: objects as JSON (with Graph's content type unless one is set). */
export function writeReply(res: ServerResponse, reply: Reply, baseHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = { ...baseHeaders, ...(reply.headers ?? {}) };
  let payload: Buffer | string | undefined;
  if (reply.body === undefined || reply.body === null) payload = undefined;
  else if (Buffer.isBuffer(reply.body) || typeof reply.body === "string") payload = reply.body;
  else {
    payload = JSON.stringify(reply.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["Content-Type"] = JSON_CONTENT_TYPE;
  }
  if (payload !== undefined) headers["Content-Length"] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** An HTTP server listening on 127.0.0.1 (port 0: any free port). */
export async function listenOnLoopback(handler: (req: IncomingMessage, res: ServerResponse) => void, port = 0): Promise<http.Server> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

/** Closes a server and its kept-alive sockets, so nothing stays open after it. */
export async function closeServer(server: http.Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
