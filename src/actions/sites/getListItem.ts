import { action } from "@prismatic-io/spectral";
import type { ListItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { encodeSegment } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { listItemExample } from "./examples";
import { expandFields, fieldSelectInput, listIdInput, listItemIdInput, listPath, siteIdInput } from "./inputs";

export const getListItem = action({
  display: {
    label: "Get List Item",
    description: "Get one list item with its fields (GET /sites/{site-id}/lists/{list-id}/items/{item-id}?$expand=fields).",
  },
  inputs: { connection: connectionInput, siteId: siteIdInput, listId: listIdInput, itemId: listItemIdInput, select: fieldSelectInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const path = listPath(params.siteId, params.listId, `/items/${encodeSegment(params.itemId, "Item")}`);
    return { data: await client.get<ListItem>(path, { $expand: expandFields(params.select) }) };
  },
  examplePayload: { data: listItemExample },
});
