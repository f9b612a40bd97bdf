import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, graphError, json, newRequestId, noContent } from "../../kernel/http";
import { badRequest, listCollection, notFound } from "../../kernel/odata/collection";
import { DriveOwnerKind, DriveRecord, DriveStore, ItemRecord, driveStore } from "./store";
import { contextFor, driveJson, itemJson } from "./serialize";
import { driveDelta } from "./delta";
import { reliesOnSitesSelected, siteAccessDenied, siteSelectedAllows } from "../sites/selected";
import { reliesOnlyOn } from "../../kernel/permissions";

/** Graph's simple upload takes at most 250 MB; larger files need an upload session. */
export const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;
const CHUNK_MULTIPLE = 320 * 1024;
const MAX_CHUNK = 60 * 1024 * 1024;
const CONFLICT_BEHAVIORS = ["fail", "replace", "rename"] as const;
type ConflictBehavior = (typeof CONFLICT_BEHAVIORS)[number];

/** What a drive-relative path resolves to: an item, or (for a create) the parent folder and the missing name. */
interface Target {
  drive: DriveRecord;
  item?: ItemRecord;
  parent?: ItemRecord;
  name?: string;
  rest: string[];
  /** The drive itself was addressed (no item segment). */
  driveOnly?: boolean;
}

function itemNotFound(ctx: RequestContext): Reply {
  return notFound(ctx, "The resource could not be found.", "itemNotFound");
}

/** Follows `root`, `root:/a/b:`, `items/{id}` and `items/{id}:/name:` below a drive. */
function resolve(store: DriveStore, drive: DriveRecord, segments: string[]): Target | undefined {
  if (segments.length === 0) return { drive, rest: [], driveOnly: true };
  const [first, ...rest] = segments;
  let head = first;
  let start: ItemRecord | undefined;
  let pathMode = false;
  if (head === "root" || head === "root:") {
    start = store.items.get(drive.rootId);
    pathMode = head === "root:";
  } else if (head === "items" && rest.length > 0) {
    const id = rest.shift() as string;
    pathMode = id.endsWith(":");
    start = store.items.get(pathMode ? id.slice(0, -1) : id);
    if (start && (start.deleted || start.driveId !== drive.id)) start = undefined;
  } else return undefined;
  if (!start) return undefined;
  if (!pathMode) return { drive, item: start, rest };
  const names: string[] = [];
  while (rest.length > 0) {
    head = rest.shift() as string;
    const closes = head.endsWith(":");
    const name = closes ? head.slice(0, -1) : head;
    if (name) names.push(name);
    if (closes) break;
  }
  let folder = start;
  for (const [i, name] of names.entries()) {
    const child = store.child(folder.id, name);
    if (i === names.length - 1) return { drive, item: child, parent: folder, name, rest };
    if (!child?.isFolder) return undefined;
    folder = child;
  }
  return { drive, item: folder, rest };
}

function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior | undefined {
  if (value === undefined || value === null || value === "") return fallback;
  return CONFLICT_BEHAVIORS.find((b) => b === value);
}

/** Applies fail/replace/rename for a new child `name` of `parent`: the name to use and the item to replace, or a 409. */
function placeChild(
  ctx: RequestContext,
  store: DriveStore,
  parent: ItemRecord,
  name: string,
  behavior: ConflictBehavior,
): { name: string; existing?: ItemRecord } | Reply {
  const existing = store.child(parent.id, name);
  if (!existing) return { name };
  if (behavior === "fail") return graphError(409, "nameAlreadyExists", "The specified item name already exists.", ctx.requestId);
  if (behavior === "replace") return { name, existing };
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!store.child(parent.id, candidate)) return { name: candidate };
  }
}

function mimeTypeOf(name: string): string {
  const ext = name.split(".").pop()?.toLowerCase() ?? "";
  const known: Record<string, string> = {
    txt: "text/plain",
    csv: "text/csv",
    json: "application/json",
    pdf: "application/pdf",
    png: "image/png",
    jpg: "image/jpeg",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
  return known[ext] ?? "application/octet-stream";
}

/** Writes file content at parent/name (new item 201, replaced content 200). */
function writeFile(
  emulator: Emulator,
  store: DriveStore,
  parent: ItemRecord,
  name: string,
  existing: ItemRecord | undefined,
  content: Buffer,
): Reply {
  if (existing) {
    if (existing.isFolder) return graphError(409, "nameAlreadyExists", "A folder with the specified name already exists.", newRequestId());
    existing.content = content;
    store.touch(existing);
    return json(200, itemJson(emulator, existing));
  }
  const item = store.addItem({ driveId: parent.driveId, name, parentId: parent.id, isFolder: false, content, mimeType: mimeTypeOf(name) });
  return json(201, itemJson(emulator, item));
}

function createFolder(ctx: RequestContext, store: DriveStore, parent: ItemRecord): Reply {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (typeof body.name !== "string" || !body.name.trim()) return badRequest(ctx, "invalidRequest", "The name property is required.");
  if (!body.folder || typeof body.folder !== "object")
    return badRequest(ctx, "invalidRequest", "Only folders can be created this way: include a folder facet.");
  const behavior = conflictBehavior(body["@microsoft.graph.conflictBehavior"], "fail");
  if (!behavior) return badRequest(ctx, "invalidRequest", "Invalid conflict behavior.");
  const placed = placeChild(ctx, store, parent, body.name, behavior);
  if ("status" in placed) return placed;
  if (placed.existing) store.remove(placed.existing);
  const folder = store.addItem({ driveId: parent.driveId, name: placed.name, parentId: parent.id, isFolder: true });
  return json(201, itemJson(ctx.emulator, folder));
}

function moveItem(ctx: RequestContext, store: DriveStore, item: ItemRecord): Reply {
  const body = (ctx.body ?? {}) as { name?: unknown; parentReference?: { id?: unknown } };
  if (!item.parentId) return badRequest(ctx, "invalidRequest", "The root folder cannot be moved or renamed.");
  let parent = store.items.get(item.parentId) as ItemRecord;
  const parentId = body.parentReference?.id;
  if (typeof parentId === "string") {
    const target = store.items.get(parentId);
    if (!target || target.deleted || !target.isFolder || target.driveId !== item.driveId) return itemNotFound(ctx);
    if (store.isUnder(target, item.id)) return badRequest(ctx, "invalidRequest", "An item cannot be moved into itself.");
    parent = target;
  }
  const name = typeof body.name === "string" ? body.name : item.name;
  const clash = store.child(parent.id, name);
  if (clash && clash.id !== item.id) return graphError(409, "nameAlreadyExists", "The specified item name already exists.", ctx.requestId);
  item.parentId = parent.id;
  item.name = name;
  store.touch(item);
  return json(200, itemJson(ctx.emulator, item));
}

/** Copies a file or folder tree; the copy is done on a later monitor poll (`copyPollsNeeded`), as Graph's copy runs asynchronously. */
function copyItem(ctx: RequestContext, store: DriveStore, item: ItemRecord): Reply {
  const body = (ctx.body ?? {}) as { name?: unknown; parentReference?: { id?: unknown; driveId?: unknown } };
  const parentId = body.parentReference?.id;
  const parent = typeof parentId === "string" ? store.items.get(parentId) : item.parentId ? store.items.get(item.parentId) : undefined;
  if (!parent || parent.deleted || !parent.isFolder) return itemNotFound(ctx);
  const name = typeof body.name === "string" ? body.name : item.name;
  if (store.child(parent.id, name)) return graphError(409, "nameAlreadyExists", "The specified item name already exists.", ctx.requestId);
  const copyTree = (source: ItemRecord, into: ItemRecord, as: string): ItemRecord => {
    const copy = store.addItem({
      driveId: into.driveId,
      name: as,
      parentId: into.id,
      isFolder: source.isFolder,
      content: source.content,
      mimeType: source.mimeType,
    });
    for (const child of store.childrenOf(source.id)) copyTree(child, copy, child.name);
    return copy;
  };
  let polls = 0;
  let copied: ItemRecord | undefined;
  const monitor = ctx.emulator.preAuth.createMonitor(() => {
    polls += 1;
    if (polls < store.copyPollsNeeded) return json(202, { operation: "itemCopy", percentageComplete: 50.0, status: "inProgress" });
    copied ??= copyTree(item, parent, name);
    return json(200, { operation: "itemCopy", percentageComplete: 100.0, resourceId: copied.id, status: "completed" });
  });
  return { status: 202, headers: { Location: monitor } };
}

function createLink(ctx: RequestContext, drive: DriveRecord, item: ItemRecord): Reply {
  const body = (ctx.body ?? {}) as { type?: unknown; scope?: unknown; password?: unknown; expirationDateTime?: unknown };
  if (!["view", "edit", "embed"].includes(String(body.type))) return badRequest(ctx, "invalidRequest", "Invalid link type.");
  if (body.type === "embed" && drive.driveType !== "business" && drive.driveType !== "documentLibrary")
    return badRequest(ctx, "invalidRequest", "Embed links are not supported.");
  const scope = typeof body.scope === "string" ? body.scope : "anonymous";
  if (!["anonymous", "organization", "users"].includes(scope)) return badRequest(ctx, "invalidRequest", "Invalid link scope.");
  const letter = item.isFolder ? "f" : "w";
  const permission: Record<string, unknown> = {
    id: `link-${item.id.slice(2, 14).toLowerCase()}`,
    roles: [body.type === "edit" ? "write" : "read"],
    link: {
      type: body.type,
      scope,
      webUrl: `https://contoso.sharepoint.com/:${letter}:/s/integrations/${Buffer.from(item.id).toString("base64url").slice(0, 22)}`,
      preventsDownload: false,
    },
    hasPassword: typeof body.password === "string" && body.password.length > 0,
  };
  if (typeof body.expirationDateTime === "string") permission.expirationDateTime = body.expirationDateTime;
  return json(201, { "@odata.context": contextFor(ctx.emulator, "permission"), ...permission });
}

function createUploadSession(ctx: RequestContext, store: DriveStore, target: Target): Reply {
  const body = (ctx.body ?? {}) as { item?: Record<string, unknown> };
  const behavior = conflictBehavior(body.item?.["@microsoft.graph.conflictBehavior"], "replace");
  if (!behavior) return badRequest(ctx, "invalidRequest", "Invalid conflict behavior.");
  let parent: ItemRecord | undefined;
  let name: string | undefined;
  if (target.item && !target.item.isFolder && target.item.parentId) {
    parent = store.items.get(target.item.parentId);
    name = target.item.name;
  } else {
    parent = target.parent;
    name = target.name;
  }
  if (!parent || !name) return itemNotFound(ctx);
  const placed = placeChild(ctx, store, parent, name, behavior);
  if ("status" in placed) return placed;
  const folder = parent;
  const session = ctx.emulator.preAuth.createUploadSession({
    chunkMultiple: CHUNK_MULTIPLE,
    maxChunkSize: MAX_CHUNK,
    onComplete: (bytes) => writeFile(ctx.emulator, store, folder, placed.name, store.child(folder.id, placed.name), bytes),
  });
  return json(200, {
    "@odata.context": contextFor(ctx.emulator, "microsoft.graph.uploadSession"),
    expirationDateTime: session.expirationDateTime,
    nextExpectedRanges: ["0-"],
    uploadUrl: session.uploadUrl,
  });
}

function simpleUpload(ctx: RequestContext, store: DriveStore, target: Target): Reply {
  if (ctx.rawBody.length > SIMPLE_UPLOAD_LIMIT) {
    return graphError(413, "requestTooLarge", "The request is too large for a simple upload; use an upload session.", ctx.requestId);
  }
  if (target.item && !target.item.isFolder)
    return writeFile(
      ctx.emulator,
      store,
      store.items.get(target.item.parentId ?? "") as ItemRecord,
      target.item.name,
      target.item,
      ctx.rawBody,
    );
  if (!target.parent || !target.name) return itemNotFound(ctx);
  const behavior = conflictBehavior(ctx.query.get("@microsoft.graph.conflictBehavior"), "replace");
  if (!behavior) return badRequest(ctx, "invalidRequest", "Invalid conflict behavior.");
  const placed = placeChild(ctx, store, target.parent, target.name, behavior);
  if ("status" in placed) return placed;
  return writeFile(ctx.emulator, store, target.parent, placed.name, placed.existing, ctx.rawBody);
}

/** Everything below one drive: `segments` are what follows the drive (root, items/{id}, root:/path:, ...). */
export function driveRequest(ctx: RequestContext, drive: DriveRecord, segments: string[]): Reply {
  const store = driveStore(ctx.emulator);
  const target = resolve(store, drive, segments);
  if (!target) return itemNotFound(ctx);
  if (target.driveOnly)
    return ctx.method === "GET"
      ? json(200, driveJson(ctx.emulator, drive))
      : graphError(405, "invalidRequest", "Method not allowed.", ctx.requestId);
  const action = `${ctx.method} ${target.rest.join("/")}`;
  if (action === "PUT content") return simpleUpload(ctx, store, target);
  if (action === "POST createUploadSession") return createUploadSession(ctx, store, target);
  const item = target.item;
  if (!item) return itemNotFound(ctx);
  switch (action) {
    case "GET ":
      return json(200, { "@odata.context": contextFor(ctx.emulator, "driveItem/$entity"), ...itemJson(ctx.emulator, item) });
    case "GET children":
      if (!item.isFolder) return badRequest(ctx, "invalidRequest", "The item is not a folder.");
      return listCollection(ctx, store.childrenOf(item.id), {
        entitySet: "driveItem",
        defaultTop: 200,
        maxTop: 999,
        decorate: (out, source) => {
          for (const key of Object.keys(out)) delete out[key];
          Object.assign(out, itemJson(ctx.emulator, source as ItemRecord));
        },
      });
    case "GET content":
      if (item.isFolder) return badRequest(ctx, "invalidRequest", "Folders have no content.");
      return {
        status: 302,
        headers: {
          Location: ctx.emulator.preAuth.createDownload(item.content ?? Buffer.alloc(0), {
            contentType: item.mimeType,
            fileName: item.name,
            ttlMs: 5 * 60_000,
          }),
        },
      };
    case "GET delta":
      if (item.parentId) return badRequest(ctx, "invalidRequest", "Delta is only supported on the root folder of a drive.");
      return driveDelta(ctx, drive);
    case "POST children":
      if (!item.isFolder) return badRequest(ctx, "invalidRequest", "The item is not a folder.");
      return createFolder(ctx, store, item);
    case "POST copy":
      return copyItem(ctx, store, item);
    case "POST createLink":
      return createLink(ctx, drive, item);
    case "PATCH ":
      return moveItem(ctx, store, item);
    case "DELETE ":
      if (!item.parentId) return badRequest(ctx, "invalidRequest", "The root folder cannot be deleted.");
      store.remove(item);
      return noContent();
    default:
      return badRequest(ctx, "invalidRequest", `Unsupported request: ${action}.`);
  }
}

/** The drives of a site, user or group; a user's OneDrive and a group's library are made on first use. */
export function ownerDrives(emulator: Emulator, kind: DriveOwnerKind, ownerId: string, ownerName: string, webUrl: string): DriveRecord[] {
  const store = driveStore(emulator);
  const drives = store.drivesOf(kind, ownerId);
  if (drives.length > 0 || kind === "site") return drives;
  return [
    store.createDrive({
      name: kind === "user" ? "OneDrive" : "Documents",
      driveType: kind === "user" ? "business" : "documentLibrary",
      ownerKind: kind,
      ownerId,
      ownerName,
      webUrl,
    }),
  ];
}

/** `/{owner}/drives` and `/{owner}/drive/...` for an owner already found. */
export function ownerDriveRequest(ctx: RequestContext, drives: DriveRecord[], segments: string[]): Reply {
  const [head, ...rest] = segments;
  if (!drives.every((d) => narrowAllows(ctx, d))) return siteAccessDenied(ctx);
  if (head === "drives" && rest.length === 0 && ctx.method === "GET") {
    return listCollection(
      ctx,
      drives.map((d) => {
        const { "@odata.context": _context, ...drive } = driveJson(ctx.emulator, d);
        return drive;
      }),
      { entitySet: "drives", defaultTop: 200, maxTop: 999 },
    );
  }
  if (head === "drive" && drives[0]) return driveRequest(ctx, drives[0], rest);
  return itemNotFound(ctx);
}

function directoryOwner(ctx: RequestContext, kind: "user" | "group"): Reply {
  const id = ctx.segments[1] ?? "";
  const directory = ctx.emulator.directory;
  if (kind === "user") {
    const user = directory.findUser(id);
    if (!user) return notFound(ctx, `User '${id}' not found`, "Request_ResourceNotFound");
    const drives = ownerDrives(
      ctx.emulator,
      "user",
      user.id as string,
      user.displayName ?? "",
      `https://contoso-my.sharepoint.com/personal/${String(user.userPrincipalName).replace(/[@.]/g, "_")}/Documents`,
    );
    return ownerDriveRequest(ctx, drives, ctx.segments.slice(2));
  }
  const group = directory.groups.find((g) => (g.id as string).toLowerCase() === id.toLowerCase());
  if (!group) return notFound(ctx, `Group '${id}' not found`, "Request_ResourceNotFound");
  const drives = ownerDrives(
    ctx.emulator,
    "group",
    group.id as string,
    group.displayName ?? "",
    `https://contoso.sharepoint.com/sites/${group.mailNickname ?? "group"}/Shared%20Documents`,
  );
  return ownerDriveRequest(ctx, drives, ctx.segments.slice(2));
}

/** Delegated Files.Read and Files.ReadWrite (without a .All or Sites permission) reach only the signed-in user's own drive. */
function reliesOnOwnFiles(ctx: RequestContext): boolean {
  const needed = ctx.emulator.router.permissionsFor(ctx.method, ctx.segments);
  return ctx.auth?.kind === "delegated" && reliesOnlyOn(ctx.auth, needed, ["Files.Read", "Files.ReadWrite"]);
}

/**
 * Narrow permissions keep to their own drives: Sites.Selected to a granted site's library (write for changes),
 * delegated Files.Read(Write) to the user's OneDrive.
 */
function narrowAllows(ctx: RequestContext, drive: DriveRecord): boolean {
  if (reliesOnOwnFiles(ctx)) return drive.ownerKind === "user" && drive.ownerId.toLowerCase() === ctx.auth?.userId?.toLowerCase();
  if (drive.ownerKind === "site") return siteSelectedAllows(ctx, drive.ownerId, ctx.method === "GET" ? "read" : "write");
  return !reliesOnSitesSelected(ctx);
}

export function registerFileRoutes(router: Router, _emulator: Emulator): void {
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
    router.graph(method, /^\/drives\/[^/]+(\/.*)?$/, (ctx) => {
      const drive = driveStore(ctx.emulator).drives.get(ctx.segments[1] ?? "");
      if (!drive) return itemNotFound(ctx);
      if (!narrowAllows(ctx, drive)) return siteAccessDenied(ctx);
      return driveRequest(ctx, drive, ctx.segments.slice(2));
    });
    router.graph(method, /^\/users\/[^/]+\/drives?(\/.*)?$/, (ctx) => directoryOwner(ctx, "user"));
    router.graph(method, /^\/groups\/[^/]+\/drives?(\/.*)?$/, (ctx) => directoryOwner(ctx, "group"));
  }
}
