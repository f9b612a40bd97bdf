import { createHash, randomUUID } from "node:crypto";
import type { Emulator } from "../../kernel/server";
import { announceDriveChanges } from "./notifications";

export type DriveOwnerKind = "site" | "user" | "group";

export interface DriveRecord {
  id: string;
  name: string;
  driveType: "documentLibrary" | "business";
  ownerKind: DriveOwnerKind;
  ownerId: string;
  ownerName: string;
  webUrl: string;
  createdDateTime: string;
  rootId: string;
}

export interface ItemRecord {
  id: string;
  driveId: string;
  name: string;
  /** Undefined for the root. */
  parentId?: string;
  isFolder: boolean;
  content?: Buffer;
  mimeType?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Bumped on every change; the delta feed reports items changed after a token's sequence. */
  sequence: number;
  version: number;
  deleted: boolean;
  /** A test switch: the size Graph reports when it differs from the content (a file being written meanwhile). */
  reportedSize?: number;
}

/** Every drive and item, with a change sequence for delta. */
export class DriveStore {
  readonly drives = new Map<string, DriveRecord>();
  readonly items = new Map<string, ItemRecord>();
  sequence = 0;
  /** Monitor polls a copy takes to complete (a test switch: Infinity never completes). */
  copyPollsNeeded = 2;
  /** Told of every item created, changed or deleted (announced for change notifications). */
  onChange?: (item: ItemRecord) => void;

  createDrive(spec: Omit<DriveRecord, "id" | "rootId" | "createdDateTime">): DriveRecord {
    const id = `b!${createHash("sha256").update(`${spec.ownerKind}:${spec.ownerId}:${spec.name}`).digest("base64url").slice(0, 40)}`;
    const now = new Date().toISOString();
    const root = this.addItem({ driveId: id, name: "root", isFolder: true });
    const drive: DriveRecord = { ...spec, id, rootId: root.id, createdDateTime: now };
    this.drives.set(id, drive);
    return drive;
  }

  drivesOf(kind: DriveOwnerKind, ownerId: string): DriveRecord[] {
    return [...this.drives.values()].filter((d) => d.ownerKind === kind && d.ownerId.toLowerCase() === ownerId.toLowerCase());
  }

  /** A new item, or a new version of an existing one when `replace` is given. */
  addItem(spec: { driveId: string; name: string; parentId?: string; isFolder: boolean; content?: Buffer; mimeType?: string }): ItemRecord {
    const now = new Date().toISOString();
    const item: ItemRecord = {
      ...spec,
      id: `01${randomUUID().replace(/-/g, "").toUpperCase().slice(0, 32)}`,
      createdDateTime: now,
      lastModifiedDateTime: now,
      sequence: ++this.sequence,
      version: 1,
      deleted: false,
    };
    this.items.set(item.id, item);
    this.onChange?.(item);
    return item;
  }

  touch(item: ItemRecord): void {
    item.lastModifiedDateTime = new Date().toISOString();
    item.sequence = ++this.sequence;
    item.version += 1;
    this.onChange?.(item);
  }

  childrenOf(id: string): ItemRecord[] {
    return [...this.items.values()].filter((i) => i.parentId === id && !i.deleted).sort((a, b) => a.name.localeCompare(b.name));
  }

  child(parentId: string, name: string): ItemRecord | undefined {
    return this.childrenOf(parentId).find((i) => i.name.toLowerCase() === name.toLowerCase());
  }

  /** Deletes an item and everything under it (each deletion shows in delta). */
  remove(item: ItemRecord): void {
    for (const child of this.childrenOf(item.id)) this.remove(child);
    item.deleted = true;
    item.content = undefined;
    this.touch(item);
  }

  /** The folder path as Graph writes it in parentReference.path: /drives/{id}/root:/A/B. */
  pathOf(item: ItemRecord): string {
    const names: string[] = [];
    let current = item.parentId ? this.items.get(item.parentId) : undefined;
    while (current?.parentId) {
      names.unshift(current.name);
      current = this.items.get(current.parentId);
    }
    return `/drives/${item.driveId}/root:${names.length ? `/${names.join("/")}` : ""}`;
  }

  isUnder(item: ItemRecord, folderId: string): boolean {
    let current: ItemRecord | undefined = item;
    while (current) {
      if (current.id === folderId) return true;
      current = current.parentId ? this.items.get(current.parentId) : undefined;
    }
    return false;
  }
}

const STATE_KEY = "files.store";

export function driveStore(emulator: Emulator): DriveStore {
  let store = emulator.state.get(STATE_KEY) as DriveStore | undefined;
  if (!store) {
    store = new DriveStore();
    announceDriveChanges(emulator, store);
    emulator.state.set(STATE_KEY, store);
  }
  return store;
}
