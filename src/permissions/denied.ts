import { GraphError, type TokenClaims } from "../graph";
import { formatGrants, holdsGrant } from "./grants";
import { permissionsFor } from "./index";
import type { ActionPermissions, PermissionKind } from "./types";

export type { PermissionKind } from "./types";

/** App-only connections hold application permissions (roles); the others act for a user with delegated scopes. */
const KIND_BY_CONNECTION: Record<string, PermissionKind> = {
  oauthClientCredentials: "application",
  certificateCredentials: "application",
  oauth: "delegated",
  passwordGrant: "delegated",
  refreshToken: "delegated",
};

/** The kind of permission a request runs with: what its token says, else what its connection type implies. */
export function permissionKind(connection: unknown, claims?: TokenClaims): PermissionKind | undefined {
  if (claims?.kind) return claims.kind;
  const key = connection && typeof connection === "object" ? (connection as { key?: unknown }).key : undefined;
  return typeof key === "string" ? KIND_BY_CONNECTION[key] : undefined;
}

/** A 403 ExtensionError is how POST /subscriptions says the token may not read the subscribed resource. */
const DENIED_CODES = new Set(["authorization_requestdenied", "forbidden", "accessdenied", "erroraccessdenied", "extensionerror"]);

export function isPermissionDenied(error: unknown): error is GraphError {
  return error instanceof GraphError && error.status === 403 && DENIED_CODES.has(error.code.toLowerCase());
}

/** "the token holds roles A, B": what the token holds, as the hint says it. */
function heldPermissions(kind: PermissionKind, claims: TokenClaims | undefined): string {
  const noun = kind === "application" ? "roles" : "scopes";
  if (!claims) return `the token's ${noun} could not be read (the access token is not a JWT)`;
  const held = kind === "application" ? claims.roles : claims.scopes;
  return held.length > 0 ? `the token holds ${noun} ${held.join(", ")}` : `the token holds no ${noun}`;
}

const WHERE_TO_GRANT: Record<PermissionKind, string> = {
  application:
    "Add it in the app registration under API permissions → Microsoft Graph → Application permissions and grant admin consent; a new token carries it.",
  delegated:
    "Add it in the app registration under API permissions → Microsoft Graph → Delegated permissions and to the connection's Scopes, then reconnect so the user (or an admin) consents.",
};

/** The sentences a 403 gets: what this action needs for this kind of connection, and what the token holds. */
export function permissionHint(
  key: string,
  permissions: ActionPermissions | undefined,
  kind: PermissionKind | undefined,
  claims: TokenClaims | undefined,
): string {
  if (!permissions) return `No permissions are recorded for ${key}.`;
  const kinds: PermissionKind[] = kind ? [kind] : ["application", "delegated"];
  const needs = kinds.map((k) =>
    permissions[k].length > 0
      ? `${key} needs the ${k} permission ${formatGrants(permissions[k])}`
      : `Microsoft names no ${k} permission for ${key}`,
  );
  const holds = kind ? `; ${heldPermissions(kind, claims)}.` : ".";
  const notes = permissions.notes ? ` ${permissions.notes}` : "";
  const held = kind && claims ? new Set(kind === "application" ? claims.roles : claims.scopes) : undefined;
  if (kind && held && permissions[kind].some((grant) => holdsGrant(held, grant, kind))) {
    // The permission is there: the refusal comes from elsewhere (the user's role, a resource's own access rules).
    return `${needs.join("; ")}${holds} The token has it, so Graph refused for another reason.${notes}`;
  }
  const where = kind && permissions[kind].length > 0 ? ` ${WHERE_TO_GRANT[kind]}` : "";
  return `${needs.join("; ")}${holds}${where}${notes}`;
}

/** The hint for a refusal met by `key` on this connection: what `key` needs and what the token holds. */
export function hintFor(key: string, connection: unknown, claims: TokenClaims | undefined): string {
  return permissionHint(key, permissionsFor(key), permissionKind(connection, claims), claims);
}

/**
 * The hint for a refused request the component did not choose (a sub-request of Batch Request): its permission is
 * its own endpoint's, so the hint says what the token holds and where to compare that with what is needed.
 */
export function anyRequestHint(connection: unknown, claims: TokenClaims | undefined): string {
  const kind = permissionKind(connection, claims);
  const first =
    "Graph refused this request for want of a permission; each request needs its own endpoint's permission, named on Microsoft's page for it.";
  if (!kind) return `${first} Check Connection lists what the token holds.`;
  const holds = heldPermissions(kind, claims);
  return `${first} ${holds.charAt(0).toUpperCase()}${holds.slice(1)}; Check Connection lists them and the actions they cover. ${WHERE_TO_GRANT[kind]}`;
}

/** Adds to a permission-denied GraphError what `key` needs and what the token holds; other errors pass unchanged. */
export function explainDenied(error: unknown, key: string, connection: unknown): unknown {
  if (!isPermissionDenied(error)) return error;
  error.message = `${error.message}\n${hintFor(key, connection, error.tokenClaims)}`;
  return error;
}

type Performer = (...args: never[]) => Promise<unknown>;

interface Performs {
  perform: Performer;
}

/** The functions of a definition that call Graph: an action's or data source's perform, a trigger's and its deploy hooks. */
const GRAPH_CALLERS = ["perform", "onInstanceDeploy", "onInstanceDelete"] as const;
/** A webhook trigger's lifecycle handlers (the platform's webhookCreate / webhookDelete). */
const LIFECYCLE_HANDLERS = ["create", "delete"] as const;

function wrapFunctions(key: string, source: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...source };
  for (const name of names) {
    const run = copy[name];
    if (typeof run === "function") copy[name] = withHint(key, run as Performer);
  }
  return copy;
}

function withHint(key: string, run: Performer): Performer {
  return async (...args: never[]) => {
    try {
      return await run(...args);
    } catch (error) {
      // Every one of these takes the params, which hold the connection, last.
      const params = args[args.length - 1] as { connection?: unknown } | undefined;
      throw explainDenied(error, key, params?.connection);
    }
  };
}

/**
 * Wraps what each definition runs so that a 403 from any action, trigger or data source names what to grant.
 * Done where the areas are joined, not in the component's error hook, because only here is the key known.
 */
export function withPermissionHints<T extends Record<string, Performs>>(definitions: T): T {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [key, definition] of Object.entries(definitions)) {
    const copy = wrapFunctions(key, definition as unknown as Record<string, unknown>, GRAPH_CALLERS);
    const lifecycle = copy.webhookLifecycleHandlers;
    if (lifecycle && typeof lifecycle === "object") {
      copy.webhookLifecycleHandlers = wrapFunctions(key, lifecycle as Record<string, unknown>, LIFECYCLE_HANDLERS);
    }
    wrapped[key] = copy;
  }
  return wrapped as unknown as T;
}
