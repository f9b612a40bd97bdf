import { InputError } from "./errors";

export const DEFAULT_GRAPH_URL = "https://graph.microsoft.com";

/** Microsoft Graph hosts per cloud, with the identity host that issues their tokens. */
export const GRAPH_CLOUDS = [
  { label: "Global (graph.microsoft.com)", graphUrl: "https://graph.microsoft.com", loginUrl: "https://login.microsoftonline.com" },
  { label: "US Government L4 (graph.microsoft.us)", graphUrl: "https://graph.microsoft.us", loginUrl: "https://login.microsoftonline.us" },
  {
    label: "US Government L5 / DoD (dod-graph.microsoft.us)",
    graphUrl: "https://dod-graph.microsoft.us",
    loginUrl: "https://login.microsoftonline.us",
  },
  {
    label: "China, operated by 21Vianet (microsoftgraph.chinacloudapi.cn)",
    graphUrl: "https://microsoftgraph.chinacloudapi.cn",
    loginUrl: "https://login.chinacloudapi.cn",
  },
] as const;

export const API_VERSIONS = ["v1.0", "beta"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * Validates a Graph or identity base URL and returns its origin (scheme://host[:port]).
 * https is required; http is accepted only for loopback hosts, where a local emulator stands in.
 */
export function normalizeServiceUrl(value: unknown, inputName: string): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) throw new InputError(inputName, "is empty; give an https URL such as https://graph.microsoft.com");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(inputName, `"${text}" is not a URL; give an https URL such as https://graph.microsoft.com`);
  }
  if (url.username || url.password) throw new InputError(inputName, "must not carry a user name or password");
  if (url.search || url.hash) throw new InputError(inputName, "must not carry a query string or fragment");
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new InputError(inputName, `"${text}" uses http; only https is allowed (http only for 127.0.0.1, localhost or [::1])`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new InputError(inputName, `"${text}" must start with https://`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (path && path !== "/v1.0" && path !== "/beta") {
    throw new InputError(inputName, `"${text}" must be the service's root URL, without a path`);
  }
  return url.origin;
}

export function normalizeApiVersion(value: unknown, inputName = "API Version"): ApiVersion {
  const text = typeof value === "string" && value.trim() ? value.trim() : "v1.0";
  if ((API_VERSIONS as readonly string[]).includes(text)) return text as ApiVersion;
  throw new InputError(inputName, `"${text}" is not a Graph API version; use v1.0 or beta`);
}

function cloudOfGraph(origin: string) {
  return GRAPH_CLOUDS.find((c) => c.graphUrl === origin);
}

/**
 * Refuses a login host and Graph host of different clouds (a US Gov login with the global Graph), and scopes naming
 * another cloud's Graph host, naming both inputs. Hosts of no known cloud (an emulator) are not judged.
 */
export function checkCloudMatch(graphOrigin: string, loginOrigin?: string, scopes?: string): void {
  const graphCloud = cloudOfGraph(graphOrigin);
  if (!graphCloud) return;
  if (loginOrigin) {
    const loginKnown = GRAPH_CLOUDS.some((c) => c.loginUrl === loginOrigin);
    if (loginKnown && graphCloud.loginUrl !== loginOrigin) {
      throw new InputError(
        "Microsoft Entra ID Endpoint",
        `${loginOrigin} signs in to another cloud than Microsoft Graph URL ${graphOrigin}; for ${graphOrigin} use ${graphCloud.loginUrl}, or change Microsoft Graph URL to match`,
      );
    }
  }
  for (const scope of (scopes ?? "").split(/\s+/).filter(Boolean)) {
    let origin: string;
    try {
      origin = new URL(scope).origin;
    } catch {
      continue;
    }
    if (cloudOfGraph(origin) && origin !== graphCloud.graphUrl) {
      throw new InputError(
        "Scopes",
        `"${scope}" is for ${origin}, but Microsoft Graph URL is ${graphOrigin}; use ${graphCloud.graphUrl}/${new URL(scope).pathname.replace(/^\//, "")}`,
      );
    }
  }
}
