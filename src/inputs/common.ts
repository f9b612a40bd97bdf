import { input } from "@prismatic-io/spectral";
import { API_VERSIONS, ApiVersion, normalizeApiVersion } from "../graph";
import { boolean, integer, optionalString } from "./clean";

export const connectionInput = input({
  label: "Connection",
  type: "connection",
  required: true,
  comments:
    "A Microsoft Graph connection of any kind: OAuth 2.0 Authorization Code, OAuth 2.0 Client Credentials, Client Credentials with a Certificate, Username and Password, or Refresh Token.",
});

export const apiVersionInput = input({
  label: "API Version",
  type: "string",
  required: false,
  default: "v1.0",
  model: API_VERSIONS.map((v) => ({ label: v, value: v })),
  comments: "v1.0 is Microsoft's supported surface; beta has newer features that may change without notice.",
  clean: (value: unknown): ApiVersion => normalizeApiVersion(value),
});

export const selectInput = input({
  label: "Select",
  type: "string",
  required: false,
  example: "id,displayName,userPrincipalName",
  comments: "OData $select: a comma-separated list of properties to return. Empty returns Graph's default set.",
  clean: optionalString,
});

/** A $select example per resource: copying it onto another resource's action would earn a 400 from Graph. */
export const SELECT_EXAMPLES = {
  user: "id,displayName,userPrincipalName,mail,jobTitle",
  group: "id,displayName,description,mail,groupTypes,securityEnabled",
  directoryObject: "id,displayName",
  subscribedSku: "skuId,skuPartNumber,capabilityStatus,consumedUnits,prepaidUnits",
  licenseDetails: "skuId,skuPartNumber,servicePlans",
  organization: "id,displayName,verifiedDomains,tenantType",
  site: "id,displayName,name,webUrl",
  list: "id,displayName,name,webUrl,list",
  column: "id,name,displayName,indexed",
  drive: "id,name,driveType,webUrl",
  driveItem: "id,name,size,webUrl,file,parentReference",
  mailFolder: "id,displayName,parentFolderId,unreadItemCount,totalItemCount",
  message: "id,subject,from,receivedDateTime,isRead",
} as const;

/** The Select input with an example of the action's own resource. */
export function selectInputFor(resource: keyof typeof SELECT_EXAMPLES) {
  return input({ ...selectInput, example: SELECT_EXAMPLES[resource] });
}

export const filterInput = input({
  label: "Filter",
  type: "string",
  required: false,
  example: "startswith(displayName,'A')",
  comments:
    "OData $filter expression, passed to Graph as written. Quote string values with single quotes and double any quote inside ('O''Brien').",
  clean: optionalString,
});

export const searchInput = input({
  label: "Search",
  type: "string",
  required: false,
  example: '"displayName:ann"',
  comments: 'OData $search, as Graph expects it on directory objects: "property:value" in double quotes. Sets ConsistencyLevel: eventual.',
  clean: optionalString,
});

export const orderByInput = input({
  label: "Order By",
  type: "string",
  required: false,
  example: "displayName",
  comments: "OData $orderby: a property name, optionally followed by asc or desc.",
  clean: optionalString,
});

export function topInput(max: number, what = "items") {
  return input({
    label: "Page Size",
    type: "string",
    required: false,
    example: String(Math.min(100, max)),
    comments: `OData $top: how many ${what} Graph returns per page (1 to ${max}). Empty uses Graph's default page size.`,
    clean: integer("Page Size", { min: 1, max }),
  });
}

export const fetchAllInput = input({
  label: "Fetch All",
  type: "boolean",
  required: false,
  default: "false",
  comments: "Follow @odata.nextLink across pages, up to Limit items. Off returns one page and its nextLink.",
  clean: boolean("Fetch All"),
});

export const limitInput = input({
  label: "Limit",
  type: "string",
  required: false,
  default: "10000",
  comments: "The most items Fetch All returns (1 to 1,000,000). The result says whether more were left.",
  clean: integer("Limit", { min: 1, max: 1_000_000, fallback: 10000 }),
});

export const debugInput = input({
  label: "Debug Request",
  type: "boolean",
  required: false,
  default: "false",
  comments: "Log each request and response, with the Authorization header and any secrets redacted.",
  clean: boolean("Debug Request"),
});
