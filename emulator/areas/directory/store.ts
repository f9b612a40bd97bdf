import { EventEmitter } from "node:events";
import type { Group, Organization, SubscribedSku, User } from "@microsoft/microsoft-graph-types";
import { randomUUID } from "node:crypto";
import { SeedOptions, seedDirectory } from "./seed";
import { ChangeLog, ChangeType, DirectoryChange, ObjectKind } from "./changeLog";

export type { ChangeType, DirectoryChange, ObjectKind };

/**
 * The emulated tenant's directory: users, groups, memberships, managers, licences and a change log.
 * Routes read and mutate it; every mutation appends to `log` and emits a "change" event.
 */
export class Directory extends EventEmitter {
  readonly users: User[];
  readonly groups: Group[];
  readonly members: Map<string, string[]>;
  readonly managers: Map<string, string>;
  readonly skus: SubscribedSku[];
  readonly organization: Organization;
  readonly log = new ChangeLog();
  /** Deleted objects stay here so delta can report them with @removed. */
  readonly deleted = new Map<string, { kind: ObjectKind; object: User | Group }>();
  private readonly userIndex = new Map<string, User>();
  private readonly upnIndex = new Map<string, User>();
  private readonly groupIndex = new Map<string, Group>();

  constructor(options: SeedOptions) {
    super();
    const seeded = seedDirectory(options);
    this.users = seeded.users;
    this.groups = seeded.groups;
    this.members = seeded.members;
    this.managers = seeded.managers;
    this.skus = seeded.skus;
    this.organization = seeded.organization;
    for (const user of this.users) this.indexUser(user);
    for (const group of this.groups) this.groupIndex.set((group.id as string).toLowerCase(), group);
    this.log.seed(
      "user",
      this.users.map((u) => u.id as string),
    );
    this.log.seed(
      "group",
      this.groups.map((g) => g.id as string),
    );
  }

  /** The sequence number of the newest change (0 before any). */
  get currentSeq(): number {
    return this.log.currentSeq;
  }

  private indexUser(user: User): void {
    this.userIndex.set((user.id as string).toLowerCase(), user);
    if (user.userPrincipalName) this.upnIndex.set(user.userPrincipalName.toLowerCase(), user);
  }

  private record(kind: ObjectKind, id: string, changeType: ChangeType, properties: string[]): DirectoryChange {
    const change = this.log.append(kind, id, changeType, properties);
    this.emit("change", change);
    return change;
  }

  /** By object id or userPrincipalName, case-insensitively, as Graph resolves /users/{id | userPrincipalName}. */
  findUser(ref: string): User | undefined {
    const key = ref.toLowerCase();
    return this.userIndex.get(key) ?? this.upnIndex.get(key);
  }

  findGroup(id: string): Group | undefined {
    return this.groupIndex.get(id.toLowerCase());
  }

  createUser(fields: Partial<User>): User {
    const user: User = {
      id: randomUUID(),
      accountEnabled: true,
      businessPhones: [],
      assignedLicenses: [],
      assignedPlans: [],
      userType: "Member",
      createdDateTime: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      ...fields,
    };
    this.users.push(user);
    this.indexUser(user);
    this.record("user", user.id as string, "created", Object.keys(fields));
    return user;
  }

  updateUser(user: User, fields: Partial<User>): User {
    if (user.userPrincipalName) this.upnIndex.delete(user.userPrincipalName.toLowerCase());
    Object.assign(user, fields);
    this.indexUser(user);
    this.record("user", user.id as string, "updated", Object.keys(fields));
    return user;
  }

  deleteUser(user: User): void {
    const i = this.users.indexOf(user);
    if (i >= 0) this.users.splice(i, 1);
    this.userIndex.delete((user.id as string).toLowerCase());
    if (user.userPrincipalName) this.upnIndex.delete(user.userPrincipalName.toLowerCase());
    for (const list of this.members.values()) {
      const at = list.indexOf(user.id as string);
      if (at >= 0) list.splice(at, 1);
    }
    this.deleted.set((user.id as string).toLowerCase(), { kind: "user", object: user });
    this.record("user", user.id as string, "deleted", []);
  }

  createGroup(fields: Partial<Group>): Group {
    const group: Group = {
      id: randomUUID(),
      createdDateTime: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      groupTypes: [],
      ...fields,
    };
    this.groups.push(group);
    this.groupIndex.set((group.id as string).toLowerCase(), group);
    this.members.set(group.id as string, []);
    this.record("group", group.id as string, "created", Object.keys(fields));
    return group;
  }

  updateGroup(group: Group, fields: Partial<Group>): Group {
    Object.assign(group, fields);
    this.record("group", group.id as string, "updated", Object.keys(fields));
    return group;
  }

  deleteGroup(group: Group): void {
    const i = this.groups.indexOf(group);
    if (i >= 0) this.groups.splice(i, 1);
    this.groupIndex.delete((group.id as string).toLowerCase());
    this.members.delete(group.id as string);
    this.deleted.set((group.id as string).toLowerCase(), { kind: "group", object: group });
    this.record("group", group.id as string, "deleted", []);
  }

  addMember(group: Group, memberId: string): boolean {
    const list = this.members.get(group.id as string) ?? [];
    if (list.includes(memberId)) return false;
    list.push(memberId);
    this.members.set(group.id as string, list);
    this.record("group", group.id as string, "updated", ["members"]);
    return true;
  }

  removeMember(group: Group, memberId: string): boolean {
    const list = this.members.get(group.id as string) ?? [];
    const at = list.indexOf(memberId);
    if (at < 0) return false;
    list.splice(at, 1);
    this.record("group", group.id as string, "updated", ["members"]);
    return true;
  }

  /** Changes of `kind` after `seq`, oldest first. */
  changesSince(seq: number, kind: ObjectKind): DirectoryChange[] {
    return this.log.since(seq, kind);
  }
}
