import type { User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, json, noContent } from "../../kernel/http";
import { badRequest, listCollection, notFound, parseSelect, selectProperties } from "../../kernel/odata/collection";
import { VERIFIED_DOMAINS, TENANT_DOMAIN } from "./seed";
import { memberOfItems, unsupportedSort } from "./directoryRoles";

/** Properties Graph returns for a user when there is no $select. */
export const DEFAULT_USER_SELECT = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
] as const;

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

/** `https://host/v1.0` for the request, as Graph prefixes @odata.context and links. */
export function serviceRoot(ctx: RequestContext): string {
  return `${ctx.url.origin}/${ctx.version ?? "v1.0"}`;
}

/** The JSON object body of a create or update, or Graph's 400. */
export function objectBody(ctx: RequestContext): Record<string, unknown> | Reply {
  const body = ctx.body;
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return badRequest(ctx, "BadRequest", "Empty Payload. JSON content expected.");
  }
  return body as Record<string, unknown>;
}

/** Graph's answer when a create lacks a required property. */
export function missingProperty(ctx: RequestContext, body: Record<string, unknown>, names: readonly string[]): Reply | undefined {
  const missing = names.find((name) => body[name] === undefined || body[name] === null || body[name] === "");
  return missing ? badRequest(ctx, "Request_BadRequest", `Property ${missing} value is required but is empty or missing.`) : undefined;
}

/** Properties a client may not write. */
export function readOnlyProperty(ctx: RequestContext, body: Record<string, unknown>, names: readonly string[]): Reply | undefined {
  const name = Object.keys(body).find((key) => names.includes(key));
  return name ? badRequest(ctx, "Request_BadRequest", `Property '${name}' is read-only and cannot be set.`) : undefined;
}

const USER_REQUIRED = ["accountEnabled", "displayName", "mailNickname", "passwordProfile", "userPrincipalName"] as const;
const USER_READ_ONLY = [
  "id",
  "createdDateTime",
  "assignedLicenses",
  "assignedPlans",
  "onPremisesSyncEnabled",
  "onPremisesLastSyncDateTime",
] as const;
const WRITABLE_DOMAINS = [TENANT_DOMAIN, ...VERIFIED_DOMAINS].map((d) => d.toLowerCase());

function upnProblem(ctx: RequestContext, upn: unknown, self?: User): Reply | undefined {
  const text = String(upn);
  const domain = text.slice(text.lastIndexOf("@") + 1).toLowerCase();
  if (!text.includes("@") || !WRITABLE_DOMAINS.includes(domain)) {
    return badRequest(
      ctx,
      "Request_BadRequest",
      "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.",
    );
  }
  const existing = ctx.emulator.directory.findUser(text);
  if (existing && existing !== self) {
    return badRequest(ctx, "Request_BadRequest", "Another object with the same value for property userPrincipalName already exists.");
  }
  return undefined;
}

function createUser(ctx: RequestContext): Reply {
  const body = objectBody(ctx);
  if (isReply(body)) return body;
  const problem =
    missingProperty(ctx, body, USER_REQUIRED) ?? readOnlyProperty(ctx, body, USER_READ_ONLY) ?? upnProblem(ctx, body.userPrincipalName);
  if (problem) return problem;
  const { passwordProfile: _password, ...fields } = body;
  const user = ctx.emulator.directory.createUser({ mail: null, usageLocation: null, ...(fields as Partial<User>) });
  const entity = userEntity(ctx, user);
  return { ...entity, status: 201 };
}

function updateUser(ctx: RequestContext): Reply {
  const user = resolveUser(ctx, ctx.params.id);
  if (isReply(user)) return user;
  const body = objectBody(ctx);
  if (isReply(body)) return body;
  const problem =
    readOnlyProperty(ctx, body, USER_READ_ONLY) ??
    (body.userPrincipalName !== undefined ? upnProblem(ctx, body.userPrincipalName, user) : undefined);
  if (problem) return problem;
  const { passwordProfile: _password, ...fields } = body;
  ctx.emulator.directory.updateUser(user, fields);
  return noContent();
}

function managerOf(ctx: RequestContext): Reply {
  const user = resolveUser(ctx, ctx.params.id);
  if (isReply(user)) return user;
  const managerId = ctx.emulator.directory.managers.get(user.id as string);
  const manager = managerId ? ctx.emulator.directory.findUser(managerId) : undefined;
  if (!manager) return notFound(ctx, "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
  const select = parseSelect(ctx) ?? [...DEFAULT_USER_SELECT];
  return json(200, {
    "@odata.context": `${serviceRoot(ctx)}/$metadata#directoryObjects/$entity`,
    "@odata.type": "#microsoft.graph.user",
    ...selectProperties(manager, select),
  });
}

function licenseDetails(ctx: RequestContext): Reply {
  const user = resolveUser(ctx, ctx.params.id);
  if (isReply(user)) return user;
  const details = (user.assignedLicenses ?? []).flatMap((assigned) => {
    const sku = ctx.emulator.directory.skus.find((s) => s.skuId === assigned.skuId);
    if (!sku) return [];
    return [
      {
        id: Buffer.from(`${user.id as string}_${sku.skuId as string}`)
          .toString("base64url")
          .slice(0, 43),
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        servicePlans: (sku.servicePlans ?? []).map((plan) => ({
          ...plan,
          provisioningStatus: (assigned.disabledPlans ?? []).includes(plan.servicePlanId as string) ? "Disabled" : plan.provisioningStatus,
        })),
      },
    ];
  });
  return listCollection(ctx, details, { entitySet: `users('${user.id as string}')/licenseDetails`, defaultTop: 100, maxTop: 999 });
}

export function registerUserRoutes(router: Router, _emulator: Emulator): void {
  router.graph(
    "GET",
    "/users",
    (ctx) =>
      unsupportedSort(ctx, ["displayname", "userprincipalname"]) ??
      listCollection(ctx, ctx.emulator.directory.users, {
        entitySet: "users",
        defaultTop: 100,
        maxTop: 999,
        defaultSelect: DEFAULT_USER_SELECT,
        directoryObject: true,
        searchable: USER_SEARCHABLE,
      }),
  );

  router.graph("POST", "/users", createUser);

  router.graph("GET", "/users/:id", (ctx) => {
    const user = resolveUser(ctx, ctx.params.id);
    return isReply(user) ? user : userEntity(ctx, user);
  });

  router.graph("PATCH", "/users/:id", updateUser);

  router.graph("DELETE", "/users/:id", (ctx) => {
    const user = resolveUser(ctx, ctx.params.id);
    if (isReply(user)) return user;
    ctx.emulator.directory.deleteUser(user);
    return noContent();
  });

  router.graph("POST", "/users/:id/revokeSignInSessions", (ctx) => {
    const user = resolveUser(ctx, ctx.params.id);
    if (isReply(user)) return user;
    ctx.emulator.directory.updateUser(user, { signInSessionsValidFromDateTime: new Date().toISOString().replace(/\.\d{3}Z$/, "Z") });
    return json(200, { "@odata.context": `${serviceRoot(ctx)}/$metadata#Edm.Boolean`, value: true });
  });

  router.graph("GET", "/users/:id/manager", managerOf);

  router.graph("GET", "/users/:id/memberOf", (ctx) => {
    const user = resolveUser(ctx, ctx.params.id);
    if (isReply(user)) return user;
    return memberOfItems(ctx, user);
  });

  router.graph("GET", "/users/:id/licenseDetails", licenseDetails);

  router.graph("GET", "/me", (ctx) => {
    if (ctx.auth?.kind !== "delegated" || !ctx.auth.userId) {
      return badRequest(ctx, "BadRequest", "/me request is only valid with delegated authentication flow.");
    }
    const user = resolveUser(ctx, ctx.auth.userId);
    return isReply(user) ? user : userEntity(ctx, user);
  });
}
