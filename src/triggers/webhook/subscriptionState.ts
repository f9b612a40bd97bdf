import type { ActionContext } from "@prismatic-io/spectral";

/** What a flow keeps about its Graph subscription, in its own (flow-specific) instance state. */
export interface SubscriptionState {
  subscriptionId: string;
  /** The secret every notification must carry; it never leaves this state. */
  clientState: string;
  resource: string;
  changeType: string;
  expirationDateTime: string;
  /** Lifecycle work a notification asked for, done by the next scheduled run (never while Graph waits for an answer). */
  pending?: "renew" | "recreate";
}

export const SUBSCRIPTION_STATE_KEY = "graphSubscription";

export function readSubscriptionState(context: ActionContext): SubscriptionState | undefined {
  const value = context.instanceState[SUBSCRIPTION_STATE_KEY];
  return value && typeof value === "object" ? (value as SubscriptionState) : undefined;
}

export function flowWebhookUrl(context: ActionContext): string {
  const url = context.webhookUrls?.[context.flow.name];
  if (!url) throw new Error(`The flow "${context.flow.name}" has no webhook URL for Microsoft Graph to call.`);
  return url;
}

/**
 * The crossFlowState key under which a flow's subscription id is kept, as Prismatic's own Microsoft triggers key
 * it: the flow's webhook URL in base64. Other flows and scheduled runs find the subscription through it.
 */
export function crossFlowKey(webhookUrl: string): string {
  return Buffer.from(webhookUrl).toString("base64");
}

/** The subscription id of this flow: crossFlowState first (where other flows may have replaced it), then instance state. */
export function storedSubscriptionId(context: ActionContext, url: string): string | undefined {
  const shared = context.crossFlowState?.[crossFlowKey(url)];
  return typeof shared === "string" && shared ? shared : readSubscriptionState(context)?.subscriptionId;
}
