import { action } from "@prismatic-io/spectral";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { listOrCollect, pagingInputs } from "../users/listing";
import { childrenExample } from "./examples";
import { driveIdInput, folderInput, itemUrl } from "./inputs";

export const listFolder = action({
  display: {
    label: "List Folder",
    description: "List the files and folders in a folder (GET /drives/{drive-id}/items/{item-id}/children or …/root:/{path}:/children).",
  },
  inputs: {
    connection: connectionInput,
    driveId: driveIdInput,
    folder: folderInput("Folder", "The folder to list."),
    select: selectInputFor("driveItem"),
    ...pagingInputs(999, "items"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const request = { path: itemUrl(params.driveId, params.folder, "children"), query: { $select: params.select, $top: params.top } };
    return { data: await listOrCollect<DriveItem>(client, request, params) };
  },
  examplePayload: { data: childrenExample },
});
