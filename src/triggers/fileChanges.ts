import { input } from "@prismatic-io/spectral";
import type { DriveItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { encodeSegment } from "../graph";
import type { DeltaItem } from "../graph/delta";
import { driveIdInput, folderInput, itemUrl } from "../actions/files/inputs";
import { boolean, optionalString } from "../inputs/clean";
import { ClassifyContext, DeltaChange, DeltaPollBody, classifyByCreatedDateTime, deltaPollingTrigger } from "./deltaTrigger";

/** Drive delta marks a deleted item with the `deleted` facet (not `@removed`). */
function classifyDriveItem(item: DeltaItem, context: ClassifyContext): DeltaChange {
  if (item.deleted) return { changeType: "deleted", id: item.id, removedReason: "deleted", object: item };
  return classifyByCreatedDateTime(item, context);
}

/** `*.csv, report-*.xlsx` as case-insensitive whole-name patterns. */
export function namePatterns(text: string | undefined): RegExp[] {
  return (text ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        new RegExp(
          `^${p
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
          "i",
        ),
    );
}

interface Scope {
  /** parentReference.path of the folder's children, e.g. /drives/{id}/root:/Reports; undefined for the whole drive. */
  folderPath?: string;
  patterns: RegExp[];
  includeFolders: boolean;
}

function inScope(change: DeltaChange, scope: Scope): boolean {
  const item = change.object as DeltaItem & { root?: unknown; folder?: unknown; name?: string; parentReference?: { path?: string } };
  if (item.root) return false;
  if (item.folder && !scope.includeFolders) return false;
  if (scope.patterns.length && !(item.name && scope.patterns.some((p) => p.test(item.name as string)))) return false;
  if (!scope.folderPath) return true;
  // Graph may report a deleted item without its path: it cannot be placed, so it is kept rather than lost.
  const path = item.parentReference?.path;
  if (path === undefined) return change.changeType === "deleted";
  const decoded = decodeURIComponent(path).toLowerCase();
  const folder = scope.folderPath.toLowerCase();
  return decoded === folder || decoded.startsWith(`${folder}/`);
}

const base = deltaPollingTrigger({
  label: "File Changes",
  description:
    "Polls a drive's delta (GET /drives/{drive-id}/root/delta) and starts the flow with the files created, updated or deleted since the last poll, each exactly once, optionally only in one folder (and below) and only for names matching a pattern.",
  noun: "file",
  inputs: {
    driveId: driveIdInput,
    folder: folderInput(
      "Folder",
      "Only report changes in this folder and its subfolders (drive delta runs on the whole drive; the rest is filtered out).",
    ),
    nameFilter: input({
      label: "Name Filter",
      type: "string",
      required: false,
      example: "*.csv, report-*.xlsx",
      comments:
        "Only files whose name matches one of these comma-separated patterns (* any text, ? one character; case-insensitive). Empty: every file.",
      clean: optionalString,
    }),
    includeFolders: input({
      label: "Include Folders",
      type: "boolean",
      required: false,
      default: "false",
      comments: "Also report created, renamed or deleted folders. Off: files only.",
      clean: boolean("Include Folders"),
    }),
  },
  deltaPath: (p) => `drives/${encodeSegment(p.driveId, "Drive")}/root`,
  latestQuery: { token: "latest" },
  defaultSelect: "id,name,size,file,folder,root,deleted,parentReference,createdDateTime,lastModifiedDateTime,webUrl,eTag",
  selectComments:
    "Properties each changed item comes with (delta $select). Keep id, name, file, folder, root, deleted and parentReference: the folder and name filters read them. createdDateTime is always added: it tells created from updated.",
  classify: classifyDriveItem,
  exampleChanges: [
    {
      changeType: "created",
      id: "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K",
      object: {
        id: "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K",
        name: "q3.xlsx",
        size: 206000,
        file: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        parentReference: {
          driveId: "b!-RIj2DuyvEyV1T4NlOaMHk8X",
          id: "01BYE5RZ2BRJDHA4SU3ZAKXUXKHSN5H3RX",
          path: "/drives/b!-RIj2DuyvEyV1T4NlOaMHk8X/root:/Reports/2026",
        },
        createdDateTime: "2026-01-14T08:02:11Z",
      },
    },
    {
      changeType: "deleted",
      id: "01BYE5RZ5MYLM2SMX75ZBIPQZIHT6OAYPB",
      removedReason: "deleted",
      object: { id: "01BYE5RZ5MYLM2SMX75ZBIPQZIHT6OAYPB", name: "old.csv", deleted: { state: "deleted" } },
    },
  ],
});

/**
 * The delta trigger with the folder and name filters applied to what it emits. The folder is resolved before the
 * poll reads anything, so a failed lookup leaves the saved position as it was.
 */
export const fileChanges = {
  ...base,
  perform: async (...args: Parameters<typeof base.perform>) => {
    const [context, , params] = args;
    const folder = params.folder;
    let folderPath: string | undefined;
    if ("id" in folder || folder.path.length > 0) {
      const client = createGraphClient(params.connection, { apiVersion: params.apiVersion, debug: params.debug, logger: context.logger });
      const found = await client.get<DriveItem>(itemUrl(params.driveId, folder), { $select: "id,name,root,parentReference" });
      if (!found.root) folderPath = `${found.parentReference?.path ?? `/drives/${params.driveId}/root:`}/${found.name ?? ""}`;
    }
    const scope: Scope = { folderPath, patterns: namePatterns(params.nameFilter), includeFolders: params.includeFolders };
    const result = await base.perform(...args);
    const body = (result.payload.body as { data: DeltaPollBody }).data;
    const changes = body.changes.filter((change) => inScope(change, scope));
    return {
      ...result,
      payload: { ...result.payload, body: { data: { ...body, changes } } },
      polledNoChanges: changes.length === 0 && !body.resynced,
    };
  },
};
