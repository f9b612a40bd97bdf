import { action, input } from "@prismatic-io/spectral";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { DEFAULT_DRIVE_CHUNK, DRIVE_CHUNK_MULTIPLE, DRIVE_MAX_CHUNK, KIB, MIB, UploadSessionInfo, uploadInSession } from "../../graph";
import { integer, requiredString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { fileExample } from "./examples";
import { fileContent } from "./fileData";
import { checkName, childUrl, conflictBehaviorInput, driveIdInput, folderInput } from "./inputs";

/** Graph's recommended limit for a single PUT; larger files go through an upload session. */
export const SIMPLE_UPLOAD_MAX = 4 * MIB;

export const uploadFile = action({
  display: {
    label: "Upload File",
    description:
      "Upload a file of any size to a folder: up to 4 MiB in one PUT (…:/{name}:/content), larger through an upload session in resumable chunks (…:/{name}:/createUploadSession).",
  },
  inputs: {
    connection: connectionInput,
    driveId: driveIdInput,
    folder: folderInput("Folder", "The folder to upload into."),
    fileName: input({
      label: "File Name",
      type: "string",
      required: true,
      example: "q3.xlsx",
      comments: "The file's name in the folder; OneDrive and SharePoint refuse \" * : < > ? / \\ | in names.",
      clean: (value: unknown): string => checkName(requiredString("File Name")(value), "File Name"),
    }),
    file: input({
      label: "File",
      type: "data",
      required: true,
      comments: "The file's content: file data from an earlier step (its content type is kept), or text.",
      clean: (value: unknown) => fileContent(value, "File"),
    }),
    conflictBehavior: conflictBehaviorInput("replace"),
    chunkSizeKiB: input({
      label: "Chunk Size (KiB)",
      type: "string",
      required: false,
      default: String(DEFAULT_DRIVE_CHUNK / KIB),
      comments:
        "For files over 4 MiB: bytes per upload-session request, in KiB. Graph wants a multiple of 320 KiB, at most 61,440 KiB (60 MiB). Default 10,240 KiB (10 MiB); smaller chunks lose less on a flaky network.",
      clean: integer("Chunk Size (KiB)", { min: 320, max: DRIVE_MAX_CHUNK / KIB, fallback: DEFAULT_DRIVE_CHUNK / KIB }),
    }),
  },
  perform: async (context, params) => {
    const { data, contentType } = params.file;
    const client = createGraphClient(params.connection, { logger: context.logger });
    const behavior = { "@microsoft.graph.conflictBehavior": params.conflictBehavior };
    if (data.length <= SIMPLE_UPLOAD_MAX) {
      const path = childUrl(params.driveId, params.folder, params.fileName, "content");
      const headers = { "Content-Type": contentType ?? "application/octet-stream" };
      return { data: await client.put<DriveItem>(path, data, { query: behavior, headers }) };
    }
    const sessionPath = childUrl(params.driveId, params.folder, params.fileName, "createUploadSession");
    const result = await uploadInSession<DriveItem>(client, {
      content: data,
      chunkSize: (params.chunkSizeKiB ?? DEFAULT_DRIVE_CHUNK / KIB) * KIB,
      chunkMultiple: DRIVE_CHUNK_MULTIPLE,
      maxChunkSize: DRIVE_MAX_CHUNK,
      chunkSizeInput: "Chunk Size (KiB)",
      createSession: () => client.post<UploadSessionInfo>(sessionPath, { item: behavior }),
    });
    return { data: result.data };
  },
  examplePayload: { data: fileExample },
});
