import { input } from "@prismatic-io/spectral";
import { GraphClient, InputError, odataString } from "../../graph";
import { isGuid } from "../../connections/validate";
import { jsonObject, optionalString, stringList, userReference } from "../../inputs/clean";

export const userIdInput = input({
  label: "User",
  type: "string",
  required: true,
  dataSource: "selectUser",
  placeholder: "User object ID or userPrincipalName",
  example: "AdeleV@contoso.com",
  comments: "The user's object ID (a GUID) or userPrincipalName (like AdeleV@contoso.com).",
  clean: userReference("User"),
});

/** A JSON object of further Graph properties, merged over the typed fields. */
export function propertiesInput(resource: "user" | "group") {
  return input({
    label: "More Properties (JSON)",
    type: "code",
    language: "json",
    required: false,
    example: resource === "user" ? '{"officeLocation": "18/2111", "employeeId": "E1042"}' : '{"visibility": "Private"}',
    comments: `Other ${resource} properties as a JSON object, sent to Graph as written and merged over the fields above. See Microsoft's ${resource} resource type for names and formats.`,
    clean: jsonObject("More Properties (JSON)"),
  });
}

/** Drops undefined values, so that only the fields the user filled go to Graph. */
export function definedFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * PATCH answers 204 with no body, so the object is read back (from `readPath`, where a rename moved it) with the
 * changed properties (plus `baseSelect`) to return what Graph now holds.
 */
export async function patchThenGet<T>(
  client: GraphClient,
  path: string,
  changes: Record<string, unknown>,
  baseSelect: readonly string[],
  readPath = path,
): Promise<T> {
  await client.patch(path, changes);
  const select = [...new Set([...baseSelect, ...Object.keys(changes).filter((key) => !key.includes("@") && key !== "passwordProfile")])];
  return client.get<T>(readPath, { $select: select.join(",") });
}

export const USER_BASE_SELECT = ["id", "displayName", "userPrincipalName"] as const;

function usageLocation(value: unknown): string | undefined {
  const text = optionalString(value);
  if (text === undefined) return undefined;
  if (!/^[a-z]{2}$/i.test(text))
    throw new InputError("Usage Location", `"${text}" is not a two-letter country code (ISO 3166-1 alpha-2, like US or GB)`);
  return text.toUpperCase();
}

function text(label: string, comments: string, example: string) {
  return input({ label, type: "string", required: false, example, comments, clean: optionalString });
}

/** Profile fields create and update share; empty ones are left out of the request. */
export const profileInputs = {
  givenName: text("First Name", "givenName: the user's given name.", "Adele"),
  surname: text("Last Name", "surname: the user's family name.", "Vance"),
  jobTitle: text("Job Title", "jobTitle (at most 128 characters).", "Retail Manager"),
  department: text("Department", "department (at most 64 characters).", "Retail"),
  usageLocation: input({
    label: "Usage Location",
    type: "string",
    required: false,
    example: "US",
    comments: "usageLocation: a two-letter country code (ISO 3166-1). Required before licences can be assigned.",
    clean: usageLocation,
  }),
};

export type Profile = { givenName?: string; surname?: string; jobTitle?: string; department?: string; usageLocation?: string };

const DOMAIN = /^[a-z0-9'](?:[a-z0-9'-]*[a-z0-9'])?(?:\.[a-z0-9'](?:[a-z0-9'-]*[a-z0-9'])?)+$/i;

/** `*` (all users) gives undefined; otherwise the validated domains, without a leading @. */
export function domainList(value: unknown): string[] | undefined {
  const entries = stringList(value);
  if (entries.length === 0 || entries.includes("*")) return undefined;
  return entries.map((entry) => {
    const domain = entry.replace(/^@/, "");
    if (!DOMAIN.test(domain))
      throw new InputError(
        "Domains",
        `"${entry}" is not a domain name (letters, digits, hyphens and dots, like contoso.com), or * for all users`,
      );
    return domain.toLowerCase();
  });
}

/** `endswith(userPrincipalName,'@d1') or ...`, combined with a user filter as `(<domains>) and (<filter>)`. */
export function domainFilter(domains: string[] | undefined, filter: string | undefined): string | undefined {
  if (!domains) return filter;
  const clause = domains.map((d) => `endswith(userPrincipalName,${odataString(`@${d}`)})`).join(" or ");
  return filter ? `(${clause}) and (${filter})` : clause;
}

export function userPrincipalName(value: unknown): string {
  const upn = userReference("User Principal Name")(value);
  if (isGuid(upn))
    throw new InputError(
      "User Principal Name",
      `"${upn}" is a GUID; give a name like ann@contoso.com on one of the tenant's verified domains`,
    );
  return upn;
}
