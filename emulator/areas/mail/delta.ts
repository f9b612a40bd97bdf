import type { RequestContext } from "../../kernel/router";
import { graphError, json, Reply } from "../../kernel/http";
import { badRequest, parseFilterText } from "../../kernel/odata/collection";
import { FilterNode, evaluate } from "../../kernel/odata/filter";
import { contextUrl, messageView, preferenceHeaders } from "./render";
import { Mailbox, MailFolderRecord, MessageChangeKind, MessageRecord, mailStore } from "./store";

const DEFAULT_PAGE = 10;
const CHANGE_TYPES = ["created", "updated", "deleted"] as const;

/** What a delta token carries (Graph keeps the round's state in its opaque tokens, not in the URL). */
interface DeltaState {
  generation: number;
  folderId: string;
  /** Changes after this sequence number; -1: a first round (every message in the folder). */
  from: number;
  /** The round's snapshot: changes up to this number. */
  upto: number;
  offset: number;
  select?: string;
  filter?: string;
  changeType?: string;
  pageSize?: number;
}

function encode(state: DeltaState): string {
  return `aWQ9${Buffer.from(JSON.stringify(state)).toString("base64url")}`;
}

function decode(token: string): DeltaState | undefined {
  try {
    return JSON.parse(Buffer.from(token.replace(/^aWQ9/, ""), "base64url").toString("utf8")) as DeltaState;
  } catch {
    return undefined;
  }
}

function pageSize(ctx: RequestContext): number | undefined {
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(String(ctx.headers.prefer ?? ""));
  return m ? Math.max(1, Number(m[1])) : undefined;
}

interface DeltaEntry {
  id: string;
  kind: MessageChangeKind;
  message?: MessageRecord;
}

/** The folder's changes in (from, upto], one entry per message: created, updated or deleted as it stands now. */
function entries(box: Mailbox, state: DeltaState, filter?: FilterNode): DeltaEntry[] {
  if (state.from < 0) {
    const all = box
      .inFolder(state.folderId)
      .filter((m) => !filter || evaluate(filter, m))
      .sort((a, b) => (a.receivedDateTime < b.receivedDateTime ? 1 : -1));
    return all.map((m) => ({ id: m.id, kind: "created" as const, message: m }));
  }
  const byId = new Map<string, { first: MessageChangeKind; last: MessageChangeKind }>();
  for (const change of box.changes) {
    if (change.seq <= state.from || change.seq > state.upto || change.folderId !== state.folderId) continue;
    const seen = byId.get(change.messageId);
    if (seen) seen.last = change.kind;
    else byId.set(change.messageId, { first: change.kind, last: change.kind });
  }
  return [...byId.entries()].map(([id, { first, last }]) => {
    const message = box.messages.get(id);
    if (last === "deleted" || !message || message.parentFolderId !== state.folderId) return { id, kind: "deleted" as const };
    return { id, kind: first === "created" ? "created" : "updated", message };
  });
}

/** GET .../mailFolders/{id}/messages/delta: pages with $skiptoken, ends with a $deltatoken link. */
export function messageDelta(ctx: RequestContext, box: Mailbox, folder: MailFolderRecord): Reply {
  const store = mailStore(ctx.emulator);
  const skip = ctx.query.get("$skiptoken");
  const delta = ctx.query.get("$deltatoken");
  let state: DeltaState;
  if (skip || delta) {
    const decoded = decode(skip ?? delta ?? "");
    if (!decoded || decoded.folderId !== folder.id)
      return badRequest(ctx, "ErrorInvalidSyncStateData", "The sync state data is corrupted or otherwise invalid.");
    if (decoded.generation < store.deltaGeneration) {
      return graphError(
        410,
        "SyncStateNotFound",
        "The sync state is not found or has expired; start a full synchronization.",
        ctx.requestId,
      );
    }
    state = skip ? decoded : { ...decoded, from: decoded.upto, upto: box.currentSeq, offset: 0 };
    if (!skip) state.pageSize = pageSize(ctx) ?? decoded.pageSize;
  } else {
    const changeType = ctx.query.get("changeType") ?? undefined;
    if (changeType && !CHANGE_TYPES.includes(changeType as (typeof CHANGE_TYPES)[number])) {
      return badRequest(
        ctx,
        "ErrorInvalidUrlQuery",
        `The value '${changeType}' of the changeType query option is not valid: created, updated or deleted.`,
      );
    }
    state = {
      generation: store.deltaGeneration,
      folderId: folder.id,
      from: -1,
      upto: box.currentSeq,
      offset: 0,
      select: ctx.query.get("$select") ?? undefined,
      filter: ctx.query.get("$filter") ?? undefined,
      changeType,
      pageSize: pageSize(ctx),
    };
  }
  const filter = parseFilterText(ctx, state.filter);
  if (filter && "status" in filter) return filter;
  const all = entries(box, state, filter).filter((e) => !state.changeType || e.kind === state.changeType);
  const size = state.pageSize ?? DEFAULT_PAGE;
  const page = all.slice(state.offset, state.offset + size);
  if (state.select) ctx.query.set("$select", state.select);
  const value = page.map((e) =>
    e.message
      ? messageView(ctx, box, e.message)
      : { "@odata.type": "#microsoft.graph.message", id: e.id, "@removed": { reason: "deleted" } },
  );
  const base = `${ctx.url.origin}${ctx.url.pathname}`;
  const body: Record<string, unknown> = { "@odata.context": contextUrl(ctx, box, `mailFolders('${folder.id}')/messages/$delta`), value };
  if (state.offset + size < all.length) body["@odata.nextLink"] = `${base}?$skiptoken=${encode({ ...state, offset: state.offset + size })}`;
  else body["@odata.deltaLink"] = `${base}?$deltatoken=${encode({ ...state, from: state.upto, offset: 0 })}`;
  return json(200, body, preferenceHeaders(ctx));
}
