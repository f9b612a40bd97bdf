import type { User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../server";
import type { RequestContext, Router } from "../router";
import { Reply, json } from "../http";
import { badRequest, listCollection, notFound, parseSelect, selectProperties } from "../odata/collection";

/** Properties Graph returns for a user when there is no $select. */
export const DEFAULT_USER_SELECT = ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"] as const;

export const USER_SEARCHABLE = ["displayName", "givenName", "surname", "mail", "userPrincipalName", "mailNickname"] as const;

export function userNotFound(ctx: RequestContext, ref: string): Reply {
  return notFound(ctx, `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`);
}

/** The user at /users/{id | userPrincipalName}, or Graph's 404. */
export function resolveUser(ctx: RequestContext, ref: string): User | Reply {
  return ctx.emulator.directory.findUser(ref) ?? userNotFound(ctx, ref);
}

export function isReply(value: unknown): value is Reply {
  return typeof value === "object" && value !== null && "status" in value && typeof (value as Reply).status === "number";
}

export function userEntity(ctx: RequestContext, user: User): Reply {
  const select = parseSelect(ctx) ?? [...DEFAULT_USER_SELECT];
  const context = `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#users${parseSelect(ctx) ? `(${select.join(",")})` : ""}/$entity`;
  return json(200, { "@odata.context": context, ...selectProperties(user, select) });
}

export function registerUserRoutes(router: Router, _emulator: Emulator): void {
  router.graph("GET", "/users", (ctx) =>
    listCollection(ctx, ctx.emulator.directory.users, {
      entitySet: "users",
      defaultTop: 100,
      maxTop: 999,
      defaultSelect: DEFAULT_USER_SELECT,
      directoryObject: true,
      searchable: USER_SEARCHABLE,
    }),
  );

  router.graph("GET", "/users/:id", (ctx) => {
    const user = resolveUser(ctx, ctx.params.id as string);
    return isReply(user) ? user : userEntity(ctx, user);
  });

  router.graph("GET", "/me", (ctx) => {
    if (ctx.auth?.kind !== "delegated" || !ctx.auth.userId) {
      return badRequest(ctx, "BadRequest", "/me request is only valid with delegated authentication flow.");
    }
    const user = resolveUser(ctx, ctx.auth.userId);
    return isReply(user) ? user : userEntity(ctx, user);
  });
}
