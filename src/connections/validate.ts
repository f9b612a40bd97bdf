import type { Connection } from "@prismatic-io/spectral";
import { InputError, asText, checkCloudMatch, normalizeServiceUrl, validateCaBundle, validateProxyUrl } from "../graph";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const MULTI_TENANT_ALIASES = new Set(["common", "organizations", "consumers"]);

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return asText(value).trim();
}

export function validateClientId(value: unknown, inputName = "Client ID"): void {
  const id = text(value);
  if (id === undefined) return;
  if (!id) throw new InputError(inputName, "is empty; copy the Application (client) ID from the app registration's Overview page");
  if (!isGuid(id))
    throw new InputError(inputName, `"${id}" is not a GUID; copy the Application (client) ID, e.g. 6731de76-14a6-49ae-97bc-6eba6914391e`);
}

/** Connections that get their own tokens for one tenant, and those where a delegated multi-tenant alias is fine. */
const TENANT_CONNECTIONS = new Set(["oauthClientCredentials", "certificateCredentials", "passwordGrant", "refreshToken"]);
const DELEGATED_CONNECTIONS = new Set(["passwordGrant", "refreshToken"]);

export function validateTenant(value: unknown, inputName = "Tenant", allowOrganizations = false): void {
  const tenant = text(value);
  if (tenant === undefined) return;
  if (allowOrganizations && tenant.toLowerCase() === "organizations") return;
  if (!tenant)
    throw new InputError(inputName, "is empty; give the Directory (tenant) ID or a verified domain such as contoso.onmicrosoft.com");
  if (MULTI_TENANT_ALIASES.has(tenant.toLowerCase())) {
    throw new InputError(inputName, `"${tenant}" cannot be used for app-only access; give the Directory (tenant) ID or a verified domain`);
  }
  if (!isGuid(tenant) && !DOMAIN.test(tenant)) {
    throw new InputError(inputName, `"${tenant}" is neither a Directory (tenant) ID (a GUID) nor a domain such as contoso.onmicrosoft.com`);
  }
}

/** Checks the connection's fields before any request, so a mistyped value is named rather than failing at Microsoft. */
export function validateConnectionFields(connection: Connection): void {
  const fields = connection.fields ?? {};
  if (fields.baseUrl !== undefined) normalizeServiceUrl(fields.baseUrl, "Microsoft Graph URL");
  validateClientId(fields.clientId);
  if (TENANT_CONNECTIONS.has(connection.key)) {
    validateTenant(fields.tenant, "Tenant", DELEGATED_CONNECTIONS.has(connection.key));
    const login =
      fields.entraIdEndpoint !== undefined ? normalizeServiceUrl(fields.entraIdEndpoint, "Microsoft Entra ID Endpoint") : undefined;
    if (fields.baseUrl !== undefined) {
      checkCloudMatch(normalizeServiceUrl(fields.baseUrl, "Microsoft Graph URL"), login, text(fields.scopes));
    }
  }
  const proxy = text(fields.httpProxy);
  if (proxy) validateProxyUrl(proxy);
  const ca = text(fields.caCertificate);
  if (ca) validateCaBundle(ca);
  for (const [key, label] of [
    ["authorizeUrl", "Authorize URL"],
    ["tokenUrl", "Token URL"],
  ] as const) {
    const value = text(fields[key]);
    if (value === undefined || value.includes("{{#")) continue;
    if (!value) throw new InputError(label, "is empty");
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new InputError(label, `"${value}" is not a URL`);
    }
    normalizeServiceUrl(url.origin, label);
  }
}

/**
 * The validator's own words for a token error caused by a bad tenant or client id (AADSTS900023, 90002, 700016), so
 * the first failure reads like the check made when the connection is saved.
 */
export function tenantOrClientHint(aadsts: number, fields: Record<string, unknown>): string | undefined {
  const tenant = text(fields.tenant) ?? "";
  const clientId = text(fields.clientId) ?? "";
  const login = text(fields.entraIdEndpoint) ?? "";
  try {
    if (aadsts === 900023) validateTenant(tenant);
    if (aadsts === 700016) validateClientId(clientId);
  } catch (error) {
    return (error as Error).message;
  }
  if (aadsts === 900023 || aadsts === 90002) {
    return `Tenant: "${tenant}" is not a tenant of ${login || "this cloud"}; give the Directory (tenant) ID or a verified domain such as contoso.onmicrosoft.com, and check Microsoft Entra ID Endpoint is your tenant's cloud.`;
  }
  if (aadsts === 700016) {
    return `Client ID: "${clientId}" is not an application in tenant "${tenant}"; copy the Application (client) ID from the app registration's Overview page, and check Tenant and Microsoft Entra ID Endpoint.`;
  }
  return undefined;
}
