import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { ActionContext, TriggerPayload, TriggerResult, input, trigger } from "@prismatic-io/spectral";
import type { ChangeNotification } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { changeTypesInput, expirationMinutesInput, resourceInput } from "../actions/subscriptions/inputs";
import { createSubscription, deleteSubscription, renewSubscription } from "../actions/subscriptions/subscriptions";
import { isDirectoryResource } from "../actions/subscriptions/lifetimes";
import { InputError } from "../graph";
import { connectionInput, debugInput } from "../inputs/common";
import { examplePayloadWith } from "./examples";

/** What the instance keeps about its Graph subscription (flow-specific instance state). */
export interface SubscriptionState {
  subscriptionId: string;
  clientState: string;
  resource: string;
  changeType: string;
  expirationDateTime: string;
}

export const SUBSCRIPTION_STATE_KEY = "graphSubscription";

type LifecycleEvent = "reauthorizationRequired" | "subscriptionRemoved" | "missed";

interface LifecycleNotification {
  subscriptionId: string;
  subscriptionExpirationDateTime?: string;
  tenantId?: string;
  clientState?: string | null;
  lifecycleEvent: LifecycleEvent;
}

type IncomingNotification = (ChangeNotification | LifecycleNotification) & { clientState?: string | null; lifecycleEvent?: string };

function readState(context: ActionContext): SubscriptionState | undefined {
  const value = context.instanceState[SUBSCRIPTION_STATE_KEY];
  return value && typeof value === "object" ? (value as SubscriptionState) : undefined;
}

function webhookUrl(context: ActionContext): string {
  const url = context.webhookUrls?.[context.flow.name];
  if (!url) throw new Error(`The flow "${context.flow.name}" has no webhook URL for Microsoft Graph to call.`);
  return url;
}

/** Constant-time comparison of the clientState Graph sent with the secret this instance keeps. */
function sameSecret(received: unknown, expected: string): boolean {
  if (typeof received !== "string") return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(received), digest(expected));
}

function notificationsIn(payload: TriggerPayload): IncomingNotification[] | undefined {
  let data: unknown = payload.body?.data;
  if (Buffer.isBuffer(data)) data = data.toString("utf8");
  if (typeof data === "string") {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      return undefined;
    }
  }
  const value = (data as { value?: unknown } | null)?.value;
  return Array.isArray(value) ? (value as IncomingNotification[]) : undefined;
}

/** The flow gets the notification without the shared secret, so it never lands in step results or logs. */
function withoutSecret<T extends { clientState?: string | null }>(item: T): T {
  const { clientState: _secret, ...rest } = item;
  return rest as T;
}

const ACCEPTED = { statusCode: 202, contentType: "text/plain" };

export const changeNotifications = trigger({
  display: {
    label: "Change Notifications",
    description:
      "Microsoft Graph calls this flow when the chosen resource changes. Deploying the instance creates the subscription (POST /subscriptions) with a secret clientState; deleting the instance deletes it. Notifications with a wrong clientState are dropped; lifecycle events renew or recreate the subscription, and missed is passed on so the flow can resync.",
  },
  inputs: {
    connection: connectionInput,
    resource: resourceInput,
    changeTypes: changeTypesInput,
    expirationMinutes: input({
      ...expirationMinutesInput,
      comments: `${expirationMinutesInput.comments} Lifecycle events renew it; for a long-lived flow also schedule Renew Subscription.`,
    }),
    debug: debugInput,
  },
  scheduleSupport: "invalid",
  synchronousResponseSupport: "valid",
  onInstanceDeploy: async (context, params) => {
    if (isDirectoryResource(params.resource) && params.changeTypes.split(",").includes("created")) {
      throw new InputError("Change Types", `${params.resource} supports only updated and deleted (a new user or group comes as updated)`);
    }
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    const previous = readState(context);
    if (previous) await deleteSubscription(client, previous.subscriptionId);
    const url = webhookUrl(context);
    const clientState = randomBytes(32).toString("base64url");
    const sub = await createSubscription(client, {
      resource: params.resource,
      changeType: params.changeTypes,
      notificationUrl: url,
      lifecycleNotificationUrl: url,
      clientState,
      expirationMinutes: params.expirationMinutes,
    });
    const state: SubscriptionState = {
      subscriptionId: sub.id as string,
      clientState,
      resource: params.resource,
      changeType: params.changeTypes,
      expirationDateTime: sub.expirationDateTime as string,
    };
    return { instanceState: { [SUBSCRIPTION_STATE_KEY]: state } };
  },
  onInstanceDelete: async (context, params) => {
    const state = readState(context);
    if (!state) return;
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    await deleteSubscription(client, state.subscriptionId);
    return { instanceState: { [SUBSCRIPTION_STATE_KEY]: null } };
  },
  perform: async (context, payload, params): Promise<TriggerResult<false, TriggerPayload>> => {
    // Graph's handshake: answer within 10 seconds with the (already URL-decoded) token as plain text, nothing else.
    const validationToken = payload.queryParameters?.validationToken;
    if (typeof validationToken === "string") {
      return { payload, response: { statusCode: 200, contentType: "text/plain", body: validationToken } };
    }
    const incoming = notificationsIn(payload);
    if (!incoming) {
      context.logger.warn("Ignored a request that is not a Microsoft Graph notification (no value array).");
      return {
        payload: { ...payload, body: { data: { notifications: [], lifecycleEvents: [], rejected: 0, resyncNeeded: false } } },
        response: { statusCode: 400, contentType: "text/plain" },
      };
    }
    const state = readState(context);
    const notifications: ChangeNotification[] = [];
    const lifecycleEvents: LifecycleNotification[] = [];
    let rejected = 0;
    for (const item of incoming) {
      if (!state || !sameSecret(item.clientState, state.clientState)) {
        rejected += 1;
        context.logger.warn(
          `Rejected a notification for subscription ${String(item.subscriptionId)}: its clientState does not match this instance's secret.`,
        );
      } else if (item.lifecycleEvent) lifecycleEvents.push(withoutSecret(item) as LifecycleNotification);
      else notifications.push(withoutSecret(item));
    }

    let nextState = state;
    if (state && lifecycleEvents.length > 0) {
      const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
      for (const event of lifecycleEvents) {
        if (event.lifecycleEvent === "reauthorizationRequired") {
          const renewed = await renewSubscription(client, event.subscriptionId, {
            resource: state.resource,
            expirationMinutes: params.expirationMinutes,
          });
          if (event.subscriptionId === nextState?.subscriptionId)
            nextState = { ...nextState, expirationDateTime: renewed.expirationDateTime as string };
        } else if (event.lifecycleEvent === "subscriptionRemoved" && event.subscriptionId === nextState?.subscriptionId) {
          const url = webhookUrl(context);
          const sub = await createSubscription(client, {
            resource: state.resource,
            changeType: state.changeType,
            notificationUrl: url,
            lifecycleNotificationUrl: url,
            clientState: state.clientState,
            expirationMinutes: params.expirationMinutes,
          });
          nextState = { ...nextState, subscriptionId: sub.id as string, expirationDateTime: sub.expirationDateTime as string };
        }
      }
    }
    const resyncNeeded = lifecycleEvents.some((e) => e.lifecycleEvent === "missed");
    return {
      // The raw body still carries the clientState: only the checked, secret-free form goes on.
      payload: { ...payload, rawBody: { data: null }, body: { data: { notifications, lifecycleEvents, rejected, resyncNeeded } } },
      response: ACCEPTED,
      ...(nextState !== state ? { instanceState: { [SUBSCRIPTION_STATE_KEY]: nextState } } : {}),
    };
  },
  examplePayload: {
    ...examplePayloadWith({
      notifications: [
        {
          id: "lsgTZMr9KwAAA",
          subscriptionId: "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
          subscriptionExpirationDateTime: "2026-02-13T09:55:00Z",
          changeType: "updated",
          resource: "Users/87d349ed-44d7-43e1-9a83-5f2406dee5bd",
          resourceData: {
            "@odata.type": "#Microsoft.Graph.User",
            "@odata.id": "Users/87d349ed-44d7-43e1-9a83-5f2406dee5bd",
            id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
            organizationId: "bd6e8e3b-9c3a-4b0c-9c4f-1b2d3e4f5a6b",
          },
          tenantId: "bd6e8e3b-9c3a-4b0c-9c4f-1b2d3e4f5a6b",
        },
      ],
      lifecycleEvents: [],
      rejected: 0,
      resyncNeeded: false,
    }),
    response: ACCEPTED,
  },
});
