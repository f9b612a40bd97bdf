/**
 * The column types Graph defines on columnDefinition, with the facet properties whose values are enums and
 * the ones a facet needs. A column has exactly one type facet.
 */
export const COLUMN_TYPES: Record<string, { required?: string[]; enums?: Record<string, readonly string[]> }> = {
  boolean: {},
  calculated: {
    required: ["formula"],
    enums: { format: ["dateOnly", "dateTime"], outputType: ["boolean", "currency", "dateTime", "number", "text"] },
  },
  choice: { required: ["choices"], enums: { displayAs: ["checkBoxes", "dropDownMenu", "radioButtons"] } },
  currency: {},
  dateTime: { enums: { displayAs: ["default", "friendly", "standard"], format: ["dateOnly", "dateTime"] } },
  geolocation: {},
  lookup: { required: ["listId", "columnName"] },
  number: {
    enums: { decimalPlaces: ["automatic", "none", "one", "two", "three", "four", "five"], displayAs: ["number", "percentage"] },
  },
  personOrGroup: { enums: { chooseFromType: ["peopleAndGroups", "peopleOnly"] } },
  text: { enums: { textType: ["plain", "richText"] } },
  hyperlinkOrPicture: {},
  term: {},
  thumbnail: {},
  contentApprovalStatus: {},
};

/** What Graph answers for a column it cannot create; undefined when the column is acceptable. */
export function columnProblem(column: unknown): string | undefined {
  if (!column || typeof column !== "object" || Array.isArray(column)) return "A column definition must be an object.";
  const c = column as Record<string, unknown>;
  if (typeof c.name !== "string" || !c.name) return "The column name is required.";
  const facets = Object.keys(COLUMN_TYPES).filter((t) => c[t] !== undefined && c[t] !== null);
  if (facets.length !== 1) return `Column '${c.name}' must have exactly one column type facet; found ${facets.length}.`;
  const type = facets[0];
  const facet = c[type];
  if (typeof facet !== "object" || Array.isArray(facet)) return `Column '${c.name}': the '${type}' facet must be an object.`;
  const rule = COLUMN_TYPES[type] ?? {};
  for (const field of rule.required ?? []) {
    if ((facet as Record<string, unknown>)[field] === undefined) return `Column '${c.name}': '${type}.${field}' is required.`;
  }
  for (const [field, allowed] of Object.entries(rule.enums ?? {})) {
    const value = (facet as Record<string, unknown>)[field];
    if (value !== undefined && (typeof value !== "string" || !allowed.includes(value))) {
      return `Column '${c.name}': ${JSON.stringify(value)} is not a valid value for '${type}.${field}'.`;
    }
  }
  return undefined;
}
