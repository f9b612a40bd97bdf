import type { IncomingHttpHeaders } from "node:http";
import type { Emulator } from "./server";
import type { TokenInfo } from "../identity/tokens";
import type { Reply } from "./http";
import type { RoutePermissions } from "./permissions";

export type ApiVersion = "v1.0" | "beta";

export interface RequestContext {
  method: string;
  /** Full request URL (origin is the emulator's). */
  url: URL;
  /** Decoded path segments after the version, e.g. ["users", "a/b"]. */
  segments: string[];
  version?: ApiVersion;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  rawBody: Buffer;
  auth?: TokenInfo;
  requestId: string;
  emulator: Emulator;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  graph: boolean;
  match: (segments: string[]) => Record<string, string> | undefined;
  handler: Handler;
}

/** `/users/:id/memberOf` style patterns matched against decoded segments; a RegExp matches the joined path. */
function compile(pattern: string | RegExp): Route["match"] {
  if (pattern instanceof RegExp) {
    return (segments) => {
      const m = pattern.exec(`/${segments.join("/")}`);
      return m ? { ...(m.groups ?? {}) } : undefined;
    };
  }
  const parts = pattern.split("/").filter(Boolean);
  return (segments) => {
    if (segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const seg = segments[i];
      if (part.startsWith(":")) params[part.slice(1)] = seg;
      else if (part.toLowerCase() !== seg.toLowerCase()) return undefined;
    }
    return params;
  };
}

interface PermissionRule {
  method: string;
  match: Route["match"];
  permissions: RoutePermissions;
}

export class Router {
  private readonly routes: Route[] = [];
  private readonly permissionRules: PermissionRule[] = [];
  private readonly checkedByAreas: RoutePermissions[] = [];

  /**
   * Declares what Microsoft's docs require for a Graph route (each area keeps its table in `permissions.ts`):
   * the dispatcher answers 403 Authorization_RequestDenied to a token holding none of it.
   */
  requirePermissions(method: string, pattern: string | RegExp, permissions: RoutePermissions): void {
    this.permissionRules.push({ method: method.toUpperCase(), match: compile(pattern), permissions });
  }

  /** The permissions declared for a Graph request (segments after the version), if any. */
  permissionsFor(method: string, segments: string[]): RoutePermissions | undefined {
    return this.permissionRules.find((rule) => rule.method === method && rule.match(segments))?.permissions;
  }

  /** Permissions an area checks in its own handlers (mail): not enforced here, but held by default like the declared ones. */
  declareCheckedByArea(permissions: RoutePermissions): void {
    this.checkedByAreas.push(permissions);
  }

  declaredPermissions(): RoutePermissions[] {
    return [...this.permissionRules.map((rule) => rule.permissions), ...this.checkedByAreas];
  }

  /** A Graph route under /v1.0 and /beta: bearer token required. */
  graph(method: string, pattern: string | RegExp, handler: Handler): void {
    this.routes.push({ method: method.toUpperCase(), graph: true, match: compile(pattern), handler });
  }

  /** A route outside Graph (identity endpoints, download hosts): no bearer token. */
  plain(method: string, pattern: string | RegExp, handler: Handler): void {
    this.routes.push({ method: method.toUpperCase(), graph: false, match: compile(pattern), handler });
  }

  find(
    method: string,
    graph: boolean,
    segments: string[],
  ): { handler: Handler; params: Record<string, string> } | "method-not-allowed" | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      if (route.graph !== graph) continue;
      const params = route.match(segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { handler: route.handler, params };
    }
    return pathMatched ? "method-not-allowed" : undefined;
  }
}
