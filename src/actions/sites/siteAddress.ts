import { InputError, encodeSegment } from "../../graph";

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
/** Managed paths whose next segment is the site's name: /sites/{name}, /teams/{name}, /personal/{name}. */
const MANAGED_PATHS = new Set(["sites", "teams", "personal", "portals"]);

export interface SiteAddress {
  hostname: string;
  /** Server-relative path without slashes at either end; "" for the root site. */
  sitePath: string;
}

/**
 * The hostname and server-relative path of a site from the Hostname and Site Path inputs. A whole site URL pasted
 * into Hostname (https://contoso.sharepoint.com/sites/integrations/Lists/Projects/AllItems.aspx) is split: the
 * host, and the site part of its path (a managed path and the site's name; the rest points inside the site).
 */
export function siteAddress(hostnameValue: string, sitePathValue: string | undefined): SiteAddress {
  let hostname = hostnameValue.trim();
  let sitePath = (sitePathValue ?? "").trim();
  if (/^[a-z]+:\/\//i.test(hostname) || hostname.includes("/")) {
    let url: URL;
    try {
      url = new URL(/^[a-z]+:\/\//i.test(hostname) ? hostname : `https://${hostname}`);
    } catch {
      throw new InputError("Hostname", `"${hostname}" is neither a hostname nor a site URL`);
    }
    if (url.protocol !== "https:") throw new InputError("Hostname", "a pasted site URL must be https://");
    const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const fromUrl = segments.length >= 2 && MANAGED_PATHS.has(segments[0].toLowerCase()) ? segments.slice(0, 2).join("/") : "";
    if (fromUrl && sitePath && fromUrl.toLowerCase() !== sitePath.replace(/^\/+|\/+$/g, "").toLowerCase()) {
      throw new InputError(
        "Site Path",
        `"${sitePath}" differs from the site in the pasted URL (${fromUrl}); leave Site Path empty or give the same`,
      );
    }
    hostname = url.hostname;
    sitePath = fromUrl || sitePath;
  }
  if (!HOSTNAME.test(hostname)) throw new InputError("Hostname", `"${hostname}" is not a hostname like contoso.sharepoint.com`);
  sitePath = sitePath.replace(/^\/+|\/+$/g, "");
  if (sitePath.split("/").some((segment) => segment === "." || segment === ".."))
    throw new InputError("Site Path", "must not contain . or .. segments");
  return { hostname: hostname.toLowerCase(), sitePath };
}

/** GET path of a site by address: /sites/{hostname} for the root site, /sites/{hostname}:/{path} otherwise. */
export function siteAddressPath(address: SiteAddress): string {
  const host = encodeSegment(address.hostname, "Hostname");
  if (!address.sitePath) return `/sites/${host}`;
  const path = address.sitePath
    .split("/")
    .filter(Boolean)
    .map((segment) => encodeSegment(segment, "Site Path"))
    .join("/");
  return `/sites/${host}:/${path}`;
}
