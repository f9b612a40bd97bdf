import type { RequestContext, Router } from "../../kernel/router";
import type { TokenInfo } from "../../identity/tokens";
import { Reply, graphError } from "../../kernel/http";
import { badRequest, notFound } from "../../kernel/odata/collection";
import { Mailbox, MessageRecord, mailStore } from "./store";

/** What a route needs, per Microsoft's permission tables for mail. */
export type MailAccess = "readBasic" | "read" | "write" | "send";

const GRANTS: Record<MailAccess, string[]> = {
  readBasic: ["Mail.ReadBasic", "Mail.ReadBasic.All", "Mail.Read", "Mail.ReadWrite"],
  read: ["Mail.Read", "Mail.ReadWrite"],
  write: ["Mail.ReadWrite"],
  send: ["Mail.Send"],
};

/** Every permission this area checks: what a token holds unless granted otherwise. */
export const MAIL_PERMISSIONS = {
  application: ["Mail.ReadBasic.All", "Mail.Read", "Mail.ReadWrite", "Mail.Send"],
  delegated: [
    "Mail.ReadBasic",
    "Mail.Read",
    "Mail.ReadWrite",
    "Mail.Send",
    "Mail.Read.Shared",
    "Mail.ReadWrite.Shared",
    "Mail.Send.Shared",
  ],
};

function scopeNames(scopes: string[]): string[] {
  return scopes.map((s) => s.replace(/^https?:\/\/[^/]+\//i, "").toLowerCase());
}

/** An app-only token holds its roles (by default what the app was granted); a delegated one the scopes it asked for. */
function heldMail(auth: TokenInfo): string[] {
  return auth.kind === "app" ? (auth.roles ?? []).map((r) => r.toLowerCase()) : scopeNames(auth.scopes);
}

/** A delegated token reaching another user's mailbox needs the `.Shared` form. */
function permitted(auth: TokenInfo | undefined, access: MailAccess, ownMailbox: boolean): boolean {
  if (!auth) return false;
  const held = heldMail(auth);
  const shared = auth.kind === "delegated" && !ownMailbox;
  return GRANTS[access].some((p) => held.includes((shared ? `${p.replace(/\.All$/, "")}.Shared` : p).toLowerCase()));
}

function ownsMailbox(auth: TokenInfo | undefined, ownerId: string | undefined): boolean {
  return auth?.kind === "delegated" && ownerId !== undefined && auth.userId?.toLowerCase() === ownerId.toLowerCase();
}

/** Whether the token may read the messages of a mailbox (`mailboxRef`: an id or address; undefined for /me), as GET .../messages checks. */
export function mayReadMessages(ctx: RequestContext, mailboxRef: string | undefined): boolean {
  const box = mailboxRef === undefined ? undefined : mailStore(ctx.emulator).find(mailboxRef);
  const ownerId = mailboxRef === undefined ? ctx.auth?.userId : box instanceof Mailbox ? box.ownerId : undefined;
  return permitted(ctx.auth, "readBasic", ownsMailbox(ctx.auth, ownerId));
}

/** Mail.ReadBasic(.All) alone reads messages without body, bodyPreview, uniqueBody or attachments. */
export function readsBasicOnly(ctx: RequestContext): boolean {
  if (!ctx.auth) return true;
  return !heldMail(ctx.auth).some((s) => /^mail\.(read|readwrite|send)(\.shared)?$/.test(s));
}

function accessDenied(ctx: RequestContext, message = "Access is denied. Check credentials and try again."): Reply {
  return graphError(403, "ErrorAccessDenied", message, ctx.requestId);
}

export type MailHandler = (ctx: RequestContext, box: Mailbox) => Reply | Promise<Reply>;

/** Resolves /me or /users/{id | userPrincipalName | address} to a mailbox, checking Graph's rules on the way. */
function resolveMailbox(ctx: RequestContext, access: MailAccess): Mailbox | Reply {
  const store = mailStore(ctx.emulator);
  const ref = ctx.params.mailbox;
  const auth = ctx.auth;
  let box: Mailbox | "none" | undefined;
  if (ref === undefined) {
    if (auth?.kind !== "delegated" || !auth.userId) {
      return badRequest(ctx, "BadRequest", "/me request is only valid with delegated authentication flow.");
    }
    box = store.find(auth.userId);
  } else box = store.find(ref);
  if (box === undefined) return notFound(ctx, `The requested user '${ref ?? ""}' is invalid.`, "ErrorInvalidUser");
  if (box === "none") {
    return notFound(ctx, "The mailbox is either inactive, soft-deleted, or is hosted on-premise.", "MailboxNotEnabledForRESTAPI");
  }
  if (auth?.kind === "app" && store.appAccessPolicy && !store.appAccessPolicy.has(box.ownerId)) {
    return accessDenied(ctx, "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.");
  }
  if (!permitted(auth, access, ownsMailbox(auth, box.ownerId))) return accessDenied(ctx);
  return box;
}

/** Registers a mail route under both /me and /users/{mailbox}. */
export function mailRoute(router: Router, method: string, suffix: string, access: MailAccess, handler: MailHandler): void {
  const run = (ctx: RequestContext) => {
    const box = resolveMailbox(ctx, access);
    return box instanceof Mailbox ? handler(ctx, box) : box;
  };
  router.graph(method, `/me${suffix}`, run);
  router.graph(method, `/users/:mailbox${suffix}`, run);
}

export function itemNotFound(ctx: RequestContext): Reply {
  return notFound(ctx, "The specified object was not found in the store.", "ErrorItemNotFound");
}

export function folderNotFound(ctx: RequestContext): Reply {
  return notFound(ctx, "The specified folder could not be found in the store.", "ErrorFolderNotFound");
}

/** The folder in the path (id or well-known name), or another one by reference. */
export function folderFrom(ctx: RequestContext, box: Mailbox, ref = ctx.params.folder ?? "") {
  return box.folder(ref);
}

export function messageOf(ctx: RequestContext, box: Mailbox): MessageRecord | Reply {
  const message = box.messages.get(ctx.params.messageId ?? "");
  if (!message) return itemNotFound(ctx);
  const folderRef = ctx.params.folder;
  if (folderRef !== undefined && box.folder(folderRef)?.id !== message.parentFolderId) return itemNotFound(ctx);
  return message;
}
