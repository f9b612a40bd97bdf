import { createHash } from "node:crypto";
import type { Emulator } from "../../kernel/server";
import { DriveRecord, ItemRecord, driveStore } from "./store";

const SHAREPOINT = "https://contoso.sharepoint.com";

function base(emulator: Emulator, version = "v1.0"): string {
  return `${emulator.url}/${version}`;
}

export function driveJson(emulator: Emulator, drive: DriveRecord): Record<string, unknown> {
  const store = driveStore(emulator);
  const used = [...store.items.values()]
    .filter((i) => i.driveId === drive.id && !i.deleted)
    .reduce((n, i) => n + (i.content?.length ?? 0), 0);
  const total = 1024 ** 4;
  return {
    "@odata.context": `${base(emulator)}/$metadata#drives/$entity`,
    id: drive.id,
    name: drive.name,
    description: "",
    driveType: drive.driveType,
    createdDateTime: drive.createdDateTime,
    lastModifiedDateTime: drive.createdDateTime,
    webUrl: drive.webUrl,
    createdBy: { user: { displayName: "System Account" } },
    owner:
      drive.ownerKind === "group"
        ? { group: { id: drive.ownerId, displayName: drive.ownerName } }
        : { user: { id: drive.ownerId, displayName: drive.ownerName } },
    quota: { deleted: 0, remaining: total - used, state: "normal", total, used },
  };
}

/** A driveItem as Graph returns it; files carry a short-lived, pre-authenticated `@microsoft.graph.downloadUrl`. */
export function itemJson(emulator: Emulator, item: ItemRecord): Record<string, unknown> {
  const store = driveStore(emulator);
  const drive = store.drives.get(item.driveId);
  const out: Record<string, unknown> = {};
  if (!item.isFolder && item.content && !item.deleted) {
    out["@microsoft.graph.downloadUrl"] = emulator.preAuth.createDownload(item.content, {
      contentType: item.mimeType,
      fileName: item.name,
    });
  }
  Object.assign(out, {
    createdDateTime: item.createdDateTime,
    eTag: `"{${item.id}},${item.version}"`,
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    name: item.parentId ? item.name : "root",
    webUrl: `${drive?.webUrl ?? SHAREPOINT}${item.parentId ? `/${encodeURIComponent(item.name)}` : ""}`,
    cTag: `"c:{${item.id}},${item.version}"`,
    size: item.isFolder
      ? store.childrenOf(item.id).reduce((n, c) => n + (c.content?.length ?? 0), 0)
      : (item.reportedSize ?? item.content?.length ?? 0),
    createdBy: { user: { displayName: "Megan Bowen", email: "MeganB@contoso.com" } },
    lastModifiedBy: { user: { displayName: "Megan Bowen", email: "MeganB@contoso.com" } },
  });
  if (item.parentId) {
    const parent = store.items.get(item.parentId);
    out.parentReference = { driveType: drive?.driveType, driveId: item.driveId, id: parent?.id, path: store.pathOf(item) };
  } else {
    out.parentReference = { driveType: drive?.driveType, driveId: item.driveId };
    out.root = {};
  }
  if (item.deleted) out.deleted = { state: "deleted" };
  else if (item.isFolder) out.folder = { childCount: store.childrenOf(item.id).length };
  else {
    out.file = {
      mimeType: item.mimeType ?? "application/octet-stream",
      hashes: {
        sha256Hash: createHash("sha256")
          .update(item.content ?? Buffer.alloc(0))
          .digest("hex")
          .toUpperCase(),
      },
    };
  }
  return out;
}

export function contextFor(emulator: Emulator, entitySet: string): string {
  return `${base(emulator)}/$metadata#${entitySet}`;
}
