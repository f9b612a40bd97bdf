import { randomUUID } from "node:crypto";
import FormData from "form-data";
import { ApiVersion, isLoopbackHost } from "./clouds";
import { GraphError, GraphNetworkError, InputError, graphErrorFromResponse } from "./errors";
import { Query, needsEventualConsistency, toQueryString } from "./odata";
import { asText, forLog, headerOf } from "./text";
import { REDACTED, redactError, redactHeaders, redactText, redactValue, registerSecret } from "./redact";
import { RESPONSE_TOO_LARGE, Transport, TransportError, WireResponse, transportFor } from "./transport";
import { TokenClaims, readTokenClaims } from "./tokenClaims";
import {
  DEFAULT_RETRY_POLICY,
  RetryPolicy,
  backoffDelay,
  parseRetryAfter,
  retryTiming,
  shouldRetryNetworkError,
  shouldRetryStatus,
  sleep,
} from "./retry";

export type ResponseType = "json" | "text" | "arraybuffer" | "document";

export interface GraphClientConfig {
  /** Origin of the connection's Graph host, already validated (see normalizeServiceUrl). */
  baseUrl: string;
  /** The bearer token, or a function that returns a current one (a token the component obtains and caches itself). */
  accessToken: string | (() => Promise<string>);
  /** The connection's proxy and TLS settings (see transportFor); the default sends directly. */
  transport?: Transport;
  apiVersion?: ApiVersion;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Log each request and response (redacted) through `log`. */
  debug?: boolean;
  log?: (message: string) => void;
  /** Lets the adapter turn an error into the platform's own type (a 401 into a connection error). */
  mapError?: (error: GraphError) => Error;
}

export interface GraphRequest {
  method?: string;
  /** Path relative to `{baseUrl}/{apiVersion}`, a path starting with `/v1.0/` or `/beta/`, or an absolute URL on the connection's own Graph origin. */
  path: string;
  query?: Query;
  headers?: Record<string, string>;
  /** Objects and arrays go out as JSON; strings and Buffers as they are. */
  body?: unknown;
  form?: FormData;
  responseType?: ResponseType;
  apiVersion?: ApiVersion;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Add `ConsistencyLevel: eventual` when the query needs it (directory-object advanced queries). Default true. */
  autoConsistency?: boolean;
  /** Statuses answered as data rather than thrown. */
  acceptStatus?: number[];
  /** Name of the input that supplied `path`, for error messages. */
  pathInput?: string;
  /**
   * `path` is a pre-authenticated URL on another host (an upload session, a download or monitor URL): it is sent
   * without the token and without a client-request-id, must be https (http only for loopback), and is masked in
   * logs and errors because its path and query are the credential.
   */
  preAuthenticated?: boolean;
  /**
   * The most bytes the answer's body may have. A larger body is cut off as it streams in and fails with a
   * GraphNetworkError whose causeCode is RESPONSE_TOO_LARGE (never retried), so a download cannot outgrow memory.
   */
  maxResponseBytes?: number;
}

export interface GraphResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
  /** The final URL, after same-origin redirects. */
  url: string;
  /** Attempts made, including the first. */
  attempts: number;
}

export interface GraphCollection<T> {
  value?: T[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
  "@odata.count"?: number;
  "@odata.context"?: string;
}

export interface GraphPage<T> {
  items: T[];
  nextLink?: string;
  deltaLink?: string;
  count?: number;
}

export interface CollectResult<T> {
  items: T[];
  /** More items existed beyond the limit. */
  moreAvailable: boolean;
  /** Where to resume: present when the limit fell exactly on a page boundary. */
  nextLink?: string;
  deltaLink?: string;
  count?: number;
  pages: number;
}

const MAX_REDIRECTS = 5;
const MAX_LOGGED_BODY = 4000;
const RESERVED_HEADERS = new Set(["authorization", "host"]);
const VERSION_ROOT = /^\/(v1\.0|beta)(\/|$)/;
/** RFC 9110 token characters: anything else in a header name (CR, LF, space, colon) is refused. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE_BREAK = /[\r\n\0]/;

/** Refuses header names and values that would split or corrupt the request, before anything is sent. */
function checkHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) throw new InputError("Headers", `"${redactText(forLog(name, 80))}" is not a valid header name`);
    if (HEADER_VALUE_BREAK.test(String(value)))
      throw new InputError("Headers", `the value of ${name} holds a line break or NUL, which would split the request`);
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return headerOf(headers, name) !== undefined;
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function decodeBody(raw: unknown, responseType: ResponseType, contentType: string): unknown {
  const buffer = Buffer.isBuffer(raw) ? raw : raw instanceof ArrayBuffer ? Buffer.from(raw) : Buffer.from(asText(raw));
  if (responseType === "arraybuffer") return buffer;
  const text = buffer.toString("utf8");
  if (responseType !== "json") return text;
  if (text.length === 0) return null;
  if (/json/i.test(contentType) || looksLikeJson(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function truncate(text: string): string {
  return text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY)}… (${text.length} chars)` : text;
}

interface PreparedBody {
  data: Buffer | string | undefined;
  headers: Record<string, string>;
}

function prepareBody(req: GraphRequest, headers: Record<string, string>): PreparedBody {
  if (req.form) {
    // Buffered so that a retry can send the same bytes again (a consumed stream cannot be replayed).
    return { data: req.form.getBuffer(), headers: req.form.getHeaders() };
  }
  const body = req.body;
  if (body === undefined || body === null) return { data: undefined, headers: {} };
  if (Buffer.isBuffer(body)) {
    return { data: body, headers: hasHeader(headers, "content-type") ? {} : { "Content-Type": "application/octet-stream" } };
  }
  if (typeof body === "string") {
    if (hasHeader(headers, "content-type")) return { data: body, headers: {} };
    return {
      data: body,
      headers: { "Content-Type": looksLikeJson(body) ? "application/json" : "application/x-www-form-urlencoded" },
    };
  }
  return { data: JSON.stringify(body), headers: hasHeader(headers, "content-type") ? {} : { "Content-Type": "application/json" } };
}

/**
 * The one place that talks HTTP to Microsoft Graph: origin check, bearer token, retry with Retry-After,
 * redirects without the token off-origin, paging, error normalisation and redacted debug logs.
 */
export class GraphClient {
  readonly origin: string;
  readonly apiVersion: ApiVersion;
  private readonly accessToken: () => Promise<string>;
  private readonly transport: Transport;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs?: number;
  private readonly debug: boolean;
  private readonly log: (message: string) => void;
  private readonly mapError: (error: GraphError) => Error;

  constructor(config: GraphClientConfig) {
    this.origin = new URL(config.baseUrl).origin;
    this.apiVersion = config.apiVersion ?? "v1.0";
    const token = config.accessToken;
    this.accessToken = typeof token === "string" ? () => Promise.resolve(token) : token;
    this.transport = config.transport ?? transportFor();
    this.policy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(config.retry ?? {}) };
    this.timeoutMs = config.timeoutMs;
    this.debug = config.debug ?? false;
    this.log = config.log ?? ((message) => console.log(message));
    this.mapError = config.mapError ?? ((error) => error);
    if (typeof token === "string") registerSecret(token);
  }

  /** The bearer token requests carry, whoever obtained it (to read its claims; never log or return it). */
  currentAccessToken(): Promise<string> {
    return this.accessToken();
  }

  /** Resolves a path or same-origin URL to an absolute URL; refuses any other origin before anything is sent. */
  resolveUrl(path: string, query?: Query, apiVersion?: ApiVersion, inputName = "URL"): URL {
    const text = typeof path === "string" ? path.trim() : "";
    if (!text) throw new InputError(inputName, "is empty");
    const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith("//");
    let url: URL;
    if (isAbsolute) {
      try {
        url = new URL(text, this.origin);
      } catch {
        throw new InputError(inputName, `"${redactText(text)}" is not a valid URL`);
      }
      if (url.username || url.password) {
        throw new InputError(inputName, "must not carry a user name or password; the connection's token is the only credential sent");
      }
    } else {
      const relative = text.replace(/^\/+/, "");
      const versioned = /^(v1\.0|beta)(\/|\?|$)/.test(relative);
      url = new URL(versioned ? `${this.origin}/${relative}` : `${this.origin}/${apiVersion ?? this.apiVersion}/${relative}`);
    }
    if (url.origin !== this.origin) {
      throw new InputError(
        inputName,
        `${redactText(url.origin)} is not this connection's Microsoft Graph host (${this.origin}); the access token is only ever sent there`,
      );
    }
    // Checked after the URL parser resolved "..", "%2e%2e" and scheme-relative forms: the token goes to Graph's API only.
    if (!VERSION_ROOT.test(url.pathname)) {
      throw new InputError(inputName, `resolves to ${redactText(url.pathname)}, outside Microsoft Graph's /v1.0/ and /beta/`);
    }
    const extra = toQueryString(query);
    if (extra) url.search = url.search ? `${url.search}&${extra}` : `?${extra}`;
    return url;
  }

  async request<T = unknown>(req: GraphRequest): Promise<GraphResponse<T>> {
    const method = (req.method ?? "GET").toUpperCase();
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    for (const name of Object.keys(headers)) {
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        throw new InputError("Headers", `the ${name} header is set from the connection and cannot be overridden`);
      }
    }
    checkHeaders(headers);
    if (needsConsistencyHeader(req)) headers.ConsistencyLevel = "eventual";
    let url = req.preAuthenticated
      ? resolvePreAuthenticatedUrl(req.path, req.pathInput)
      : this.resolveUrl(req.path, req.query, req.apiVersion, req.pathInput);
    const body = prepareBody(req, headers);
    const policy: RetryPolicy = { ...this.policy, ...stripUndefined(req.retry ?? {}) };
    const responseType = req.responseType ?? "json";
    let attempts = 0;
    let waitedMs = 0;
    let redirects = 0;
    const sendMethod = method;
    let withToken = !req.preAuthenticated;

    for (;;) {
      attempts += 1;
      const outgoing: Record<string, string> = { ...headers, ...body.headers };
      if (withToken) outgoing.Authorization = `Bearer ${await this.accessToken()}`;
      if (!hasHeader(outgoing, "Accept")) outgoing.Accept = "application/json";
      // Graph echoes client-request-id in its answers and errors: it ties a failure to this attempt in Microsoft's logs.
      if (withToken && !hasHeader(outgoing, "client-request-id")) outgoing["client-request-id"] = randomUUID();
      if (this.debug) this.logRequest(sendMethod, url, outgoing, body.data, attempts);
      let response: WireResponse;
      try {
        response = await this.transport.send({
          method: sendMethod,
          url,
          headers: outgoing,
          body: sendMethod === "GET" || sendMethod === "HEAD" ? undefined : body.data,
          timeoutMs: req.timeoutMs ?? this.timeoutMs,
          maxResponseBytes: req.maxResponseBytes,
        });
      } catch (error) {
        const code = error instanceof TransportError ? error.code : "ERROR";
        if (attempts <= policy.maxRetries && code !== RESPONSE_TOO_LARGE && shouldRetryNetworkError(code, sendMethod)) {
          const delay = backoffDelay(attempts, policy) * retryTiming.scale;
          if (waitedMs + delay <= retryTiming.maxTotalWaitMs) {
            if (this.debug) this.log(`Graph request got no answer (${code}); retrying in ${Math.round(delay)} ms`);
            waitedMs += delay;
            await sleep(delay);
            continue;
          }
        }
        throw new GraphNetworkError(sendMethod, this.shownUrl(url), code, (error as Error).message);
      }

      const resHeaders = response.headers;
      const contentType = resHeaders["content-type"] ?? "";
      if (this.debug) this.logResponse(response.status, resHeaders, response.body, contentType, url);

      if (response.status >= 300 && response.status < 400 && resHeaders.location && (sendMethod === "GET" || sendMethod === "HEAD")) {
        if (++redirects > MAX_REDIRECTS) throw new GraphNetworkError(sendMethod, this.shownUrl(url), "TOO_MANY_REDIRECTS", "");
        const target = new URL(resHeaders.location, url);
        // A Location with user:pass@ would make the HTTP stack send Basic credentials of Graph's choosing: never.
        target.username = "";
        target.password = "";
        const sameOrigin = target.origin === this.origin;
        if (!sameOrigin && target.protocol !== "https:" && !isLoopbackHost(target.hostname)) {
          throw new GraphNetworkError(
            sendMethod,
            this.shownUrl(url),
            "INSECURE_REDIRECT",
            `refused to follow a redirect to ${target.protocol}//`,
          );
        }
        // Pre-authenticated download URLs (reports, file content) live on other hosts: they must never see the token.
        withToken = withToken && sameOrigin;
        url = target;
        continue;
      }

      if (response.status >= 300 && response.status < 400 && sendMethod !== "GET" && sendMethod !== "HEAD") {
        // Following would repeat (or silently drop) a write; reporting the redirect as success would hide that nothing was done.
        throw redactError(
          new GraphError({
            status: response.status,
            code: "UnexpectedRedirect",
            graphMessage: `a ${sendMethod} was answered with a redirect${resHeaders.location ? ` to ${this.shownLocation(resHeaders.location, url)}` : ""}; it was not followed`,
            requestId: resHeaders["request-id"],
            method: sendMethod,
            url: this.shownUrl(url),
          }),
        );
      }

      if (response.status < 400 || req.acceptStatus?.includes(response.status)) {
        return {
          status: response.status,
          headers: resHeaders,
          data: decodeBody(response.body, responseType, contentType) as T,
          url: url.toString(),
          attempts,
        };
      }

      if (attempts <= policy.maxRetries && shouldRetryStatus(response.status, sendMethod, policy)) {
        const retryAfter = parseRetryAfter(resHeaders["retry-after"]);
        const delay = (retryAfter ?? backoffDelay(attempts, policy)) * retryTiming.scale;
        if (delay <= retryTiming.maxSingleWaitMs && waitedMs + delay <= retryTiming.maxTotalWaitMs) {
          if (this.debug) this.log(`Graph answered ${response.status}; retrying in ${Math.round(delay)} ms (attempt ${attempts + 1})`);
          waitedMs += delay;
          await sleep(delay);
          continue;
        }
      }
      const error = graphErrorFromResponse(
        response.status,
        resHeaders,
        decodeBody(response.body, "json", contentType),
        sendMethod,
        this.shownUrl(url),
      );
      if (response.status === 403 && withToken) error.tokenClaims = readTokenClaims(outgoing.Authorization);
      // Every property of what is thrown is redacted, whatever mapError added (a connection error carries the connection).
      throw redactError(this.mapError(error));
    }
  }

  /** The claims of the token this client sends (tenant, app, user, roles or scopes, expiry); never the token. */
  async tokenClaims(): Promise<TokenClaims | undefined> {
    return readTokenClaims(await this.accessToken());
  }

  get<T = unknown>(path: string, query?: Query, extra: Omit<GraphRequest, "path" | "query" | "method"> = {}): Promise<T> {
    return this.request<T>({ ...extra, method: "GET", path, query }).then((r) => r.data);
  }

  post<T = unknown>(path: string, body?: unknown, extra: Omit<GraphRequest, "path" | "body" | "method"> = {}): Promise<T> {
    return this.request<T>({ ...extra, method: "POST", path, body }).then((r) => r.data);
  }

  patch<T = unknown>(path: string, body?: unknown, extra: Omit<GraphRequest, "path" | "body" | "method"> = {}): Promise<T> {
    return this.request<T>({ ...extra, method: "PATCH", path, body }).then((r) => r.data);
  }

  put<T = unknown>(path: string, body?: unknown, extra: Omit<GraphRequest, "path" | "body" | "method"> = {}): Promise<T> {
    return this.request<T>({ ...extra, method: "PUT", path, body }).then((r) => r.data);
  }

  delete(path: string, extra: Omit<GraphRequest, "path" | "method"> = {}): Promise<void> {
    return this.request({ ...extra, method: "DELETE", path }).then(() => undefined);
  }

  /**
   * Streams the pages of a collection, following `@odata.nextLink` as Graph gives it. The first request's
   * headers (ConsistencyLevel, Prefer) go with every page. Nothing is fetched until the consumer asks.
   */
  async *pages<T>(req: GraphRequest, options: { maxPages?: number } = {}): AsyncGenerator<GraphPage<T>> {
    const first: GraphRequest = needsConsistencyHeader(req) ? { ...req, headers: { ...req.headers, ConsistencyLevel: "eventual" } } : req;
    let current: GraphRequest = { ...first, method: req.method ?? "GET" };
    let fetched = 0;
    for (;;) {
      const { data } = await this.request<GraphCollection<T>>(current);
      fetched += 1;
      const body: GraphCollection<T> = data ?? {};
      const nextLink = body["@odata.nextLink"];
      yield { items: body.value ?? [], nextLink, deltaLink: body["@odata.deltaLink"], count: body["@odata.count"] };
      if (!nextLink || (options.maxPages !== undefined && fetched >= options.maxPages)) return;
      current = { ...first, method: req.method ?? "GET", path: nextLink, query: undefined, pathInput: "@odata.nextLink" };
    }
  }

  /** Streams items across pages, stopping (and fetching nothing more) once `limit` items were yielded. */
  async *items<T>(req: GraphRequest, options: { limit?: number; maxPages?: number } = {}): AsyncGenerator<T> {
    let yielded = 0;
    if (options.limit !== undefined && options.limit <= 0) return;
    for await (const page of this.pages<T>(req, options)) {
      for (const item of page.items) {
        yield item;
        yielded += 1;
        if (options.limit !== undefined && yielded >= options.limit) return;
      }
    }
  }

  /** Fetch-all with a mandatory limit: collects up to `limit` items and says whether more were left. */
  async collect<T>(req: GraphRequest, options: { limit: number; maxPages?: number }): Promise<CollectResult<T>> {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new InputError("Limit", "must be a whole number of at least 1");
    const items: T[] = [];
    let pages = 0;
    let count: number | undefined;
    for await (const page of this.pages<T>(req, { maxPages: options.maxPages })) {
      pages += 1;
      count ??= page.count;
      const room = options.limit - items.length;
      if (page.items.length > room) {
        items.push(...page.items.slice(0, room));
        return { items, moreAvailable: true, pages, count };
      }
      items.push(...page.items);
      if (page.deltaLink) return { items, moreAvailable: false, deltaLink: page.deltaLink, pages, count };
      if (!page.nextLink) return { items, moreAvailable: false, pages, count };
      if (items.length >= options.limit || (options.maxPages !== undefined && pages >= options.maxPages)) {
        return { items, moreAvailable: true, nextLink: page.nextLink, pages, count };
      }
    }
    return { items, moreAvailable: false, pages, count };
  }

  /**
   * A URL as logs and errors may show it. Off-origin URLs are pre-authenticated downloads whose path and query are
   * the credential, so only their origin is shown.
   */
  private shownUrl(url: URL): string {
    return url.origin === this.origin ? url.toString() : `${url.origin}/${REDACTED}`;
  }

  private shownLocation(location: string, base: URL): string {
    try {
      const target = new URL(location, base);
      target.username = "";
      target.password = "";
      return redactText(this.shownUrl(target));
    } catch {
      return REDACTED;
    }
  }

  private logRequest(method: string, url: URL, headers: Record<string, string>, body: unknown, attempt: number): void {
    let shown: unknown = body;
    if (Buffer.isBuffer(body)) shown = `<${body.length} bytes>`;
    else if (typeof body === "string") shown = looksLikeJson(body) ? redactValue(JSON.parse(body)) : truncate(redactText(body));
    this.log(
      redactText(
        truncate(
          JSON.stringify({
            type: "request",
            attempt,
            method,
            url: redactText(this.shownUrl(url)),
            headers: redactHeaders(headers),
            data: shown,
          }),
        ),
      ),
    );
  }

  private logResponse(status: number, headers: Record<string, string>, raw: unknown, contentType: string, url: URL): void {
    const shownHeaders = redactHeaders(headers);
    if (headers.location) shownHeaders.location = this.shownLocation(headers.location, url);
    const decoded = decodeBody(raw, /json|text|xml|csv/i.test(contentType) || !contentType ? "json" : "arraybuffer", contentType);
    this.log(
      redactText(
        truncate(
          JSON.stringify({
            type: "response",
            status,
            headers: shownHeaders,
            data: Buffer.isBuffer(decoded) ? `<${decoded.length} bytes>` : redactValue(decoded),
          }),
        ),
      ),
    );
  }
}

/** A pre-authenticated URL is its own credential: absolute, https (http only on loopback), no user name or password. */
function resolvePreAuthenticatedUrl(text: string, inputName = "URL"): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(inputName, "is not an absolute URL");
  }
  if (url.username || url.password) throw new InputError(inputName, "must not carry a user name or password");
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new InputError(inputName, `must be an https URL, not ${url.protocol}//`);
  }
  return url;
}

function needsConsistencyHeader(req: GraphRequest): boolean {
  return (
    req.autoConsistency !== false &&
    req.query !== undefined &&
    needsEventualConsistency(req.query) &&
    !hasHeader(req.headers ?? {}, "ConsistencyLevel")
  );
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { GraphError };
