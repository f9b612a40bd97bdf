import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { connectionInput } from "../../inputs/common";
import { driveIdInput, itemIdInput, itemPathInput, itemRef, itemUrl } from "./inputs";

export const deleteDriveItem = action({
  display: {
    label: "Delete Drive Item",
    description: "Delete a file or folder (with everything in it); it goes to the recycle bin (DELETE /drives/{drive-id}/items/{item-id}).",
  },
  inputs: { connection: connectionInput, driveId: driveIdInput, itemPath: itemPathInput, itemId: itemIdInput },
  perform: async (context, params) => {
    const ref = itemRef(params.itemPath, params.itemId);
    const client = createGraphClient(params.connection, { logger: context.logger });
    await client.delete(itemUrl(params.driveId, ref));
    return { data: { deleted: true, ...("id" in ref ? { itemId: ref.id } : { itemPath: `/${ref.path.join("/")}` }) } };
  },
  examplePayload: { data: { deleted: true, itemId: "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K" } },
});
