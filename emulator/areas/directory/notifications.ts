import type { Emulator } from "../../kernel/server";
import type { DirectoryChange } from "./store";

/**
 * Announces every user and group change on the emulator's change feed. A subscription on `users` or `groups` (or
 * one object, `users/{id}`) covers it; Graph notifies a creation as `updated` for these resources, and the resource
 * data names the object.
 */
export function announceDirectoryChanges(emulator: Emulator): void {
  emulator.directory.on("change", (change: DirectoryChange) => {
    const collection = change.kind === "user" ? "users" : "groups";
    const type = change.kind === "user" ? "User" : "Group";
    const resource = `${type}s/${change.id}`;
    emulator.changes.publish({
      changeType: change.changeType === "created" ? "updated" : change.changeType,
      resource,
      resourceData: {
        "@odata.type": `#Microsoft.Graph.${type}`,
        "@odata.id": resource,
        id: change.id,
        organizationId: emulator.app.tenantId,
      },
      covers: (subscribed) => {
        const path = subscribed.toLowerCase();
        return path === collection || path === `${collection}/${change.id.toLowerCase()}` ? resource : undefined;
      },
    });
  });
}
