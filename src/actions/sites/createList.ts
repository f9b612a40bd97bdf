import { action, input } from "@prismatic-io/spectral";
import type { List } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { oneOf, optionalString, requiredString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { validateColumns } from "./columns";
import { listWithColumnsExample } from "./examples";
import { siteIdInput, sitePath } from "./inputs";

/** listInfo.template values a list can be created with. */
const TEMPLATES = [
  "genericList",
  "documentLibrary",
  "tasks",
  "contacts",
  "events",
  "links",
  "announcements",
  "issueTracking",
  "survey",
] as const;

const COLUMNS_EXAMPLE = JSON.stringify([
  { name: "Status", choice: { choices: ["Planned", "Active", "Done"], displayAs: "dropDownMenu" }, indexed: true },
  { name: "Budget", currency: { locale: "en-us" }, validation: { formula: "=[Budget]>=0" } },
  { name: "Due", dateTime: { format: "dateOnly" } },
]);

export const createList = action({
  display: {
    label: "Create List",
    description: "Create a list (or document library) with typed columns in a site (POST /sites/{site-id}/lists).",
  },
  inputs: {
    connection: connectionInput,
    siteId: siteIdInput,
    displayName: input({
      label: "Display Name",
      type: "string",
      required: true,
      example: "Projects",
      comments: "The list's title, unique in the site.",
      clean: requiredString("Display Name"),
    }),
    description: input({
      label: "Description",
      type: "string",
      required: false,
      example: "Integration projects",
      comments: "The list's description.",
      clean: optionalString,
    }),
    template: input({
      label: "Template",
      type: "string",
      required: false,
      default: "genericList",
      model: TEMPLATES.map((t) => ({ label: t, value: t })),
      comments: "listInfo.template: genericList for a custom list, documentLibrary for a library (it gets a drive), or another list type.",
      clean: oneOf("Template", TEMPLATES, "genericList"),
    }),
    columns: input({
      label: "Columns",
      type: "code",
      language: "json",
      required: false,
      example: COLUMNS_EXAMPLE,
      comments:
        'A JSON list of columnDefinition objects. Each has a name (internal name: letters, digits, _) and exactly one type: boolean, calculated (formula), choice (choices), currency, dateTime, geolocation, lookup (listId, columnName), number, personOrGroup, text, hyperlinkOrPicture, term, thumbnail or contentApprovalStatus; optional displayName, description, required, indexed, enforceUniqueValues (needs indexed), hidden, defaultValue and validation ({formula: "=…"}). Every column is checked before anything is sent. Title, Created and Modified exist already.',
      clean: (value: unknown) => validateColumns(value, "Columns"),
    }),
  },
  perform: async (context, params) => {
    const body = {
      displayName: params.displayName,
      ...(params.description ? { description: params.description } : {}),
      columns: params.columns,
      list: { template: params.template },
    };
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.post<List>(sitePath(params.siteId, "/lists"), body) };
  },
  examplePayload: { data: listWithColumnsExample },
});
