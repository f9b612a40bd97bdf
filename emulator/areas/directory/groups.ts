import type { Group, User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, json, noContent } from "../../kernel/http";
import { badRequest, listCollection, notFound, parseSelect, selectProperties } from "../../kernel/odata/collection";
import { DEFAULT_USER_SELECT, isReply, missingProperty, objectBody, readOnlyProperty } from "./users";
import { keepODataType, unsupportedReferenceFilter, unsupportedSort } from "./directoryRoles";

export const GROUP_SEARCHABLE = ["displayName", "description", "mail", "mailNickname"] as const;

const GROUP_REQUIRED = ["displayName", "mailEnabled", "mailNickname", "securityEnabled"] as const;
const GROUP_READ_ONLY = ["id", "createdDateTime", "mail", "renewedDateTime"] as const;

function objectNotFound(ctx: RequestContext, id: string): Reply {
  return notFound(ctx, `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

export function resolveGroup(ctx: RequestContext, id: string): Group | Reply {
  return ctx.emulator.directory.findGroup(id) ?? objectNotFound(ctx, id);
}

export function groupEntity(ctx: RequestContext, group: Group): Reply {
  const select = parseSelect(ctx);
  const context = `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#groups${select ? `(${select.join(",")})` : ""}/$entity`;
  return json(200, { "@odata.context": context, ...selectProperties(group, select) });
}

type Member = { kind: "user"; object: User } | { kind: "group"; object: Group };

function directMembers(ctx: RequestContext, group: Group): Member[] {
  const { directory } = ctx.emulator;
  return (directory.members.get(group.id as string) ?? []).flatMap((id): Member[] => {
    const user = directory.findUser(id);
    if (user) return [{ kind: "user", object: user }];
    const nested = directory.findGroup(id);
    return nested ? [{ kind: "group", object: nested }] : [];
  });
}

/** Members of nested groups too, each object once. */
function transitiveMembers(ctx: RequestContext, group: Group): Member[] {
  const seen = new Set<string>([group.id as string]);
  const out: Member[] = [];
  const queue = [group];
  for (let current = queue.shift(); current; current = queue.shift()) {
    for (const member of directMembers(ctx, current)) {
      const id = member.object.id as string;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(member);
      if (member.kind === "group") queue.push(member.object);
    }
  }
  return out;
}

function listMembers(ctx: RequestContext, transitive: boolean): Reply {
  const group = resolveGroup(ctx, ctx.params.id);
  if (isReply(group)) return group;
  const unsupported = unsupportedReferenceFilter(ctx);
  if (unsupported) return unsupported;
  const members = transitive ? transitiveMembers(ctx, group) : directMembers(ctx, group);
  const explicitSelect = parseSelect(ctx) !== undefined;
  // Without $select, Graph returns each type's default property set; users have a short one.
  const items = members.map(({ kind, object }) => ({
    "@odata.type": `#microsoft.graph.${kind}`,
    ...(kind === "user" && !explicitSelect ? selectProperties(object, DEFAULT_USER_SELECT) : object),
  }));
  return listCollection(ctx, items, {
    entitySet: "directoryObjects",
    defaultTop: 100,
    maxTop: 999,
    directoryObject: true,
    searchable: GROUP_SEARCHABLE,
    decorate: explicitSelect ? keepODataType : undefined,
  });
}

function createGroup(ctx: RequestContext): Reply {
  const body = objectBody(ctx);
  if (isReply(body)) return body;
  const problem = missingProperty(ctx, body, GROUP_REQUIRED) ?? readOnlyProperty(ctx, body, GROUP_READ_ONLY);
  if (problem) return problem;
  const nickname = String(body.mailNickname).toLowerCase();
  if (ctx.emulator.directory.groups.some((g) => g.mailNickname?.toLowerCase() === nickname && (g.groupTypes ?? []).includes("Unified"))) {
    return badRequest(ctx, "Request_BadRequest", "Another object with the same value for property mailNickname already exists.");
  }
  const unified = Array.isArray(body.groupTypes) && body.groupTypes.includes("Unified");
  const group = ctx.emulator.directory.createGroup({
    mail: unified ? `${nickname}@contoso.com` : null,
    description: null,
    visibility: unified ? "Public" : "Private",
    ...(body as Partial<Group>),
  });
  return { ...groupEntity(ctx, group), status: 201 };
}

/** The object an `@odata.id` reference points at: .../directoryObjects/{id}, .../users/{id} or .../groups/{id}. */
function referencedId(ctx: RequestContext): string | Reply {
  const body = objectBody(ctx);
  if (isReply(body)) return body;
  const ref = body["@odata.id"];
  const match = typeof ref === "string" ? /\/(?:directoryObjects|users|groups)\/([^/?#]+)$/i.exec(ref) : null;
  if (!match) return badRequest(ctx, "Request_BadRequest", "Invalid object identifier specified in '@odata.id'.");
  return decodeURIComponent(match[1]);
}

function addMember(ctx: RequestContext): Reply {
  const group = resolveGroup(ctx, ctx.params.id);
  if (isReply(group)) return group;
  const memberId = referencedId(ctx);
  if (isReply(memberId)) return memberId;
  const { directory } = ctx.emulator;
  const member = directory.findUser(memberId) ?? directory.findGroup(memberId);
  if (!member) return objectNotFound(ctx, memberId);
  if (!directory.addMember(group, member.id as string)) {
    return badRequest(
      ctx,
      "Request_BadRequest",
      "One or more added object references already exist for the following modified properties: 'members'.",
    );
  }
  return noContent();
}

function removeMember(ctx: RequestContext): Reply {
  const group = resolveGroup(ctx, ctx.params.id);
  if (isReply(group)) return group;
  const memberId = ctx.params.memberId;
  const { directory } = ctx.emulator;
  const member = directory.findUser(memberId) ?? directory.findGroup(memberId);
  if (!member || !directory.removeMember(group, member.id as string)) return objectNotFound(ctx, memberId);
  return noContent();
}

export function registerGroupRoutes(router: Router, _emulator: Emulator): void {
  router.graph(
    "GET",
    "/groups",
    (ctx) =>
      unsupportedSort(ctx, ["displayname"]) ??
      listCollection(ctx, ctx.emulator.directory.groups, {
        entitySet: "groups",
        defaultTop: 100,
        maxTop: 999,
        directoryObject: true,
        searchable: GROUP_SEARCHABLE,
      }),
  );

  router.graph("POST", "/groups", createGroup);

  router.graph("GET", "/groups/:id", (ctx) => {
    const group = resolveGroup(ctx, ctx.params.id);
    return isReply(group) ? group : groupEntity(ctx, group);
  });

  router.graph("PATCH", "/groups/:id", (ctx) => {
    const group = resolveGroup(ctx, ctx.params.id);
    if (isReply(group)) return group;
    const body = objectBody(ctx);
    if (isReply(body)) return body;
    const problem = readOnlyProperty(ctx, body, GROUP_READ_ONLY);
    if (problem) return problem;
    ctx.emulator.directory.updateGroup(group, body);
    return noContent();
  });

  router.graph("DELETE", "/groups/:id", (ctx) => {
    const group = resolveGroup(ctx, ctx.params.id);
    if (isReply(group)) return group;
    ctx.emulator.directory.deleteGroup(group);
    return noContent();
  });

  router.graph("GET", "/groups/:id/members", (ctx) => listMembers(ctx, false));
  router.graph("GET", "/groups/:id/transitiveMembers", (ctx) => listMembers(ctx, true));
  router.graph("POST", "/groups/:id/members/$ref", addMember);
  router.graph("DELETE", "/groups/:id/members/:memberId/$ref", removeMember);
}
