import { randomUUID } from "node:crypto";

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
