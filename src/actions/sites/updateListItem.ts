import { action } from "@prismatic-io/spectral";
import type { FieldValueSet } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { encodeSegment } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { fieldsExample } from "./examples";
import { fieldsInput, listIdInput, listItemIdInput, listPath, siteIdInput } from "./inputs";

export const updateListItem = action({
  display: {
    label: "Update List Item",
    description:
      "Change field values of a list item; fields not given keep their values (PATCH /sites/{site-id}/lists/{list-id}/items/{item-id}/fields).",
  },
  inputs: { connection: connectionInput, siteId: siteIdInput, listId: listIdInput, itemId: listItemIdInput, fields: fieldsInput(false) },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const path = listPath(params.siteId, params.listId, `/items/${encodeSegment(params.itemId, "Item")}/fields`);
    return { data: await client.patch<FieldValueSet>(path, params.fields) };
  },
  examplePayload: { data: fieldsExample },
});
