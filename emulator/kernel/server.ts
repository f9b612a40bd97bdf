import http, { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Directory } from "../areas/directory/store";
import { TENANT_DOMAIN, TENANT_ID } from "../areas/directory/seed";
import { FaultInjector } from "./faults";
import { ChangeFeed } from "./changes";
import { PreAuthenticatedHost } from "./preAuthHost";
import { Reply, closeServer, graphError, listenOnLoopback, newRequestId, writeReply } from "./http";
import { AppRegistration, TokenInfo, TokenStore } from "../identity/tokens";
import { RequestContext, Router } from "./router";
import { everyPermission, permitted } from "./permissions";

export const EMULATOR_APP: AppRegistration = {
  tenantId: TENANT_ID,
  tenantDomain: TENANT_DOMAIN,
  clientId: "0f4a6c2e-9b1d-4c3a-8e7f-5a6b7c8d9e0f",
  clientSecret: "Xk28Q~emulator.secret-value_9f8e7d6c5b4a",
  clientSecretId: "c7d9e1f3-a5b7-4c9d-8e1f-3a5b7c9d1e3f",
  displayName: "Graph Emulator App",
};

export interface EmulatorOptions {
  userCount?: number;
  groupCount?: number;
  seed?: number;
  port?: number;
  /** Keep a log of requests (method, path, headers, body) for assertions. Default true. */
  logRequests?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  search: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Request as the dispatcher sees it, from a socket or from a $batch body. */
export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  rawBody: Buffer;
}

const MAX_LOG = 20_000;

/** A local Microsoft Graph and identity platform on 127.0.0.1, for tests, the demo and benchmarks. */
export class Emulator {
  readonly app = EMULATOR_APP;
  readonly tokens = new TokenStore();
  readonly faults = new FaultInjector();
  /** The tenant's users and groups, which most areas read: the one area state the kernel builds itself. */
  readonly directory: Directory;
  readonly router = new Router();
  readonly requests: LoggedRequest[] = [];
  /** The second host: pre-authenticated downloads and upload sessions (see PreAuthenticatedHost). */
  readonly preAuth = new PreAuthenticatedHost();
  /** Changes the areas announce (users, groups, mail, files, lists), for change notifications. */
  readonly changes = new ChangeFeed();
  private server?: http.Server;
  private readonly logRequests: boolean;
  /** Arbitrary per-area state that route modules keep (subscriptions, audit events, ...). */
  readonly state = new Map<string, unknown>();
  private closers: (() => Promise<void> | void)[] = [];

  /** `registerAreas` plugs every area's routes into the router; the kernel knows no area. */
  constructor(
    registerAreas: (router: Router, emulator: Emulator) => void,
    private readonly options: EmulatorOptions = {},
  ) {
    this.directory = new Directory({ userCount: options.userCount ?? 40, groupCount: options.groupCount ?? 10, seed: options.seed ?? 1 });
    this.logRequests = options.logRequests ?? true;
    registerAreas(this.router, this);
    // Unless granted otherwise, apps and users hold every permission the routes declare.
    this.tokens.everyPermission = (kind) => everyPermission(this.router.declaredPermissions(), kind);
    this.tokens.appDisplayNameOf = (clientId) => (clientId === this.app.clientId ? this.app.displayName : undefined);
    this.tokens.userPrincipalNameOf = (userId) => this.directory.findUser(userId)?.userPrincipalName ?? undefined;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("emulator is not listening");
    return `http://127.0.0.1:${address.port}`;
  }

  /** Token endpoint for a tenant, as the connections template it: {entraIdEndpoint}/{tenant}/oauth2/v2.0/token. */
  tokenUrl(tenant = this.app.tenantId): string {
    return `${this.url}/${tenant}/oauth2/v2.0/token`;
  }

  /** An app-only access token, as if the client credentials grant had run. */
  issueToken(overrides: Partial<Omit<TokenInfo, "token" | "expiresAt">> = {}, lifetimeSeconds?: number): string {
    return this.tokens.issueAccessToken(
      {
        kind: "app",
        clientId: this.app.clientId,
        tenantId: this.app.tenantId,
        scopes: ["https://graph.microsoft.com/.default"],
        ...overrides,
      },
      lifetimeSeconds,
    ).token;
  }

  /** Registers something to stop when the emulator closes (extra servers, timers). */
  onClose(closer: () => Promise<void> | void): void {
    this.closers.push(closer);
  }

  async start(): Promise<this> {
    const server = await listenOnLoopback((req, res) => void this.handleHttp(req, res), this.options.port);
    server.keepAliveTimeout = 30_000;
    this.server = server;
    await this.preAuth.start();
    return this;
  }

  async close(): Promise<void> {
    for (const closer of this.closers.splice(0)) await closer();
    await this.preAuth.close();
    await closeServer(this.server);
    this.server = undefined;
  }

  /** Requests whose path contains `fragment` (and, if given, with this method). */
  requestsTo(fragment: string, method?: string): LoggedRequest[] {
    return this.requests.filter((r) => r.path.includes(fragment) && (!method || r.method === method));
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const method = (req.method ?? "GET").toUpperCase();
    if (this.logRequests && this.requests.length < MAX_LOG) {
      this.requests.push({ method, path: url.pathname, search: url.search, headers: req.headers, body: rawBody.toString("utf8") });
    }
    const fault = this.faults.take(method, url.pathname);
    if (fault?.kind === "drop" && fault.when !== "after") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "slow") await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
    if (fault?.kind === "status") {
      const requestId = newRequestId();
      const clientRequestId = typeof req.headers["client-request-id"] === "string" ? req.headers["client-request-id"] : undefined;
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers["Retry-After"] = fault.retryAfter;
      const status = fault.status ?? 429;
      const message =
        status === 429
          ? "Too many requests. Please try again later."
          : status === 503
            ? "The service is temporarily unavailable."
            : "Injected failure.";
      this.send(
        res,
        graphError(
          status,
          fault.code ?? (status === 429 ? "TooManyRequests" : "serviceNotAvailable"),
          message,
          requestId,
          clientRequestId,
          headers,
        ),
        requestId,
        clientRequestId,
      );
      return;
    }
    const requestId = newRequestId();
    const reply = await this.dispatch({ method, url, headers: req.headers, rawBody }, requestId);
    if (fault?.kind === "drop") {
      req.socket.destroy();
      return;
    }
    this.send(res, reply, requestId, req.headers["client-request-id"]);
  }

  /** Routes one request (from a socket or from a $batch) to its handler. */
  async dispatch(request: EmulatorRequest, requestId = newRequestId()): Promise<Reply> {
    const rawSegments = request.url.pathname.split("/").filter(Boolean);
    let segments: string[];
    try {
      segments = rawSegments.map((s) => decodeURIComponent(s));
    } catch {
      return graphError(400, "BadRequest", "The request URI is not valid.", requestId);
    }
    const first = segments[0];
    const version = first === "v1.0" || first === "beta" ? first : undefined;
    const clientRequestId = typeof request.headers["client-request-id"] === "string" ? request.headers["client-request-id"] : undefined;
    let auth: TokenInfo | undefined;
    if (version) {
      const header = String(request.headers.authorization ?? "");
      const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1];
      const challenge = {
        "WWW-Authenticate":
          'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
      };
      if (!bearer) return graphError(401, "InvalidAuthenticationToken", "Access token is empty.", requestId, clientRequestId, challenge);
      auth = this.tokens.lookup(bearer);
      if (!auth)
        return graphError(
          401,
          "InvalidAuthenticationToken",
          "IDX14100: JWT is not well formed, there are no dots (.).",
          requestId,
          clientRequestId,
          challenge,
        );
      if (auth.expiresAt < Date.now())
        return graphError(
          401,
          "InvalidAuthenticationToken",
          "Lifetime validation failed, the token is expired.",
          requestId,
          clientRequestId,
          challenge,
        );
      segments = expandKeySegments(segments.slice(1));
    }
    const found = this.router.find(request.method, Boolean(version), segments);
    if (found === "method-not-allowed") {
      return graphError(
        405,
        "Request_BadRequest",
        `Specified HTTP method is not allowed for the request target.`,
        requestId,
        clientRequestId,
      );
    }
    if (!found) {
      return graphError(400, "BadRequest", `Resource not found for the segment '${segments[0] ?? ""}'.`, requestId, clientRequestId);
    }
    const required = auth && this.router.permissionsFor(request.method, segments);
    if (auth && required && !permitted(auth, required)) {
      return graphError(
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
        requestId,
        clientRequestId,
      );
    }
    let body: unknown;
    const contentType = String(request.headers["content-type"] ?? "");
    if (request.rawBody.length > 0 && /json/i.test(contentType)) {
      try {
        body = JSON.parse(request.rawBody.toString("utf8")) as unknown;
      } catch {
        return graphError(
          400,
          "BadRequest",
          "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
          requestId,
          clientRequestId,
        );
      }
    }
    const ctx: RequestContext = {
      method: request.method,
      url: request.url,
      segments,
      version,
      params: found.params,
      query: request.url.searchParams,
      headers: request.headers,
      body,
      rawBody: request.rawBody,
      auth,
      requestId,
      emulator: this,
    };
    try {
      return await found.handler(ctx);
    } catch (error) {
      return graphError(500, "InternalServerError", `Emulator route failed: ${(error as Error).message}`, requestId, clientRequestId);
    }
  }

  private send(res: ServerResponse, reply: Reply, requestId: string, clientRequestId?: string | string[]): void {
    writeReply(res, reply, {
      "request-id": requestId,
      "client-request-id": typeof clientRequestId === "string" ? clientRequestId : requestId,
    });
  }
}

/** Graph's key syntax, `users('$x@contoso.com')`, addresses the same entity as `users/$x@contoso.com`. */
function expandKeySegments(segments: string[]): string[] {
  return segments.flatMap((segment) => {
    const key = /^([A-Za-z]+)\('((?:[^']|'')*)'\)$/.exec(segment);
    return key ? [key[1], key[2].replace(/''/g, "'")] : [segment];
  });
}
