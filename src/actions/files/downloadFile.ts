import { action, input } from "@prismatic-io/spectral";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { GraphNetworkError, InputError, MIB, RESPONSE_TOO_LARGE } from "../../graph";
import { integer } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { attachmentHeader } from "./fileData";
import { driveIdInput, itemIdInput, itemPathInput, itemRef, itemUrl } from "./inputs";

type DownloadableItem = DriveItem & { "@microsoft.graph.downloadUrl"?: string };

export const downloadFile = action({
  display: {
    label: "Download File",
    description:
      "Download a file by path or id: reads the item (GET /drives/{drive-id}/items/{item-id}), refuses it if larger than Max Bytes, then fetches its pre-authenticated download URL without the token.",
  },
  inputs: {
    connection: connectionInput,
    driveId: driveIdInput,
    itemPath: itemPathInput,
    itemId: itemIdInput,
    maxBytes: input({
      label: "Max Bytes",
      type: "string",
      required: false,
      default: String(100 * 1000 * 1000),
      comments:
        "The largest file to download, in bytes (default 100 MB). A larger file is refused before any of it is fetched: the whole file is held in memory.",
      clean: integer("Max Bytes", { min: 1, max: 2 * 1024 * MIB, fallback: 100 * 1000 * 1000 }),
    }),
  },
  perform: async (context, params) => {
    const ref = itemRef(params.itemPath, params.itemId);
    const maxBytes = params.maxBytes ?? 100 * 1000 * 1000;
    const client = createGraphClient(params.connection, { logger: context.logger });
    const item = await client.get<DownloadableItem>(itemUrl(params.driveId, ref));
    if (!item.file) throw new InputError("id" in ref ? "Item ID" : "Item Path", `"${item.name ?? ""}" is a folder, not a file`);
    if ((item.size ?? 0) > maxBytes) {
      throw new InputError(
        "Max Bytes",
        `"${item.name ?? ""}" has ${item.size ?? 0} bytes, more than Max Bytes (${maxBytes}); nothing was downloaded`,
      );
    }
    const downloadUrl = item["@microsoft.graph.downloadUrl"];
    // The download URL is its own credential: the core sends it without the token. Without one, /content answers a
    // 302 to such a URL, which the core follows without the token too.
    // The size Graph listed can be stale (the file changed since it was read): the download itself stops at Max Bytes.
    const limits = { responseType: "arraybuffer", maxResponseBytes: maxBytes } as const;
    const response = await (
      downloadUrl
        ? client.request<Buffer>({ ...limits, method: "GET", path: downloadUrl, preAuthenticated: true, pathInput: "downloadUrl" })
        : client.request<Buffer>({ ...limits, method: "GET", path: itemUrl(params.driveId, { id: item.id as string }, "content") })
    ).catch((error: unknown) => {
      if (error instanceof GraphNetworkError && error.causeCode === RESPONSE_TOO_LARGE) {
        throw new InputError(
          "Max Bytes",
          `"${item.name ?? ""}" sent more than Max Bytes (${maxBytes}) though Graph listed ${item.size ?? 0} bytes (the file may have changed since it was read); the download was stopped`,
        );
      }
      throw error;
    });
    const contentType = item.file.mimeType ?? response.headers["content-type"] ?? "application/octet-stream";
    return { data: response.data, contentType, headers: { "Content-Disposition": attachmentHeader(item.name ?? "download") } };
  },
  examplePayload: {
    data: Buffer.from("PK…"),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    headers: { "Content-Disposition": attachmentHeader("q3.xlsx") },
  },
});
