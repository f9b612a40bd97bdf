import type { Group, User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import type { DirectoryChange, ObjectKind } from "./store";
import { Reply, graphError, json } from "../../kernel/http";
import { badRequest, parseSelect, selectProperties } from "../../kernel/odata/collection";
import { DEFAULT_USER_SELECT } from "./users";

/** What a $deltatoken or $skiptoken carries. Directory objects' tokens are opaque to clients. */
interface DeltaToken {
  /** Token generation: tokens of an older generation are expired. */
  g: number;
  /** Changes after this sequence number belong to the round; absent for a full round. */
  since?: number;
  /** The round's snapshot: changes up to this sequence number. */
  upto: number;
  /** Where the next page starts: a position in the change log (incremental round) or in the creation order (full round). */
  at?: number;
  /** Full rounds: how many objects had been created at the snapshot; later ones belong to the next round. */
  n?: number;
  sel?: string[];
}

type ExpiryAnswer = "syncStateNotFound" | "resyncRequired";

/** Test switches for delta queries: page size, token expiry, failures part way through a round. */
export class DeltaControl {
  generation = 1;
  expiryAnswer: ExpiryAnswer = "syncStateNotFound";
  /**
   * The largest delta page, and the page size when the request states none. `Prefer: odata.maxpagesize=N` can ask
   * for smaller pages, never larger ones: Graph caps delta pages of directory objects at 200 whatever is asked.
   */
  pageSize = MAX_DELTA_PAGE_SIZE;
  /** Requests that continue a round ($skiptoken) answer this status while `remaining` > 0. */
  continuationFailure?: { status: number; remaining: number };
  /** groupId -> membership after each change (seq), oldest first; seq 0 is the seeded state. */
  readonly memberHistory = new Map<string, { seq: number; members: string[] }[]>();

  /**
   * Every delta and skip token issued so far stops working. Directory objects answer 400 syncStateNotFound
   * (Graph's answer for an expired token); "resyncRequired" answers 410 Gone instead.
   */
  expireTokens(answer: ExpiryAnswer = "syncStateNotFound"): void {
    this.generation += 1;
    this.expiryAnswer = answer;
  }

  /** The next `times` requests that continue a round (carry a $skiptoken) fail with `status`. */
  failContinuations(times = 1, status = 500): void {
    this.continuationFailure = { status, remaining: times };
  }

  membersAt(groupId: string, seq: number): string[] {
    const history = this.memberHistory.get(groupId) ?? [];
    let members: string[] = [];
    for (const entry of history) {
      if (entry.seq > seq) break;
      members = entry.members;
    }
    return members;
  }
}

export function deltaControl(emulator: Emulator): DeltaControl {
  const control = emulator.state.get("delta");
  if (!(control instanceof DeltaControl)) throw new Error("delta routes are not registered");
  return control;
}

const TOKEN_PREFIX = "Dlt";

function encodeToken(token: DeltaToken): string {
  return `${TOKEN_PREFIX}${Buffer.from(JSON.stringify(token)).toString("base64url")}`;
}

function decodeToken(raw: string): DeltaToken | undefined {
  if (!raw.startsWith(TOKEN_PREFIX)) return undefined;
  try {
    const token = JSON.parse(Buffer.from(raw.slice(TOKEN_PREFIX.length), "base64url").toString("utf8")) as DeltaToken;
    return typeof token.g === "number" && typeof token.upto === "number" ? token : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Graph documents no number for users and groups delta; Microsoft's answer is 200 objects per page at most, a larger
 * `Prefer: odata.maxpagesize` being capped to it, and 200 when the request states none.
 */
export const MAX_DELTA_PAGE_SIZE = 200;

function pageSizeOf(ctx: RequestContext, largest: number): number {
  const prefer = String(ctx.headers.prefer ?? "");
  const size = Number(/odata\.maxpagesize=(\d+)/i.exec(prefer)?.[1]);
  return Number.isInteger(size) && size > 0 ? Math.min(size, largest) : largest;
}

/** One page of a round and where the next starts (undefined: the round is over). */
interface RoundPage {
  ids: string[];
  next?: number;
}

class DeltaRoutes {
  constructor(
    private readonly emulator: Emulator,
    private readonly control: DeltaControl,
  ) {
    const directory = emulator.directory;
    for (const [groupId, members] of directory.members) control.memberHistory.set(groupId, [{ seq: 0, members: [...members] }]);
    const snapshot = (groupId: string, seq: number): void => {
      const history = control.memberHistory.get(groupId) ?? [];
      history.push({ seq, members: [...(directory.members.get(groupId) ?? [])] });
      control.memberHistory.set(groupId, history);
    };
    directory.on("change", (change: DirectoryChange) => {
      if (change.kind === "group" && (change.changeType !== "updated" || change.properties.includes("members"))) {
        snapshot(change.id, change.seq);
      } else if (change.kind === "user" && change.changeType === "deleted") {
        // Deleting a user also takes it out of its groups.
        for (const [groupId, history] of control.memberHistory) {
          if (history[history.length - 1]?.members.includes(change.id)) snapshot(groupId, change.seq);
        }
      }
    });
  }

  private find(kind: ObjectKind, id: string): User | Group | undefined {
    return kind === "user" ? this.emulator.directory.findUser(id) : this.emulator.directory.findGroup(id);
  }

  /**
   * A full round's page: objects in creation order up to the snapshot, skipping those deleted since. Reads each
   * position once over the round.
   */
  private fullPage(kind: ObjectKind, token: DeltaToken, size: number): RoundPage {
    const log = this.emulator.directory.log;
    const end = token.n ?? log.createdCount(kind);
    const ids: string[] = [];
    let at = token.at ?? 0;
    const exists = (position: number): string | undefined => {
      const id = log.createdAt(kind, position);
      return id !== undefined && this.find(kind, id) ? id : undefined;
    };
    for (; at < end && ids.length < size; at++) {
      const id = exists(at);
      if (id) ids.push(id);
    }
    while (at < end && !exists(at)) at++;
    return { ids, next: at < end ? at : undefined };
  }

  /**
   * An incremental round's page: each object changed in (since, upto] once, at its last change in that range,
   * oldest first. Reads each log entry of the range once over the round.
   */
  private changesPage(kind: ObjectKind, token: DeltaToken, size: number): RoundPage {
    const log = this.emulator.directory.log;
    const since = token.since ?? 0;
    const ids: string[] = [];
    let at = token.at ?? log.positionAfter(kind, since);
    const reportable = (position: number): string | undefined | null => {
      const change = log.changeAt(kind, position);
      if (!change || change.seq > token.upto) return null;
      const later = change.supersededBy !== undefined && change.supersededBy <= token.upto;
      return later ? undefined : change.id;
    };
    for (; ids.length < size; at++) {
      const id = reportable(at);
      if (id === null) return { ids };
      if (id) ids.push(id);
    }
    for (; ; at++) {
      const id = reportable(at);
      if (id === null) return { ids };
      if (id) return { ids, next: at };
    }
  }

  private render(kind: ObjectKind, id: string, token: DeltaToken): Record<string, unknown> {
    const object = this.find(kind, id);
    if (!object) {
      const gone = this.emulator.directory.deleted.get(id.toLowerCase());
      // Users and Microsoft 365 groups are soft-deleted (restorable: "changed"); security groups are gone for good.
      const restorable = kind === "user" || ((gone?.object as Group | undefined)?.groupTypes ?? []).includes("Unified");
      return { id, "@removed": { reason: restorable ? "changed" : "deleted" } };
    }
    const select = token.sel ?? (kind === "user" ? [...DEFAULT_USER_SELECT] : undefined);
    const withoutMembers = select?.filter((p) => p.toLowerCase() !== "members");
    const out = selectProperties(object, withoutMembers && withoutMembers.length > 0 ? withoutMembers : select ? ["id"] : undefined);
    out.id ??= id;
    if (kind === "group" && (!select || select.some((p) => p.toLowerCase() === "members"))) {
      out["members@delta"] = this.membersDelta(id, token);
    }
    return out;
  }

  private memberRef(id: string): Record<string, unknown> {
    const type = this.emulator.directory.findGroup(id) ? "#microsoft.graph.group" : "#microsoft.graph.user";
    return { "@odata.type": type, id };
  }

  private membersDelta(groupId: string, token: DeltaToken): Record<string, unknown>[] {
    const now = this.emulator.directory.members.get(groupId) ?? [];
    if (token.since === undefined) return now.map((id) => this.memberRef(id));
    const before = new Set(this.control.membersAt(groupId, token.since));
    const after = new Set(now);
    const added = now.filter((id) => !before.has(id)).map((id) => this.memberRef(id));
    const removed = [...before].filter((id) => !after.has(id)).map((id) => ({ ...this.memberRef(id), "@removed": { reason: "deleted" } }));
    return [...added, ...removed];
  }

  private link(ctx: RequestContext, entitySet: string, param: "$deltatoken" | "$skiptoken", token: DeltaToken): string {
    return `${ctx.url.origin}/${ctx.version ?? "v1.0"}/${entitySet}/delta?${param}=${encodeToken(token)}`;
  }

  private expired(ctx: RequestContext, entitySet: string, sel: string[] | undefined): Reply {
    if (this.control.expiryAnswer === "resyncRequired") {
      const restart = `${ctx.url.origin}/${ctx.version ?? "v1.0"}/${entitySet}/delta${sel ? `?$select=${sel.join(",")}` : ""}`;
      return graphError(
        410,
        "resyncRequired",
        "Resync required. Replace any local cached copies of the users and groups with the delta query results.",
        ctx.requestId,
        undefined,
        {
          Location: restart,
        },
      );
    }
    return badRequest(
      ctx,
      "syncStateNotFound",
      "The sync state generation is not found. The delta token is expired and data must be synchronized again.",
    );
  }

  handle(ctx: RequestContext, kind: ObjectKind, entitySet: string): Reply {
    const q = ctx.query;
    for (const unsupported of ["$search", "$orderby", "$count"]) {
      if (q.has(unsupported))
        return badRequest(ctx, "Request_UnsupportedQuery", `The query parameter '${unsupported}' is not supported with delta queries.`);
    }
    const deltaParam = q.get("$deltatoken");
    const skipParam = q.get("$skiptoken");
    const currentSeq = this.emulator.directory.currentSeq;
    let token: DeltaToken;
    if (deltaParam === "latest") {
      const fresh: DeltaToken = { g: this.control.generation, since: currentSeq, upto: currentSeq, sel: parseSelect(ctx) };
      return this.page(ctx, entitySet, [], { "@odata.deltaLink": this.link(ctx, entitySet, "$deltatoken", fresh) }, fresh);
    }
    if (deltaParam !== null || skipParam !== null) {
      const decoded = decodeToken(deltaParam ?? skipParam ?? "");
      if (!decoded || decoded.g !== this.control.generation) return this.expired(ctx, entitySet, decoded?.sel);
      if (skipParam !== null && this.control.continuationFailure && this.control.continuationFailure.remaining > 0) {
        this.control.continuationFailure.remaining -= 1;
        return graphError(
          this.control.continuationFailure.status,
          "UnknownError",
          "Injected failure while continuing a delta round.",
          ctx.requestId,
        );
      }
      // A delta link opens a new round over the changes made since its own snapshot.
      token = deltaParam !== null ? { g: decoded.g, since: decoded.upto, upto: currentSeq, sel: decoded.sel } : decoded;
    } else {
      token = { g: this.control.generation, upto: currentSeq, n: this.emulator.directory.log.createdCount(kind), sel: parseSelect(ctx) };
    }

    const size = pageSizeOf(ctx, this.control.pageSize);
    const page = token.since === undefined ? this.fullPage(kind, token, size) : this.changesPage(kind, token, size);
    const value = page.ids.map((id) => this.render(kind, id, token));
    const link: Record<string, string> =
      page.next !== undefined
        ? { "@odata.nextLink": this.link(ctx, entitySet, "$skiptoken", { ...token, at: page.next }) }
        : { "@odata.deltaLink": this.link(ctx, entitySet, "$deltatoken", { g: token.g, upto: token.upto, sel: token.sel }) };
    return this.page(ctx, entitySet, value, link, token);
  }

  private page(ctx: RequestContext, entitySet: string, value: unknown[], link: Record<string, string>, token: DeltaToken): Reply {
    const context = `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#${entitySet}${token.sel ? `(${token.sel.join(",")})` : ""}`;
    return json(200, { "@odata.context": context, ...link, value });
  }
}

/** GET /users/delta and /groups/delta (also spelled delta() and microsoft.graph.delta), from the directory's change log. */
export function registerDeltaRoutes(router: Router, emulator: Emulator): void {
  const control = new DeltaControl();
  emulator.state.set("delta", control);
  const routes = new DeltaRoutes(emulator, control);
  router.graph("GET", /^\/users\/(?:microsoft\.graph\.)?delta(?:\(\))?$/i, (ctx) => routes.handle(ctx, "user", "users"));
  router.graph("GET", /^\/groups\/(?:microsoft\.graph\.)?delta(?:\(\))?$/i, (ctx) => routes.handle(ctx, "group", "groups"));
}
