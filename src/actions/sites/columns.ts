import type { ColumnDefinition } from "@microsoft/microsoft-graph-types";
import { InputError } from "../../graph";
import { parseJson } from "../../inputs/clean";

type FieldKind = "string" | "boolean" | "number" | "object" | "string[]" | readonly string[];

interface FacetRule {
  /** Fields the facet must have. */
  required?: string[];
  /** Every field the facet may have, with what it holds (an array of strings is an enum). */
  fields: Record<string, FieldKind>;
}

/** Graph's column types (columnDefinition facets), with their properties as Microsoft documents them. */
export const COLUMN_FACETS: Record<string, FacetRule> = {
  boolean: { fields: {} },
  calculated: {
    required: ["formula"],
    fields: { formula: "string", format: ["dateOnly", "dateTime"], outputType: ["boolean", "currency", "dateTime", "number", "text"] },
  },
  choice: {
    required: ["choices"],
    fields: { allowTextEntry: "boolean", choices: "string[]", displayAs: ["checkBoxes", "dropDownMenu", "radioButtons"] },
  },
  currency: { fields: { locale: "string" } },
  dateTime: { fields: { displayAs: ["default", "friendly", "standard"], format: ["dateOnly", "dateTime"] } },
  geolocation: { fields: {} },
  lookup: {
    required: ["listId", "columnName"],
    fields: {
      allowMultipleValues: "boolean",
      allowUnlimitedLength: "boolean",
      columnName: "string",
      listId: "string",
      primaryLookupColumnId: "string",
    },
  },
  number: {
    fields: {
      decimalPlaces: ["automatic", "none", "one", "two", "three", "four", "five"],
      displayAs: ["number", "percentage"],
      maximum: "number",
      minimum: "number",
    },
  },
  personOrGroup: {
    fields: { allowMultipleSelection: "boolean", chooseFromType: ["peopleAndGroups", "peopleOnly"], displayAs: "string" },
  },
  text: {
    fields: {
      allowMultipleLines: "boolean",
      appendChangesToExistingText: "boolean",
      linesForEditing: "number",
      maxLength: "number",
      textType: ["plain", "richText"],
    },
  },
  hyperlinkOrPicture: { fields: { isPicture: "boolean" } },
  term: {
    fields: { allowMultipleValues: "boolean", parentTerm: "object", showFullyQualifiedName: "boolean", termSet: "object" },
  },
  thumbnail: { fields: {} },
  contentApprovalStatus: { fields: {} },
};

/** Column properties outside the type facets. */
const COLUMN_FIELDS: Record<string, FieldKind> = {
  name: "string",
  displayName: "string",
  description: "string",
  columnGroup: "string",
  enforceUniqueValues: "boolean",
  hidden: "boolean",
  indexed: "boolean",
  readOnly: "boolean",
  required: "boolean",
  propagateChanges: "boolean",
  defaultValue: "object",
  validation: "object",
};

function kindOk(kind: FieldKind, value: unknown): boolean {
  if (Array.isArray(kind)) return typeof value === "string" && kind.includes(value);
  if (kind === "string[]") return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v.length > 0);
  if (kind === "object") return value !== null && typeof value === "object" && !Array.isArray(value);
  return typeof value === kind;
}

function describe(kind: FieldKind): string {
  if (Array.isArray(kind)) return `one of ${kind.join(", ")}`;
  if (kind === "string[]") return "a non-empty list of strings";
  return `a ${kind as string}`;
}

function checkFields(
  fail: (message: string) => never,
  where: string,
  value: Record<string, unknown>,
  rules: Record<string, FieldKind>,
): void {
  for (const [field, fieldValue] of Object.entries(value)) {
    const kind = rules[field];
    if (!kind) fail(`${where}${field} is not a property Graph defines here`);
    if (!kindOk(kind, fieldValue)) fail(`${where}${field} must be ${describe(kind)}, not ${JSON.stringify(fieldValue)}`);
  }
}

function checkValidation(fail: (message: string) => never, validation: Record<string, unknown>): void {
  if (typeof validation.formula !== "string" || !validation.formula.startsWith("=")) {
    fail('validation.formula is required: a formula starting with "=", like "=[Budget]>0"');
  }
  const descriptions = validation.descriptions;
  if (descriptions !== undefined) {
    const ok =
      Array.isArray(descriptions) &&
      descriptions.every((d) => d && typeof d === "object" && typeof (d as Record<string, unknown>).displayName === "string");
    if (!ok) fail("validation.descriptions must be a list of {languageTag, displayName}");
  }
}

/**
 * Checks one columnDefinition the way Graph would, before anything is sent: a name Graph accepts as an internal
 * name, exactly one type facet, the facet's required fields, known enum values and property types, and sane
 * min/max and text lengths. The error names the column and the field.
 */
export function validateColumn(column: unknown, label: string, position?: number): ColumnDefinition {
  const at = position === undefined ? "" : `column ${position + 1}`;
  const raw = column as Record<string, unknown>;
  const name = raw && typeof raw === "object" && typeof raw.name === "string" ? raw.name : undefined;
  const who = [at, name ? `"${name}"` : ""].filter(Boolean).join(" ");
  const fail = (message: string): never => {
    throw new InputError(label, `${who ? `${who}: ` : ""}${message}`);
  };
  if (!column || typeof column !== "object" || Array.isArray(column)) fail("must be a JSON object (a columnDefinition)");
  if (!name) fail('name is required: the column\'s internal name, like "Budget"');
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name as string)) {
    fail("name must start with a letter or _ and hold only letters, digits and _ (at most 32), as SharePoint internal names do");
  }
  const facets = Object.keys(raw).filter((key) => key in COLUMN_FACETS);
  if (facets.length !== 1) {
    fail(
      facets.length === 0
        ? `needs a type: one of ${Object.keys(COLUMN_FACETS).join(", ")} (e.g. "text": {})`
        : `has ${facets.length} types (${facets.join(", ")}); a column has exactly one`,
    );
  }
  const type = facets[0];
  const rule = COLUMN_FACETS[type];
  const facet = raw[type];
  if (!kindOk("object", facet)) fail(`${type} must be an object (use {} for no settings)`);
  const settings = facet as Record<string, unknown>;
  for (const field of rule.required ?? []) if (settings[field] === undefined) fail(`${type}.${field} is required`);
  checkFields(fail, `${type}.`, settings, rule.fields);
  const rest = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== type));
  checkFields(fail, "", rest, COLUMN_FIELDS);
  if (
    type === "number" &&
    typeof settings.minimum === "number" &&
    typeof settings.maximum === "number" &&
    settings.minimum > settings.maximum
  ) {
    fail("number.minimum is greater than number.maximum");
  }
  if (
    type === "text" &&
    settings.maxLength !== undefined &&
    !(Number.isInteger(settings.maxLength) && (settings.maxLength as number) >= 1 && (settings.maxLength as number) <= 255)
  ) {
    fail("text.maxLength must be a whole number from 1 to 255");
  }
  if (raw.enforceUniqueValues === true && raw.indexed !== true)
    fail("enforceUniqueValues needs indexed: true (SharePoint enforces uniqueness through the index)");
  if (raw.validation !== undefined) checkValidation(fail, raw.validation as Record<string, unknown>);
  return raw;
}

/** A JSON list of columnDefinition objects, every one checked; names must not repeat. */
export function validateColumns(value: unknown, label = "Columns"): ColumnDefinition[] {
  const parsed = parseJson(value, label);
  if (parsed === undefined) return [];
  if (!Array.isArray(parsed)) throw new InputError(label, "must be a JSON list of columnDefinition objects");
  const columns = parsed.map((column, i) => validateColumn(column, label, i));
  const seen = new Set<string>();
  for (const column of columns) {
    const key = (column.name as string).toLowerCase();
    if (seen.has(key)) throw new InputError(label, `"${column.name}" appears twice; column names must be unique`);
    seen.add(key);
  }
  return columns;
}
