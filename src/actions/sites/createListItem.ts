import { action } from "@prismatic-io/spectral";
import type { ListItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput } from "../../inputs/common";
import { listItemExample } from "./examples";
import { fieldsInput, listIdInput, listPath, siteIdInput } from "./inputs";

export const createListItem = action({
  display: {
    label: "Create List Item",
    description: "Add an item to a list, with its field values (POST /sites/{site-id}/lists/{list-id}/items).",
  },
  inputs: { connection: connectionInput, siteId: siteIdInput, listId: listIdInput, fields: fieldsInput(true) },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.post<ListItem>(listPath(params.siteId, params.listId, "/items"), { fields: params.fields }) };
  },
  examplePayload: { data: listItemExample },
});
