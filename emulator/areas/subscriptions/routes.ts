import { randomUUID } from "node:crypto";
import type { Subscription } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import type { ResourceChange } from "../../kernel/changes";
import { Reply, graphError, json, noContent } from "../../kernel/http";
import { badRequest, notFound } from "../../kernel/odata/collection";
import { permitted } from "../../kernel/permissions";
import { mayReadMessages } from "../mail/access";

export type LifecycleEvent = "reauthorizationRequired" | "subscriptionRemoved" | "missed";

/** One POST the emulator made to a subscriber: validation, change or lifecycle notification. */
export interface Delivery {
  kind: "validation" | "notification" | "lifecycle";
  url: string;
  subscriptionId?: string;
  body?: unknown;
  status: number;
  contentType?: string;
  responseBody?: string;
}

/**
 * Longest lifetime in minutes by resource, from Microsoft's subscription lifetime table; others (group
 * conversations, call records, print, To Do) get 4230.
 */
const MAX_MINUTES: [RegExp, number][] = [
  [/^security\/alerts/i, 43200],
  [/^(me|users\/[^/]+)\/(mailFolders[/(][^/]+\/)?(messages|events|contacts)([?]|$)/i, 10080],
  [/^(users|groups)(\/[^/]+)?(\/(members|owners))?([?]|$)/i, 41760],
  [/^(me\/drive|drives\/|sites\/|(users|groups)\/[^/]+\/drive)/i, 42300],
  [/^communications\/presences/i, 60],
  [/^teams\/[^/]+\/schedule\//i, 360],
  [/^(teams|chats|appCatalogs\/teamsApps|communications\/onlineMeetings)/i, 4320],
];

/** Teams resources: "lifecycleNotificationUrl is a required property ... when the expirationDateTime value is set to greater than 1 hour". */
function needsLifecycleUrl(resource: string): boolean {
  return /^(teams|chats|appCatalogs\/teamsApps)/i.test(resource.replace(/^\/+/, ""));
}

export function maxSubscriptionMinutes(resource: string): number {
  const normalized = resource.replace(/^\/+/, "");
  return MAX_MINUTES.find(([pattern]) => pattern.test(normalized))?.[1] ?? 4230;
}

/** Users and groups: "User and group change notifications support updated and deleted changeType"; a new object comes as updated. */
function isDirectoryResource(resource: string): boolean {
  return /^(users|groups)(\/[^/]+)?$/i.test(resource.replace(/^\/+/, ""));
}

/** "Drive root item and list change notifications support only the updated changeType." */
function isDriveRootOrList(resource: string): boolean {
  const path = subscribedPath(resource);
  return /\/root$/i.test(path) || /^sites\/[^/]+\/lists(\/[^/]+|\('[^']+'\))$/i.test(path);
}

/** The resource as areas match it: no leading slash, no query (the emulator does not apply a subscription's $filter). */
function subscribedPath(resource: string): string {
  return resource.replace(/^\/+/, "").split("?")[0] ?? "";
}

const VALIDATION_TIMEOUT_MS = 10_000;

/** The emulator's change notification service: subscriptions, deliveries and test switches. */
export class SubscriptionService {
  readonly subscriptions = new Map<string, Subscription>();
  readonly deliveries: Delivery[] = [];
  /** Test switch: a different longest lifetime (minutes) for resources matching the key, as if Microsoft changed its table. */
  readonly lifetimeOverrides = new Map<string, number>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly emulator: Emulator) {
    emulator.changes.listen((change) => this.onResourceChange(change));
  }

  /** Resolves once every notification sent so far has been answered. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Sends a lifecycle event to the subscription's lifecycleNotificationUrl; subscriptionRemoved also removes the subscription. */
  async fireLifecycle(subscriptionId: string, lifecycleEvent: LifecycleEvent): Promise<Delivery> {
    const sub = this.subscriptions.get(subscriptionId);
    if (!sub?.lifecycleNotificationUrl) throw new Error(`subscription ${subscriptionId} has no lifecycleNotificationUrl`);
    if (lifecycleEvent === "subscriptionRemoved") this.subscriptions.delete(subscriptionId);
    const body = {
      value: [
        {
          subscriptionId,
          subscriptionExpirationDateTime: sub.expirationDateTime,
          tenantId: this.emulator.app.tenantId,
          clientState: sub.clientState ?? null,
          lifecycleEvent,
        },
      ],
    };
    return this.track(this.post("lifecycle", sub.lifecycleNotificationUrl, body, subscriptionId));
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
    return promise;
  }

  private async post(kind: Delivery["kind"], url: string, body: unknown, subscriptionId?: string): Promise<Delivery> {
    const delivery: Delivery = { kind, url, subscriptionId, body, status: 0 };
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": body === undefined ? "text/plain; charset=utf-8" : "application/json; charset=utf-8" },
        body: body === undefined ? "" : JSON.stringify(body),
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      delivery.status = response.status;
      delivery.contentType = response.headers.get("content-type") ?? undefined;
      delivery.responseBody = await response.text();
    } catch {
      delivery.status = 0;
    }
    this.deliveries.push(delivery);
    return delivery;
  }

  /** Graph's handshake: POST {url}?validationToken=... with an empty body; the answer must be 200, text/plain, the token and nothing else. */
  async validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.set("validationToken", token);
    const delivery = await this.post("validation", target.toString(), undefined);
    return delivery.status === 200 && /^text\/plain/i.test(delivery.contentType ?? "") && delivery.responseBody === token;
  }

  maxMinutes(resource: string): number {
    return this.lifetimeOverrides.get(resource.replace(/^\/+/, "").toLowerCase()) ?? maxSubscriptionMinutes(resource);
  }

  /** A change an area announced (users, groups, mail, files, lists): one notification to each live subscription that covers it. */
  private onResourceChange(change: ResourceChange): void {
    for (const sub of this.subscriptions.values()) {
      const types = (sub.changeType ?? "").split(",").map((t) => t.trim());
      if (!types.includes(change.changeType) || !sub.notificationUrl) continue;
      if (Date.parse(sub.expirationDateTime ?? "") < Date.now()) continue;
      const resource = change.covers(subscribedPath(sub.resource ?? ""), sub.creatorId ?? undefined);
      if (resource === undefined) continue;
      const notification = {
        id: randomUUID(),
        subscriptionId: sub.id,
        subscriptionExpirationDateTime: sub.expirationDateTime,
        changeType: change.changeType,
        resource,
        ...(change.resourceData ? { resourceData: change.resourceData } : {}),
        clientState: sub.clientState ?? null,
        tenantId: this.emulator.app.tenantId,
      };
      void this.track(this.post("notification", sub.notificationUrl, { value: [notification] }, sub.id as string));
    }
  }

  view(ctx: RequestContext, sub: Subscription): Record<string, unknown> {
    return { "@odata.context": `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#subscriptions/$entity`, ...sub };
  }
}

export function subscriptionService(emulator: Emulator): SubscriptionService {
  const service = emulator.state.get("subscriptions");
  if (!(service instanceof SubscriptionService)) throw new Error("subscription routes are not registered");
  return service;
}

function isLoopbackOrHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || (parsed.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname));
  } catch {
    return false;
  }
}

function checkExpiration(ctx: RequestContext, max: number, value: unknown): Reply | string {
  const at = typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) return badRequest(ctx, "InvalidRequest", "expirationDateTime is required and must be a date-time.");
  if (at <= Date.now()) return badRequest(ctx, "InvalidRequest", "Subscription expiration must be in the future.");
  // "Any value under 45 minutes after the time of the request is automatically set to 45 minutes after the request time."
  if (at < Date.now() + 45 * 60_000) return new Date(Date.now() + 45 * 60_000).toISOString();
  if (at > Date.now() + max * 60_000)
    return badRequest(ctx, "InvalidRequest", `Subscription expiration can only be ${max} minutes in the future.`);
  return new Date(at).toISOString();
}

/** A mailbox's messages (me/messages, users/{id}/mailFolders('inbox')/messages): the mailbox reference, "" for me. */
function mailboxOfMessages(resource: string): string | undefined {
  const match = /^(?:me|users\/([^/]+))\/(?:mailFolders(?:\/[^/]+|\('[^']*'\))\/)?messages$/i.exec(subscribedPath(resource));
  return match ? (match[1] ?? "") : undefined;
}

/**
 * "Creating a subscription requires read scope to the resource": for mail, the mail area's own rule for reading
 * messages (Mail.ReadBasic or higher); elsewhere, the permissions the router declares for reading the resource.
 */
function mayRead(ctx: RequestContext, resource: string): boolean {
  if (!ctx.auth) return true;
  const mailbox = mailboxOfMessages(resource);
  if (mailbox !== undefined) return mayReadMessages(ctx, mailbox === "" ? undefined : mailbox);
  const needed = ctx.emulator.router.permissionsFor("GET", subscribedPath(resource).split("/").filter(Boolean));
  return !needed || permitted(ctx.auth, needed);
}

/** Graph's answer when the token may not read the subscribed resource. */
function readDenied(ctx: RequestContext, operation: "Create" | "Update"): Reply {
  return graphError(
    403,
    "ExtensionError",
    `Operation: ${operation}; Exception: [Status Code: Forbidden; Reason: Access denied]`,
    ctx.requestId,
  );
}

function subscriptionNotFound(ctx: RequestContext): Reply {
  return notFound(ctx, "The object was not found.", "ResourceNotFound");
}

/** POST/GET /subscriptions, GET/PATCH/DELETE /subscriptions/{id}. Creating one validates its URLs by calling them. */
export function registerSubscriptionRoutes(router: Router, emulator: Emulator): void {
  const service = new SubscriptionService(emulator);
  emulator.state.set("subscriptions", service);

  router.graph("POST", "/subscriptions", async (ctx) => {
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    for (const field of ["changeType", "notificationUrl", "resource", "expirationDateTime"]) {
      if (typeof body[field] !== "string" || body[field] === "")
        return badRequest(ctx, "InvalidRequest", `The property '${field}' is required.`);
    }
    const resource = body.resource as string;
    const changeTypes = (body.changeType as string).split(",").map((t) => t.trim());
    if (!changeTypes.every((t) => ["created", "updated", "deleted"].includes(t))) {
      return badRequest(ctx, "InvalidRequest", `Invalid changeType '${String(body.changeType)}'.`);
    }
    if (isDirectoryResource(resource) && changeTypes.includes("created")) {
      return badRequest(
        ctx,
        "InvalidRequest",
        `The changeType 'created' is not supported for the resource '${resource}'. Supported change types: updated, deleted.`,
      );
    }
    if (isDriveRootOrList(resource) && changeTypes.some((t) => t !== "updated")) {
      return badRequest(
        ctx,
        "InvalidRequest",
        `The changeType '${String(body.changeType)}' is not supported for the resource '${resource}'. Supported change types: updated.`,
      );
    }
    if (/^me([/?]|$)/i.test(subscribedPath(resource)) && ctx.auth?.kind === "app") {
      return badRequest(ctx, "BadRequest", "/me request is only valid with delegated authentication flow.");
    }
    if (!mayRead(ctx, resource)) return readDenied(ctx, "Create");
    const urls = [body.notificationUrl, body.lifecycleNotificationUrl].filter((u): u is string => typeof u === "string");
    if (!urls.every(isLoopbackOrHttps)) return badRequest(ctx, "InvalidRequest", "The notification URL must use https.");
    const expiration = checkExpiration(ctx, service.maxMinutes(resource), body.expirationDateTime);
    if (typeof expiration !== "string") return expiration;
    if (
      needsLifecycleUrl(resource) &&
      typeof body.lifecycleNotificationUrl !== "string" &&
      Date.parse(expiration) > Date.now() + 60 * 60_000
    ) {
      return badRequest(
        ctx,
        "ValidationError",
        "lifecycleNotificationUrl is a required property for subscription creation on this resource when the expirationDateTime value is set to greater than 1 hour.",
      );
    }
    if (typeof body.clientState === "string" && body.clientState.length > 128) {
      return badRequest(ctx, "InvalidRequest", "clientState must be at most 128 characters.");
    }
    for (const url of new Set(urls)) {
      if (!(await service.validate(url))) {
        return badRequest(
          ctx,
          "ValidationError",
          "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.",
        );
      }
    }
    const sub: Subscription = {
      id: randomUUID(),
      resource,
      applicationId: ctx.auth?.clientId ?? emulator.app.clientId,
      changeType: body.changeType as string,
      clientState: typeof body.clientState === "string" ? body.clientState : null,
      notificationUrl: body.notificationUrl as string,
      lifecycleNotificationUrl: typeof body.lifecycleNotificationUrl === "string" ? body.lifecycleNotificationUrl : null,
      expirationDateTime: expiration,
      creatorId: ctx.auth?.userId ?? ctx.auth?.clientId ?? emulator.app.clientId,
      latestSupportedTlsVersion: "v1_2",
      includeResourceData: false,
      notificationQueryOptions: null,
      encryptionCertificate: null,
      encryptionCertificateId: null,
    };
    service.subscriptions.set(sub.id as string, sub);
    return json(201, service.view(ctx, sub));
  });

  router.graph("GET", "/subscriptions", (ctx) =>
    json(200, {
      "@odata.context": `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#subscriptions`,
      // "the clientState property value is not returned for security purposes" (List subscriptions).
      value: [...service.subscriptions.values()].map((sub) => {
        const { "@odata.context": _context, ...rest } = service.view(ctx, sub);
        return { ...rest, clientState: null };
      }),
    }),
  );

  router.graph("GET", "/subscriptions/:id", (ctx) => {
    const sub = service.subscriptions.get(ctx.params.id);
    return sub ? json(200, service.view(ctx, sub)) : subscriptionNotFound(ctx);
  });

  router.graph("PATCH", "/subscriptions/:id", (ctx) => {
    const sub = service.subscriptions.get(ctx.params.id);
    if (!sub) return subscriptionNotFound(ctx);
    if (!mayRead(ctx, sub.resource ?? "")) return readDenied(ctx, "Update");
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    const expiration = checkExpiration(ctx, service.maxMinutes(sub.resource ?? ""), body.expirationDateTime);
    if (typeof expiration !== "string") return expiration;
    sub.expirationDateTime = expiration;
    if (typeof body.notificationUrl === "string") sub.notificationUrl = body.notificationUrl;
    return json(200, service.view(ctx, sub));
  });

  router.graph("DELETE", "/subscriptions/:id", (ctx) => {
    if (!service.subscriptions.delete(ctx.params.id)) return subscriptionNotFound(ctx);
    return noContent();
  });

  // Unused by the component but part of Graph's surface: renews the subscription's authorization.
  router.graph("POST", "/subscriptions/:id/reauthorize", (ctx) =>
    service.subscriptions.has(ctx.params.id)
      ? noContent()
      : graphError(404, "ResourceNotFound", "The object was not found.", ctx.requestId),
  );
}
