import type { ActionPermissions } from "../../src/permissions/types";
import { areaSummary, areaTitle, compareAreas } from "./areas";
import { anchor, cell, code, prose, table } from "./markdown";
import { Area, DocComponent, DocConnection, DocEntry, DocInput, GENERATED_MARK, PermissionsLookup } from "./model";

/** A page of the docs: a path relative to the repository root and its text. */
export type Pages = Map<string, string>;

interface Section {
  title: string;
  /** Relative to `docs/`. */
  file: string;
  summary: string;
  entries: DocEntry[];
}

const byLabel = (a: DocEntry, b: DocEntry) => a.display.label.localeCompare(b.display.label) || a.key.localeCompare(b.key);

function inputLabel(input: DocInput): string {
  return typeof input.label === "string" ? input.label : input.label.value;
}

function shownDefault(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  return code(typeof value === "string" ? value : JSON.stringify(value));
}

function inputType(input: DocInput): string {
  const collection = { valuelist: "list", keyvaluelist: "key-value list" }[input.collection ?? ""];
  return collection ? `${input.type} (${collection})` : input.type;
}

function inputComments(input: DocInput): string {
  const parts = [input.comments ?? ""];
  if (input.example) parts.push(`Example: ${code(input.example)}`);
  if (input.shown === false) parts.push("Hidden: filled from the other inputs.");
  return cell(parts.filter(Boolean).join(" "));
}

function picker(input: DocInput): string {
  if (input.dataSource) return `${code(input.dataSource)} data source`;
  if (input.model?.length) return `one of ${input.model.map((choice) => code(choice.value)).join(", ")}`;
  return "";
}

function inputsTable(inputs: DocInput[]): string {
  if (inputs.length === 0) return "No inputs.";
  return table(
    ["Input", "Key", "Type", "Required", "Default", "Comments", "Picker"],
    inputs.map((input) => [
      cell(inputLabel(input)),
      code(input.key),
      inputType(input),
      input.required ? "yes" : "no",
      cell(shownDefault(input.default)),
      inputComments(input),
      cell(picker(input)),
    ]),
  );
}

/** A permission, or several that must be held together. */
type Grant = string | readonly string[];

function anyOf(grants: readonly Grant[]): string {
  if (grants.length === 0) return "not supported";
  const together = (names: readonly string[]) => {
    const all = names.map(code).join(" and ");
    return grants.length > 1 && names.length > 1 ? `(${all})` : all;
  };
  return grants.map((grant) => (typeof grant === "string" ? code(grant) : together(grant))).join(" or ");
}

function permissionsBlock(permissions: ActionPermissions | undefined): string {
  if (!permissions) return "- Graph endpoints and permissions: not declared";
  const lines =
    permissions.endpoints.length === 0
      ? ["- Graph endpoints: none, no permission needed"]
      : [
          `- Graph endpoints: ${permissions.endpoints.map(code).join(", ")}`,
          `- Application permissions (least privileged): ${anyOf(permissions.application)}`,
          `- Delegated permissions (least privileged): ${anyOf(permissions.delegated)}`,
        ];
  if (permissions.notes) lines.push(`- Notes: ${prose(permissions.notes.replace(/\r?\n/g, " "))}`);
  return lines.join("\n");
}

function entryHeading(entry: DocEntry): string {
  return `${entry.display.label} (${code(entry.key)})`;
}

function entrySection(entry: DocEntry, permissions: PermissionsLookup): string {
  return [
    `## ${entryHeading(entry)}`,
    prose(entry.display.description.trim()),
    permissionsBlock(permissions(entry.key)),
    `### Inputs\n\n${inputsTable(entry.inputs)}`,
  ].join("\n\n");
}

function sectionPage(section: Section, permissions: PermissionsLookup): string {
  const index = section.entries.map((entry) => `- [${entry.display.label}](#${anchor(entryHeading(entry))})`).join("\n");
  return [
    GENERATED_MARK,
    `# ${section.title}`,
    `[Component overview](../README.md)${section.summary ? ` · ${section.summary}.` : ""}`,
    index,
    ...section.entries.map((entry) => entrySection(entry, permissions)),
  ].join("\n\n");
}

function connectionSection(connection: DocConnection): string {
  const rows = connection.inputs.map((input) => [
    cell(inputLabel(input)),
    code(input.key),
    inputComments(input),
    cell(shownDefault(input.default)),
  ]);
  return [
    `### ${connection.label} (${code(connection.key)})`,
    prose(connection.comments?.trim() ?? ""),
    table(["Input", "Key", "Comments", "Default"], rows),
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** Groups the component's actions into the areas found under `src/actions/`, then triggers and data sources. */
export function sections(component: DocComponent, areas: Area[]): Section[] {
  const placed = new Set<string>();
  const actionSections = [...areas]
    .sort((a, b) => compareAreas(a.folder, b.folder))
    .map((area) => {
      const entries = area.keys.filter((key) => component.actions[key] && !placed.has(key)).map((key) => component.actions[key]);
      entries.forEach((entry) => placed.add(entry.key));
      return { title: areaTitle(area.folder), file: `actions/${area.folder}.md`, summary: areaSummary(area.folder), entries };
    });
  const unplaced = Object.values(component.actions).filter((entry) => !placed.has(entry.key));
  if (unplaced.length > 0) actionSections.push({ title: "Other actions", file: "actions/other.md", summary: "", entries: unplaced });
  return [
    ...actionSections,
    {
      title: "Triggers",
      file: "triggers.md",
      summary: "Polling, delta and webhook triggers",
      entries: Object.values(component.triggers ?? {}),
    },
    {
      title: "Data sources",
      file: "data-sources.md",
      summary: "Pickers that fill id inputs",
      entries: Object.values(component.dataSources ?? {}),
    },
  ]
    .filter((section) => section.entries.length > 0)
    .map((section) => ({ ...section, entries: [...section.entries].sort(byLabel) }));
}

/** The table of areas, with links relative to `base` (the folder of the page it goes into). */
export function areasTable(all: Section[], base: string): string {
  return table(
    ["Area", "Entries", "What"],
    all.map((section) => [`[${section.title}](${base}${section.file})`, String(section.entries.length), cell(section.summary)]),
  );
}

function componentPage(component: DocComponent, all: Section[]): string {
  const counts = [
    `${Object.keys(component.actions).length} actions`,
    `${Object.keys(component.triggers ?? {}).length} triggers`,
    `${Object.keys(component.dataSources ?? {}).length} data sources`,
  ].join(", ");
  const connections = [...component.connections].sort((a, b) => a.key.localeCompare(b.key));
  return [
    GENERATED_MARK,
    `# ${component.display.label}`,
    prose(component.display.description.trim()),
    `Component key ${code(component.key)}: ${counts}. Setup, clouds and the emulator: [guides](guide/README.md).`,
    `## Actions, triggers and data sources\n\n${areasTable(all, "")}`,
    `## Connections`,
    ...connections.map(connectionSection),
  ].join("\n\n");
}

/** Every generated page under `docs/`, keyed by its path relative to the repository root. */
export function renderDocs(component: DocComponent, areas: Area[], permissions: PermissionsLookup): Pages {
  const all = sections(component, areas);
  const pages: Pages = new Map();
  pages.set("docs/README.md", `${componentPage(component, all)}\n`);
  for (const section of all) pages.set(`docs/${section.file}`, `${sectionPage(section, permissions)}\n`);
  return pages;
}
