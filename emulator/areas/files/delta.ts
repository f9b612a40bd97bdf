import type { RequestContext } from "../../kernel/router";
import { Reply, graphError, json } from "../../kernel/http";
import type { DriveRecord } from "./store";
import { driveStore } from "./store";
import { itemJson } from "./serialize";

const DEFAULT_PAGE = 200;

interface Cursor {
  /** Changes after this sequence... */
  after: number;
  /** ...up to this one (the round's snapshot); later changes wait for the next round. */
  upTo: number;
  /** A full round (no token): deleted items are left out. */
  full: boolean;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decode<T>(raw: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as T;
  } catch {
    return undefined;
  }
}

function pageSize(ctx: RequestContext): number {
  const prefer = /odata\.maxpagesize=(\d+)/i.exec(String(ctx.headers.prefer ?? ""))?.[1];
  const top = ctx.query.get("$top") ?? prefer;
  const n = Number(top);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 999) : DEFAULT_PAGE;
}

/**
 * GET /drives/{id}/root/delta: a round is every item changed after the token (every live item without one),
 * paged with `@odata.nextLink`, ending with `@odata.deltaLink` (`?token=…`). Deleted items come with the
 * `deleted` facet. `token=latest` answers only a delta link from now. An unreadable token answers 410 resyncRequired.
 */
export function driveDelta(ctx: RequestContext, drive: DriveRecord): Reply {
  const store = driveStore(ctx.emulator);
  const base = `${ctx.url.origin}/${ctx.version ?? "v1.0"}/drives/${encodeURIComponent(drive.id)}/root/delta`;
  const skip = ctx.query.get("$skiptoken");
  const token = ctx.query.get("token");
  let cursor: Cursor | undefined;
  if (skip) cursor = decode<Cursor>(skip);
  else if (token === "latest") {
    return json(200, { value: [], "@odata.deltaLink": `${base}?token=${encode({ seq: store.sequence })}` });
  } else if (token) {
    const parsed = decode<{ seq: number }>(token);
    if (parsed && Number.isInteger(parsed.seq)) cursor = { after: parsed.seq, upTo: store.sequence, full: false };
  } else cursor = { after: 0, upTo: store.sequence, full: true };
  if (!cursor || !Number.isInteger(cursor.after)) {
    return graphError(410, "resyncRequired", "The delta token is no longer valid: the application must resynchronize.", ctx.requestId);
  }
  const { after, upTo, full } = cursor;
  // Paged by sequence, not offset: an item changed during the round moves past upTo and comes in the next round.
  const changed = [...store.items.values()]
    .filter((i) => i.driveId === drive.id && i.sequence > after && i.sequence <= upTo && !(full && i.deleted))
    .sort((a, b) => a.sequence - b.sequence);
  const size = pageSize(ctx);
  const page = changed.slice(0, size);
  const body: Record<string, unknown> = {
    "@odata.context": `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#Collection(driveItem)`,
    value: page.map((item) => itemJson(ctx.emulator, item)),
  };
  const last = page.at(-1);
  if (last && changed.length > size) body["@odata.nextLink"] = `${base}?$skiptoken=${encode({ ...cursor, after: last.sequence })}`;
  else body["@odata.deltaLink"] = `${base}?token=${encode({ seq: upTo })}`;
  return json(200, body);
}
