import { input } from "@prismatic-io/spectral";
import { InputError, encodeSegment } from "../../graph";
import { boolean, jsonObject, optionalString, requiredString } from "../../inputs/clean";

const COMPOSITE_SITE_ID =
  /^[a-z0-9.-]+,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A site id as Graph gives it: `{hostname},{site collection id},{web id}` (or `root`, the tenant's root site). */
export function siteId(label: string, required = true) {
  return (value: unknown): string | undefined => {
    const text = optionalString(value);
    if (text === undefined) {
      if (required)
        throw new InputError(label, "is required: a site id like contoso.sharepoint.com,{guid},{guid} (pick one, or use Get Site)");
      return undefined;
    }
    if (text === "root" || COMPOSITE_SITE_ID.test(text)) return text;
    throw new InputError(
      label,
      `"${text}" is not a site id: Graph's site ids look like contoso.sharepoint.com,{site collection GUID},{web GUID}, or root`,
    );
  };
}

const SITE_ID_EXAMPLE = "contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe";

export const siteIdInput = input({
  label: "Site",
  type: "string",
  required: true,
  dataSource: "selectSite",
  placeholder: "Pick a site or paste its id",
  example: SITE_ID_EXAMPLE,
  comments:
    "The site's id as Graph returns it: {hostname},{site collection id},{web id}, or root for the tenant's root site. Get Site finds it from a site URL.",
  clean: (value: unknown): string => siteId("Site")(value) as string,
});

export const optionalSiteIdInput = input({
  ...siteIdInput,
  required: false,
  clean: siteId("Site", false),
});

export const listIdInput = input({
  label: "List",
  type: "string",
  required: true,
  dataSource: "selectList",
  placeholder: "Pick a list of the site",
  example: "b23974d6-5a1b-4d8f-9e2a-4f7e5c1d2a3b",
  comments: "The list's id (a GUID) or its title, as /sites/{site}/lists/{list} takes either.",
  clean: requiredString("List"),
});

export const listItemIdInput = input({
  label: "Item",
  type: "string",
  required: true,
  placeholder: "Item id, e.g. 7",
  example: "7",
  comments: "The list item's id: a whole number, as in the item's id property (fields.id).",
  clean: (value: unknown): string => {
    const text = requiredString("Item")(value);
    if (!/^\d+$/.test(text)) throw new InputError("Item", `"${text}" is not a list item id (a whole number like 7)`);
    return text;
  },
});

export const fieldSelectInput = input({
  label: "Select Fields",
  type: "string",
  required: false,
  example: "Title,Status,Budget",
  comments: "Column names (internal names) to return in fields, sent as $expand=fields($select=…). Empty returns every field.",
  clean: optionalString,
});

/** `$expand=fields` with an optional $select of column names. */
export function expandFields(select: string | undefined): string {
  const names = (select ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new InputError("Select Fields", `"${name}" is not a column name (letters, digits and _)`);
  }
  return names.length ? `fields($select=${names.join(",")})` : "fields";
}

export const expandColumnsInput = input({
  label: "Include Columns",
  type: "boolean",
  required: false,
  default: "false",
  comments: "Return the list's column definitions too ($expand=columns).",
  clean: boolean("Include Columns"),
});

export function sitePath(site: string, suffix = ""): string {
  return `/sites/${encodeSegment(site, "Site")}${suffix}`;
}

export function listPath(site: string, list: string, suffix = ""): string {
  return sitePath(site, `/lists/${encodeSegment(list, "List")}${suffix}`);
}

/** Field values of a list item as JSON, keyed by column internal name. */
export function fieldsInput(create: boolean) {
  return input({
    label: "Fields",
    type: "code",
    language: "json",
    required: true,
    example: JSON.stringify({ Title: "Payroll sync", Status: "Active", Budget: 12000 }),
    comments: create
      ? "The new item's field values as a JSON object keyed by column internal name (not display name): text as strings, numbers and currency as numbers, dateTime as ISO 8601, choice as one of its choices, lookups as {Column}LookupId."
      : "The field values to change, as a JSON object keyed by column internal name. Fields not given keep their values.",
    clean: (value: unknown): Record<string, unknown> => {
      const fields = jsonObject("Fields")(value);
      if (!fields || Object.keys(fields).length === 0)
        throw new InputError("Fields", "is required: a JSON object with at least one field value");
      return fields;
    },
  });
}
