import type { Connection } from "@prismatic-io/spectral";
import { InputError, asText, normalizeServiceUrl } from "../graph";

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

export function validateTenant(value: unknown, inputName = "Tenant"): void {
  const tenant = text(value);
  if (tenant === undefined) return;
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
  if (connection.key === "oauthClientCredentials") {
    validateTenant(fields.tenant);
    if (fields.entraIdEndpoint !== undefined) normalizeServiceUrl(fields.entraIdEndpoint, "Microsoft Entra ID Endpoint");
  }
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
