import { action, input } from "@prismatic-io/spectral";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { encodeSegment, waitForMonitor } from "../../graph";
import { integer, optionalString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { fileExample } from "./examples";
import { checkName, driveIdInput, folderInput, itemIdInput, itemPathInput, itemRef, itemUrl } from "./inputs";

export const copyDriveItem = action({
  display: {
    label: "Copy Drive Item",
    description:
      "Copy a file or folder into a folder, possibly of another drive, and wait for the copy (POST /drives/{drive-id}/items/{item-id}/copy, then its monitor URL).",
  },
  inputs: {
    connection: connectionInput,
    driveId: driveIdInput,
    itemPath: itemPathInput,
    itemId: itemIdInput,
    targetDriveId: input({
      label: "Target Drive",
      type: "string",
      required: false,
      dataSource: "selectDrive",
      placeholder: "Same drive if empty",
      example: "b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd",
      comments: "The drive to copy into. Empty copies within the same drive.",
      clean: optionalString,
    }),
    targetFolder: folderInput("Target Folder", "The folder of the target drive to copy into."),
    newName: input({
      label: "New Name",
      type: "string",
      required: false,
      example: "q3-copy.xlsx",
      comments: "The copy's name. Empty keeps the original name (Graph answers 409 if it is taken).",
      clean: (value: unknown) => {
        const text = optionalString(value);
        return text === undefined ? undefined : checkName(text, "New Name");
      },
    }),
    timeLimit: input({
      label: "Time Limit (s)",
      type: "string",
      required: false,
      default: "120",
      comments:
        "How long to wait for Graph's copy job (1 to 900 seconds). The copy keeps running in Microsoft 365 after that; the action then fails saying so.",
      clean: integer("Time Limit (s)", { min: 1, max: 900, fallback: 120 }),
    }),
  },
  perform: async (context, params) => {
    const ref = itemRef(params.itemPath, params.itemId);
    const targetDrive = params.targetDriveId ?? params.driveId;
    const client = createGraphClient(params.connection, { logger: context.logger });
    const folder =
      "id" in params.targetFolder
        ? params.targetFolder.id
        : (await client.get<DriveItem>(itemUrl(targetDrive, params.targetFolder), { $select: "id" })).id;
    const body = { parentReference: { driveId: targetDrive, id: folder }, ...(params.newName ? { name: params.newName } : {}) };
    const started = await client.request({ method: "POST", path: itemUrl(params.driveId, ref, "copy"), body });
    const monitor = started.headers.location;
    if (!monitor) throw new Error("Microsoft Graph accepted the copy but gave no monitor URL to follow.");
    const done = await waitForMonitor(client, monitor, (params.timeLimit ?? 120) * 1000);
    if (!done.resourceId) throw new Error("The copy completed but Graph did not say which item it made.");
    return {
      data: await client.get<DriveItem>(
        `/drives/${encodeSegment(targetDrive, "Target Drive")}/items/${encodeSegment(done.resourceId, "resourceId")}`,
      ),
    };
  },
  examplePayload: { data: fileExample },
});
