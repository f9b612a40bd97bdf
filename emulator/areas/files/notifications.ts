import type { Emulator } from "../../kernel/server";
import type { DriveOwnerKind, DriveRecord, DriveStore } from "./store";

/**
 * The drive resources Graph accepts for subscriptions on OneDrive for Business and SharePoint: a drive's root only
 * (`drives/{id}/root`, or the default drive of `me`, a user, a group or a site).
 */
const DRIVE_ROOT = /^(?:drives\/([^/]+)|me\/drive|(users|groups|sites)\/([^/]+)\/drive)\/root$/i;

const OWNER_KIND: Record<string, DriveOwnerKind> = { users: "user", groups: "group", sites: "site" };

function isDefaultDriveOf(store: DriveStore, drive: DriveRecord, kind: DriveOwnerKind, ownerId: string | undefined): boolean {
  return ownerId !== undefined && store.drivesOf(kind, ownerId)[0]?.id === drive.id;
}

function covers(emulator: Emulator, store: DriveStore, drive: DriveRecord, subscribed: string, creatorUserId?: string): boolean {
  const match = DRIVE_ROOT.exec(subscribed);
  if (!match) return false;
  const [, driveId, owners, ownerRef] = match;
  if (driveId !== undefined) return driveId === drive.id;
  if (owners === undefined) return isDefaultDriveOf(store, drive, "user", creatorUserId);
  const kind = OWNER_KIND[owners.toLowerCase()];
  const ownerId = kind === "user" ? (emulator.directory.findUser(ownerRef)?.id ?? undefined) : ownerRef;
  return isDefaultDriveOf(store, drive, kind, ownerId);
}

/**
 * Announces every change below a drive on the emulator's change feed. OneDrive and SharePoint notify only
 * `updated`, name the subscribed resource, and carry no resource data: the subscriber runs a delta query to learn
 * what changed.
 */
export function announceDriveChanges(emulator: Emulator, store: DriveStore): void {
  store.onChange = (item) => {
    const drive = store.drives.get(item.driveId);
    if (!drive) return;
    emulator.changes.publish({
      changeType: "updated",
      resource: `drives/${drive.id}/root`,
      covers: (subscribed, creatorUserId) => (covers(emulator, store, drive, subscribed, creatorUserId) ? subscribed : undefined),
    });
  };
}
