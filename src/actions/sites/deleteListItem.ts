import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { encodeSegment } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { listIdInput, listItemIdInput, listPath, siteIdInput } from "./inputs";

export const deleteListItem = action({
  display: {
    label: "Delete List Item",
    description: "Delete a list item; it goes to the site's recycle bin (DELETE /sites/{site-id}/lists/{list-id}/items/{item-id}).",
  },
  inputs: { connection: connectionInput, siteId: siteIdInput, listId: listIdInput, itemId: listItemIdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    await client.delete(listPath(params.siteId, params.listId, `/items/${encodeSegment(params.itemId, "Item")}`));
    return { data: { deleted: true, itemId: params.itemId } };
  },
  examplePayload: { data: { deleted: true, itemId: "7" } },
});
