import { randomBytes } from "node:crypto";
import { ActionContext, ActionInputParameters, TriggerPayload, input, trigger } from "@prismatic-io/spectral";
import type { ChangeNotification } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { changeTypesInput, expirationMinutesInput, resourceInput } from "../actions/subscriptions/inputs";
import { createSubscription, deleteSubscription, deleteSubscriptionsFor, renewSubscription } from "../actions/subscriptions/subscriptions";
import { checkChangeTypes } from "../actions/subscriptions/lifetimes";
import { GraphError } from "../graph";
import { connectionInput, debugInput } from "../inputs/common";
import { examplePayloadWith } from "./examples";
import {
  LifecycleNotification,
  RejectReason,
  checkNotifications,
  rejectedCount,
  rejectionSummary,
  valueArrayOf,
} from "./webhook/notifications";
import {
  SUBSCRIPTION_STATE_KEY,
  SubscriptionState,
  crossFlowKey,
  flowWebhookUrl,
  readSubscriptionState,
  storedSubscriptionId,
} from "./webhook/subscriptionState";

export { SUBSCRIPTION_STATE_KEY };
export type { SubscriptionState };

export const BRANCHES = { notification: "Notification", validation: "URL Validation", renewal: "Scheduled Renewal" } as const;

/** What the "Notification" branch hands the flow. */
export interface NotificationBody {
  notifications: ChangeNotification[];
  lifecycleEvents: LifecycleNotification[];
  rejected: number;
  rejectedByReason: Record<RejectReason, number>;
  /** Graph reported missed notifications: re-read the resource (a delta query) to catch up. */
  resyncNeeded: boolean;
  /** Lifecycle work queued for the next scheduled run ("renew" or "recreate"), if any. */
  pending?: SubscriptionState["pending"];
}

/** What the "Scheduled Renewal" branch hands the flow. */
export interface RenewalBody {
  subscriptionId?: string;
  expirationDateTime?: string;
  /** The subscription was gone (removed by Graph, or expired) and was created again. */
  recreated: boolean;
}

const inputs = {
  connection: connectionInput,
  resource: resourceInput,
  changeTypes: changeTypesInput,
  expirationMinutes: input({
    ...expirationMinutesInput,
    comments: `${expirationMinutesInput.comments} Give the trigger a schedule shorter than this lifetime: each scheduled run renews the subscription.`,
  }),
  debug: debugInput,
};

type Params = ActionInputParameters<typeof inputs>;

const ACCEPTED = { statusCode: 202, contentType: "text/plain" };

function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

/** A payload that carries nothing of the caller's request: only what the trigger itself vouches for. */
function verifiedPayload(payload: TriggerPayload, data: unknown): TriggerPayload {
  return { ...payload, headers: {}, queryParameters: {}, rawBody: { data: null }, body: { data } };
}

async function subscribe(context: ActionContext, params: Params, clientState: string): Promise<SubscriptionState> {
  const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
  const url = flowWebhookUrl(context);
  const sub = await createSubscription(client, {
    resource: params.resource,
    changeType: params.changeTypes,
    notificationUrl: url,
    lifecycleNotificationUrl: url,
    clientState,
    expirationMinutes: params.expirationMinutes,
  });
  return {
    subscriptionId: sub.id as string,
    clientState,
    resource: params.resource,
    changeType: params.changeTypes,
    expirationDateTime: sub.expirationDateTime as string,
  };
}

function saved(url: string, state: SubscriptionState | null) {
  return { instanceState: { [SUBSCRIPTION_STATE_KEY]: state }, crossFlowState: { [crossFlowKey(url)]: state?.subscriptionId ?? null } };
}

/** Renews the flow's subscription, or creates it again when Graph no longer has it (or a notification said it was removed). */
async function renewOrRecreate(context: ActionContext, params: Params, state: SubscriptionState, id: string) {
  if (state.pending !== "recreate") {
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    try {
      const renewed = await renewSubscription(client, id, { resource: state.resource, expirationMinutes: params.expirationMinutes });
      const { pending: _done, ...rest } = state;
      return { state: { ...rest, subscriptionId: id, expirationDateTime: renewed.expirationDateTime as string }, recreated: false };
    } catch (error) {
      if (!(error instanceof GraphError && error.status === 404)) throw error;
    }
  }
  const fresh = await subscribe(context, { ...params, resource: state.resource, changeTypes: state.changeType }, state.clientState);
  return { state: fresh, recreated: true };
}

function noteLifecycle(events: LifecycleNotification[], state: SubscriptionState | undefined): SubscriptionState["pending"] {
  if (!state) return undefined;
  const ours = events.filter((e) => e.subscriptionId === state.subscriptionId);
  if (ours.some((e) => e.lifecycleEvent === "subscriptionRemoved")) return "recreate";
  if (ours.some((e) => e.lifecycleEvent === "reauthorizationRequired")) return state.pending ?? "renew";
  return state.pending;
}

export const changeNotifications = trigger({
  display: {
    label: "Change Notifications",
    description:
      'Microsoft Graph calls this flow when the chosen resource changes. Deploying creates the subscription with a secret clientState (kept in the flow\'s state; its id in crossFlowState under the flow\'s webhook URL); deleting the instance deletes it. Branches: "Notification" (checked notifications and lifecycle events), "URL Validation" (Graph\'s handshake, answered with its token), "Scheduled Renewal" (each scheduled run renews the subscription, or recreates it).',
  },
  inputs,
  allowsBranching: true,
  staticBranchNames: [BRANCHES.notification, BRANCHES.validation, BRANCHES.renewal],
  scheduleSupport: "valid",
  synchronousResponseSupport: "invalid",
  webhookLifecycleHandlers: {
    create: async (context, params) => {
      checkChangeTypes(params.resource, params.changeTypes);
      const url = flowWebhookUrl(context);
      const previous = storedSubscriptionId(context, url);
      if (previous) {
        const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
        await deleteSubscription(client, previous);
      }
      const state = await subscribe(context, params, randomBytes(32).toString("base64url"));
      context.logger.info(`Created Microsoft Graph subscription ${state.subscriptionId} for flow ${context.flow.name}.`);
      return saved(url, state);
    },
    delete: async (context, params) => {
      const url = flowWebhookUrl(context);
      const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
      const id = storedSubscriptionId(context, url);
      if (id) await deleteSubscription(client, id);
      // Also any other subscription still calling this flow (one left behind by a failed deploy).
      const swept = await deleteSubscriptionsFor(client, [url]);
      context.logger.info(`Deleted ${(id ? 1 : 0) + swept.length} Microsoft Graph subscription(s) of flow ${context.flow.name}.`);
      return saved(url, null);
    },
  },
  perform: async (context, payload, params) => {
    // Graph's handshake: 200 text/plain with the (already URL-decoded) token, within 10 seconds. The flow learns only
    // that a validation happened: nothing the caller sent (body, query, headers) reaches it.
    const validationToken = payload.queryParameters?.validationToken;
    if (typeof validationToken === "string" && validationToken !== "") {
      return {
        branch: BRANCHES.validation,
        payload: verifiedPayload(payload, { validation: true }),
        response: { statusCode: 200, contentType: "text/plain", body: validationToken },
      };
    }

    const state = readSubscriptionState(context);
    if (lowerCaseHeaders(payload.headers)["prismatic-invoke-type"] === "Scheduled") {
      // A scheduled run is no answer Graph waits for, so it may call Graph (and Graph may validate the URL meanwhile).
      const url = flowWebhookUrl(context);
      const id = storedSubscriptionId(context, url);
      if (!state || !id) {
        context.logger.warn("No Microsoft Graph subscription is recorded for this flow; redeploy the instance to create one.");
        return { branch: BRANCHES.renewal, payload: verifiedPayload(payload, { recreated: false } satisfies RenewalBody) };
      }
      const outcome = await renewOrRecreate(context, params, state, id);
      const body: RenewalBody = {
        subscriptionId: outcome.state.subscriptionId,
        expirationDateTime: outcome.state.expirationDateTime,
        recreated: outcome.recreated,
      };
      return { branch: BRANCHES.renewal, payload: verifiedPayload(payload, body), ...saved(url, outcome.state) };
    }

    // A delivery: Graph waits for this answer, so nothing here calls Graph. Lifecycle work is queued for the
    // next scheduled run (and shown to the flow, which may call Renew Subscription itself).
    const items = valueArrayOf(payload.body?.data);
    if (!items) {
      context.logger.warn("Ignored a request that is not a Microsoft Graph notification (no value array).");
      return {
        branch: BRANCHES.notification,
        payload: verifiedPayload(payload, null),
        response: { statusCode: 400, contentType: "text/plain" },
      };
    }
    const checked = checkNotifications(items, state?.clientState);
    if (rejectedCount(checked) > 0) context.logger.warn(rejectionSummary(checked));
    const pending = noteLifecycle(checked.lifecycleEvents, state);
    const body: NotificationBody = {
      notifications: checked.notifications,
      lifecycleEvents: checked.lifecycleEvents,
      rejected: rejectedCount(checked),
      rejectedByReason: checked.rejected,
      resyncNeeded: checked.lifecycleEvents.some((e) => e.lifecycleEvent === "missed"),
      ...(pending ? { pending } : {}),
    };
    return {
      branch: BRANCHES.notification,
      // The raw body still carries the clientState: only the checked, secret-free form goes on.
      payload: { ...payload, queryParameters: {}, rawBody: { data: null }, body: { data: body } },
      response: ACCEPTED,
      ...(state && pending !== state.pending ? { instanceState: { [SUBSCRIPTION_STATE_KEY]: { ...state, pending } } } : {}),
    };
  },
  examplePayload: {
    branch: BRANCHES.notification,
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
      rejectedByReason: { notAnObject: 0, missingFields: 0, wrongClientState: 0 },
      resyncNeeded: false,
    } satisfies NotificationBody),
    response: ACCEPTED,
  },
});
