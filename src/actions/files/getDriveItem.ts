import { action } from "@prismatic-io/spectral";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { fileExample } from "./examples";
import { driveIdInput, itemIdInput, itemPathInput, itemRef, itemUrl } from "./inputs";

export const getDriveItem = action({
  display: {
    label: "Get Drive Item",
    description: "Get a file or folder by path or id (GET /drives/{drive-id}/root:/{path} or /drives/{drive-id}/items/{item-id}).",
  },
  inputs: {
    connection: connectionInput,
    driveId: driveIdInput,
    itemPath: itemPathInput,
    itemId: itemIdInput,
    select: selectInputFor("driveItem"),
  },
  perform: async (context, params) => {
    const ref = itemRef(params.itemPath, params.itemId);
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<DriveItem>(itemUrl(params.driveId, ref), { $select: params.select }) };
  },
  examplePayload: { data: fileExample },
});
