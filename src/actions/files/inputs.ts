import { input } from "@prismatic-io/spectral";
import { InputError, encodeSegment } from "../../graph";
import { oneOf, optionalString, requiredString } from "../../inputs/clean";

/** Characters OneDrive and SharePoint refuse in file and folder names. */
const BAD_NAME = /["*:<>?/\\|]/;

export function checkName(name: string, label: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new InputError(label, "is empty");
  if (trimmed === "." || trimmed === "..") throw new InputError(label, `"${trimmed}" is not a file or folder name`);
  if (BAD_NAME.test(trimmed))
    throw new InputError(label, `"${trimmed}" holds a character OneDrive and SharePoint refuse in names: " * : < > ? / \\ |`);
  return trimmed;
}

/** An item addressed by its path from the drive's root (segments; none for the root itself) or by its id. */
export type ItemRef = { path: string[] } | { id: string };

const ITEM_ID = /^[A-Za-z0-9!_.-]+$/;

function parsePath(text: string, label: string): string[] {
  return text
    .split("/")
    .filter((segment) => segment.length > 0)
    .map((segment) => checkName(segment, label));
}

function parseId(text: string, label: string): string {
  if (!ITEM_ID.test(text)) throw new InputError(label, `"${text}" is not a drive item id (like 01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K)`);
  return text;
}

/** A folder input: empty or "/" is the root, a value starting with "/" is a path, anything else an item id. */
export function folderRef(value: unknown, label: string): ItemRef {
  const text = optionalString(value) ?? "/";
  return text.startsWith("/") ? { path: parsePath(text, label) } : { id: parseId(text, label) };
}

/** Exactly one of Item Path and Item ID. */
export function itemRef(path: string | undefined, id: string | undefined): ItemRef {
  if (Boolean(path) === Boolean(id))
    throw new InputError("Item Path", "give exactly one of Item Path (like /Reports/2026/q3.xlsx) or Item ID");
  if (id) return { id: parseId(id, "Item ID") };
  const segments = parsePath(path as string, "Item Path");
  if (segments.length === 0) throw new InputError("Item Path", "must name an item below the root, like /Reports/2026/q3.xlsx");
  return { path: segments };
}

function encodedPath(segments: string[], label: string): string {
  return segments.map((segment) => encodeSegment(segment, label)).join("/");
}

/** The Graph path of an item, with an optional action or navigation (`children`, `content`, `copy`, `createLink`). */
export function itemUrl(driveId: string, ref: ItemRef, suffix = ""): string {
  const drive = `/drives/${encodeSegment(driveId, "Drive")}`;
  if ("id" in ref) return `${drive}/items/${encodeSegment(ref.id, "Item ID")}${suffix ? `/${suffix}` : ""}`;
  if (ref.path.length === 0) return `${drive}/root${suffix ? `/${suffix}` : ""}`;
  return `${drive}/root:/${encodedPath(ref.path, "Item Path")}:${suffix ? `/${suffix}` : ""}`;
}

/** The Graph path of `name` inside a folder (which may not exist yet), with an action: `content`, `createUploadSession`. */
export function childUrl(driveId: string, folder: ItemRef, name: string, suffix: string): string {
  const drive = `/drives/${encodeSegment(driveId, "Drive")}`;
  const child = encodeSegment(name, "File Name");
  if ("id" in folder) return `${drive}/items/${encodeSegment(folder.id, "Folder")}:/${child}:/${suffix}`;
  const parent = folder.path.length ? `${encodedPath(folder.path, "Folder")}/` : "";
  return `${drive}/root:/${parent}${child}:/${suffix}`;
}

const DRIVE_ID = /^[A-Za-z0-9!_-]+$/;

export const driveIdInput = input({
  label: "Drive",
  type: "string",
  required: true,
  dataSource: "selectDrive",
  placeholder: "Pick a drive or paste its id",
  example: "b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd",
  comments: "The drive's id: a document library of a site, a user's OneDrive or a group's library (List Drives or the picker gives it).",
  clean: (value: unknown): string => {
    const text = requiredString("Drive")(value);
    if (!DRIVE_ID.test(text)) throw new InputError("Drive", `"${text}" is not a drive id (like b!-RIj2DuyvEyV1T4NlOaMHk8X…)`);
    return text;
  },
});

export function folderInput(label: string, comments: string) {
  return input({
    label,
    type: "string",
    required: false,
    default: "/",
    placeholder: "/Reports/2026 or an item id",
    example: "/Reports/2026",
    comments: `${comments} A path from the drive's root starting with / (/ alone is the root), or the folder's item id.`,
    clean: (value: unknown): ItemRef => folderRef(value, label),
  });
}

export const itemPathInput = input({
  label: "Item Path",
  type: "string",
  required: false,
  placeholder: "/Reports/2026/q3.xlsx",
  example: "/Reports/2026/q3.xlsx",
  comments: "The item's path from the drive's root, like /Reports/2026/q3.xlsx (each segment is encoded). Give this or Item ID.",
  clean: optionalString,
});

export const itemIdInput = input({
  label: "Item ID",
  type: "string",
  required: false,
  placeholder: "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K",
  example: "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K",
  comments: "The item's id. Give this or Item Path.",
  clean: optionalString,
});

export const CONFLICT_BEHAVIORS = ["fail", "replace", "rename"] as const;

export function conflictBehaviorInput(fallback: (typeof CONFLICT_BEHAVIORS)[number]) {
  return input({
    label: "Conflict Behavior",
    type: "string",
    required: false,
    default: fallback,
    model: CONFLICT_BEHAVIORS.map((b) => ({ label: b, value: b })),
    comments:
      '@microsoft.graph.conflictBehavior: what Graph does when the name is taken: fail (409), replace the existing item, or rename the new one ("name 1.ext").',
    clean: oneOf("Conflict Behavior", CONFLICT_BEHAVIORS, fallback),
  });
}
