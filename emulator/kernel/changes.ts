/** What changed, as Graph names it in a change notification. */
export type ChangeType = "created" | "updated" | "deleted";

/**
 * A change an area announces. The area that owns the data knows which subscription resources cover it (a mailbox
 * may be named by id, userPrincipalName or `me`; a folder by id or well-known name), so it answers `covers`; the
 * change notification service only matches and delivers.
 */
export interface ResourceChange {
  changeType: ChangeType;
  /** The resource the notification names, e.g. `Users/{id}/Messages/{id}`, or the subscribed resource itself. */
  resource: string;
  /** Outlook items carry `@odata.type`, `@odata.id`, `@odata.etag` and `id`; drive roots and lists send none. */
  resourceData?: Record<string, unknown>;
  /**
   * Whether a subscription on `subscribed` (as its creator wrote it, without a leading slash or query) covers this
   * change; `creatorUserId` resolves `me` for a subscription made with a delegated token. Answers the resource
   * the notification names for that subscription (drive roots and lists name the subscribed one), or undefined.
   */
  covers(subscribed: string, creatorUserId?: string): string | undefined;
}

export type ChangeListener = (change: ResourceChange) => void;

/** Areas publish their changes here; the change notification service listens. Neither imports the other. */
export class ChangeFeed {
  private readonly listeners: ChangeListener[] = [];

  publish(change: ResourceChange): void {
    for (const listener of this.listeners) listener(change);
  }

  listen(listener: ChangeListener): void {
    this.listeners.push(listener);
  }
}
