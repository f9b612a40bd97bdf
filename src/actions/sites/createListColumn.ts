import { action, input } from "@prismatic-io/spectral";
import type { ColumnDefinition } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError } from "../../graph";
import { parseJson } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { validateColumn } from "./columns";
import { columnExamples } from "./examples";
import { listIdInput, listPath, siteIdInput } from "./inputs";

export const createListColumn = action({
  display: { label: "Create List Column", description: "Add a typed column to a list (POST /sites/{site-id}/lists/{list-id}/columns)." },
  inputs: {
    connection: connectionInput,
    siteId: siteIdInput,
    listId: listIdInput,
    column: input({
      label: "Column",
      type: "code",
      language: "json",
      required: true,
      example: JSON.stringify({ name: "Priority", number: { minimum: 1, maximum: 5, decimalPlaces: "none" }, indexed: true }),
      comments:
        "One columnDefinition as JSON: a name (letters, digits, _) and exactly one type facet (boolean, calculated, choice, currency, dateTime, geolocation, lookup, number, personOrGroup, text, hyperlinkOrPicture, term, thumbnail, contentApprovalStatus) with its settings. Checked before anything is sent.",
      clean: (value: unknown): ColumnDefinition => {
        const parsed = parseJson(value, "Column");
        if (parsed === undefined) throw new InputError("Column", "is required: a columnDefinition JSON object");
        return validateColumn(parsed, "Column");
      },
    }),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.post<ColumnDefinition>(listPath(params.siteId, params.listId, "/columns"), params.column) };
  },
  examplePayload: { data: columnExamples[1] },
});
