import { redactText, redactValue } from "./redact";
import { parseRetryAfter } from "./retry";
import type { TokenClaims } from "./tokenClaims";

/** Bad input caught before any request: the message names the input and what was wrong. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    problem: string,
  ) {
    super(`${input}: ${problem}`);
    this.name = "InputError";
  }
}

export interface GraphErrorDetails {
  status: number;
  code: string;
  graphMessage: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  method: string;
  url: string;
  retryAfterSeconds?: number;
  body?: unknown;
}

/** A non-success answer from Microsoft Graph (or its token endpoint), with Graph's own code and request-id. */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly graphMessage: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
  /** Graph's Retry-After, in seconds, when it sent one (a throttled answer that was not, or no longer, waited out). */
  readonly retryAfterSeconds?: number;
  /** On a 403: the claims of the token the request carried (its roles or scopes), to say what is missing. */
  tokenClaims?: TokenClaims;

  constructor(details: GraphErrorDetails) {
    const ids = [
      details.requestId && `request-id: ${details.requestId}`,
      details.date && `date: ${details.date}`,
      details.retryAfterSeconds !== undefined && `Retry-After: ${details.retryAfterSeconds} s`,
    ]
      .filter(Boolean)
      .join(", ");
    super(
      redactText(
        `Microsoft Graph answered ${details.status} ${details.code}: ${details.graphMessage}` +
          ` (${details.method} ${details.url}${ids ? `; ${ids}` : ""})`,
      ),
    );
    this.name = "GraphError";
    this.status = details.status;
    this.code = details.code;
    this.graphMessage = redactText(details.graphMessage);
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.date = details.date;
    this.method = details.method;
    this.url = redactText(details.url);
    // Graph can echo request headers (Authorization) in an error body: the body is kept only redacted.
    this.body = redactValue(details.body);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** The request never got an HTTP answer (reset, refused, timed out) and was not, or could no longer be, retried. */
export class GraphNetworkError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly causeCode: string,
    detail: string,
  ) {
    super(redactText(`Request to Microsoft Graph failed without an answer: ${method} ${url}: ${causeCode} ${detail}`));
    this.name = "GraphNetworkError";
  }
}

/** A response body grew past the request's `maxResponseBytes`: the transfer was stopped there, and not retried. */
export class ResponseTooLargeError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly limit: number,
  ) {
    super(redactText(`The answer to ${method} ${url} passed ${limit} bytes; the transfer was stopped`));
    this.name = "ResponseTooLargeError";
  }
}

interface GraphErrorBody {
  error?: {
    code?: string;
    message?: string;
    innerError?: Record<string, string | undefined>;
    innererror?: Record<string, string | undefined>;
  };
  error_description?: string;
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name];
  return typeof value === "string" ? value : undefined;
}

/** Builds a GraphError from Graph's error body `{"error":{"code","message","innerError"}}`, or an identity-platform `{error, error_description}` body. */
export function graphErrorFromResponse(
  status: number,
  headers: Record<string, unknown>,
  data: unknown,
  method: string,
  url: string,
): GraphError {
  let body: unknown = data;
  if (Buffer.isBuffer(body)) body = body.toString("utf8");
  if (typeof body === "string") {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      // not JSON: keep the text
    }
  }
  let code = `HTTP${status}`;
  let message = typeof body === "string" && body.length > 0 ? body.slice(0, 500) : "no error body";
  let inner: Record<string, string | undefined> = {};
  if (body && typeof body === "object") {
    const b = body as GraphErrorBody;
    if (b.error && typeof b.error === "object") {
      code = b.error.code ?? code;
      message = b.error.message ?? message;
      inner = b.error.innerError ?? b.error.innererror ?? {};
    } else if (typeof b.error === "string") {
      code = b.error;
      message = b.error_description ?? message;
    }
  }
  const retryAfterMs = parseRetryAfter(headers["retry-after"]);
  return new GraphError({
    status,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    code,
    graphMessage: message,
    requestId: inner["request-id"] ?? headerValue(headers, "request-id"),
    clientRequestId: inner["client-request-id"] ?? headerValue(headers, "client-request-id"),
    date: inner.date,
    method,
    url,
    body,
  });
}
