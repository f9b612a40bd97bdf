import { action, input } from "@prismatic-io/spectral";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError } from "../../graph";
import { optionalString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { fileExample } from "./examples";
import { checkName, driveIdInput, folderRef, itemIdInput, itemPathInput, itemRef, itemUrl } from "./inputs";

export const moveDriveItem = action({
  display: {
    label: "Move Drive Item",
    description: "Rename a file or folder and/or move it to another folder of the same drive (PATCH /drives/{drive-id}/items/{item-id}).",
  },
  inputs: {
    connection: connectionInput,
    driveId: driveIdInput,
    itemPath: itemPathInput,
    itemId: itemIdInput,
    newParentFolder: input({
      label: "New Parent Folder",
      type: "string",
      required: false,
      placeholder: "/Archive or an item id",
      example: "/Archive/2026",
      comments: "Where to move the item: a folder path from the root (/ is the root) or a folder's item id. Empty keeps it where it is.",
      clean: (value: unknown) => (optionalString(value) === undefined ? undefined : folderRef(value, "New Parent Folder")),
    }),
    newName: input({
      label: "New Name",
      type: "string",
      required: false,
      example: "q3-final.xlsx",
      comments: "The item's new name. Empty keeps the name.",
      clean: (value: unknown) => {
        const text = optionalString(value);
        return text === undefined ? undefined : checkName(text, "New Name");
      },
    }),
  },
  perform: async (context, params) => {
    const ref = itemRef(params.itemPath, params.itemId);
    if (!params.newParentFolder && !params.newName) throw new InputError("New Name", "give a New Name, a New Parent Folder, or both");
    const client = createGraphClient(params.connection, { logger: context.logger });
    let parentId: string | undefined;
    if (params.newParentFolder) {
      // parentReference takes an id: a folder given by path is looked up first.
      parentId =
        "id" in params.newParentFolder
          ? params.newParentFolder.id
          : (await client.get<DriveItem>(itemUrl(params.driveId, params.newParentFolder), { $select: "id" })).id;
    }
    const body = { ...(params.newName ? { name: params.newName } : {}), ...(parentId ? { parentReference: { id: parentId } } : {}) };
    return { data: await client.patch<DriveItem>(itemUrl(params.driveId, ref), body) };
  },
  examplePayload: { data: fileExample },
});
