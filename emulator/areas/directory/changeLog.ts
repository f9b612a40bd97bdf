export type ObjectKind = "user" | "group";
export type ChangeType = "created" | "updated" | "deleted";

/** One entry of the directory's change log; delta queries and change notifications are built from it. */
export interface DirectoryChange {
  seq: number;
  kind: ObjectKind;
  id: string;
  changeType: ChangeType;
  /** Property names that changed (for updates), or "members" for membership changes. */
  properties: string[];
  at: string;
  /** Sequence number of the same object's next change, once there is one. */
  supersededBy?: number;
}

/**
 * The directory's change log, indexed so that a delta page costs what it returns: changes are kept per kind in
 * sequence order (a position is found by binary search), each entry knows the object's next change (so "latest
 * change of this object within the round" is one comparison), and every object ever created is listed in creation
 * order (a full round walks it once). `visited` counts the entries read, for tests that check paging stays linear.
 */
export class ChangeLog {
  private readonly byKind: Record<ObjectKind, DirectoryChange[]> = { user: [], group: [] };
  private readonly created: Record<ObjectKind, string[]> = { user: [], group: [] };
  private readonly latest = new Map<string, DirectoryChange>();
  private seq = 0;
  /** Log and roster entries read through `changeAt` and `createdAt` since the emulator started. */
  visited = 0;

  /** The sequence number of the newest change (0 before any). */
  get currentSeq(): number {
    return this.seq;
  }

  /** Objects that exist before any change (the seeded directory), in order. */
  seed(kind: ObjectKind, ids: Iterable<string>): void {
    for (const id of ids) this.created[kind].push(id);
  }

  append(kind: ObjectKind, id: string, changeType: ChangeType, properties: string[]): DirectoryChange {
    const change: DirectoryChange = { seq: ++this.seq, kind, id, changeType, properties, at: new Date().toISOString() };
    const previous = this.latest.get(id);
    if (previous) previous.supersededBy = change.seq;
    this.latest.set(id, change);
    this.byKind[kind].push(change);
    if (changeType === "created") this.created[kind].push(id);
    return change;
  }

  /** Position in `kind`'s log of its first change after sequence number `seq`. */
  positionAfter(kind: ObjectKind, seq: number): number {
    const list = this.byKind[kind];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The change of `kind` at `position`, oldest first. */
  changeAt(kind: ObjectKind, position: number): DirectoryChange | undefined {
    this.visited += 1;
    return this.byKind[kind][position];
  }

  /** How many objects of `kind` were ever created, seeded ones included. */
  createdCount(kind: ObjectKind): number {
    return this.created[kind].length;
  }

  /** The id of the `position`-th object of `kind` ever created. */
  createdAt(kind: ObjectKind, position: number): string | undefined {
    this.visited += 1;
    return this.created[kind][position];
  }

  /** Changes after `seq`, oldest first (reads only those). */
  since(seq: number, kind: ObjectKind): DirectoryChange[] {
    return this.byKind[kind].slice(this.positionAfter(kind, seq));
  }
}
