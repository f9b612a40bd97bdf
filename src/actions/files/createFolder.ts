import { action, input } from "@prismatic-io/spectral";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput } from "../../inputs/common";
import { requiredString } from "../../inputs/clean";
import { folderExample } from "./examples";
import { checkName, conflictBehaviorInput, driveIdInput, folderInput, itemUrl } from "./inputs";

export const createFolder = action({
  display: { label: "Create Folder", description: "Create a folder inside a folder (POST /drives/{drive-id}/items/{parent-id}/children)." },
  inputs: {
    connection: connectionInput,
    driveId: driveIdInput,
    parentFolder: folderInput("Parent Folder", "The folder to create the new folder in."),
    name: input({
      label: "Name",
      type: "string",
      required: true,
      example: "2026",
      comments: "The new folder's name; OneDrive and SharePoint refuse \" * : < > ? / \\ | in names.",
      clean: (value: unknown): string => checkName(requiredString("Name")(value), "Name"),
    }),
    conflictBehavior: conflictBehaviorInput("fail"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const body = { name: params.name, folder: {}, "@microsoft.graph.conflictBehavior": params.conflictBehavior };
    return { data: await client.post<DriveItem>(itemUrl(params.driveId, params.parentFolder, "children"), body) };
  },
  examplePayload: { data: folderExample },
});
