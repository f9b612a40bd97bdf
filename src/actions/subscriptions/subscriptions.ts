import type { Subscription } from "@microsoft/microsoft-graph-types";
import { GraphClient, GraphError, graphPath } from "../../graph";
import { expirationFor, lifetimeLimitIn } from "./lifetimes";

export interface SubscriptionSpec {
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState: string;
  expirationMinutes?: number;
}

/**
 * Sends with the expiration asked for, or with the resource's longest lifetime from Microsoft's table; if Graph
 * refuses that default naming a shorter limit (its table changed), sends once more within Graph's limit.
 */
async function withLongestLifetime<T>(
  resource: string,
  minutes: number | undefined,
  send: (expirationDateTime: string) => Promise<T>,
): Promise<T> {
  try {
    return await send(expirationFor(resource, minutes));
  } catch (error) {
    const limit =
      minutes === undefined && error instanceof GraphError && error.status === 400 ? lifetimeLimitIn(error.graphMessage) : undefined;
    if (limit === undefined) throw error;
    return send(expirationFor(resource, limit));
  }
}

/** POST /subscriptions: Graph first calls the notification URL(s) with a validationToken and only then creates it. */
export function createSubscription(client: GraphClient, spec: SubscriptionSpec): Promise<Subscription> {
  return withLongestLifetime(spec.resource, spec.expirationMinutes, (expirationDateTime) =>
    client.post<Subscription>("/subscriptions", {
      changeType: spec.changeType,
      notificationUrl: spec.notificationUrl,
      lifecycleNotificationUrl: spec.lifecycleNotificationUrl,
      resource: spec.resource,
      expirationDateTime,
      clientState: spec.clientState,
    }),
  );
}

/** PATCH /subscriptions/{id} with a new expirationDateTime; without `resource`, reads the subscription to learn its lifetime. */
export async function renewSubscription(
  client: GraphClient,
  id: string,
  options: { resource?: string; expirationMinutes?: number } = {},
): Promise<Subscription> {
  const resource = options.resource ?? (await client.get<Subscription>(graphPath`/subscriptions/${id}`)).resource ?? "";
  return withLongestLifetime(resource, options.expirationMinutes, (expirationDateTime) =>
    client.patch<Subscription>(graphPath`/subscriptions/${id}`, { expirationDateTime }),
  );
}

/** GET /subscriptions/{id}. */
export function getSubscription(client: GraphClient, id: string): Promise<Subscription> {
  return client.get<Subscription>(graphPath`/subscriptions/${id}`);
}

/** PATCH /subscriptions/{id}: a new expiration and/or notification URL (the only properties Graph lets change). */
export function updateSubscription(
  client: GraphClient,
  id: string,
  changes: { expirationDateTime?: string; notificationUrl?: string },
): Promise<Subscription> {
  return client.patch<Subscription>(graphPath`/subscriptions/${id}`, changes);
}

/** The most subscriptions read when looking for the ones of a webhook URL (Graph allows 1000 per mailbox, more per app). */
const MAX_LISTED = 10_000;

/** Every subscription this app can see (GET /subscriptions, all pages up to a limit). */
export async function listAllSubscriptions(client: GraphClient): Promise<Subscription[]> {
  return (await client.collect<Subscription>({ path: "/subscriptions" }, { limit: MAX_LISTED })).items;
}

/** Deletes every subscription whose notification or lifecycle URL is one of `urls`; returns the ids deleted. */
export async function deleteSubscriptionsFor(client: GraphClient, urls: readonly string[]): Promise<string[]> {
  const wanted = new Set(urls);
  const deleted: string[] = [];
  for (const sub of await listAllSubscriptions(client)) {
    const points = [sub.notificationUrl, sub.lifecycleNotificationUrl].some((url) => typeof url === "string" && wanted.has(url));
    if (points && sub.id && (await deleteSubscription(client, sub.id))) deleted.push(sub.id);
  }
  return deleted;
}

/** A subscription as a step result may show it: its clientState is the secret notifications are checked against. */
export function withoutClientState<T extends Subscription>(sub: T): T {
  return { ...sub, clientState: null };
}

/** DELETE /subscriptions/{id}; one that is already gone counts as deleted. */
export async function deleteSubscription(client: GraphClient, id: string): Promise<boolean> {
  try {
    await client.delete(graphPath`/subscriptions/${id}`);
    return true;
  } catch (error) {
    if (error instanceof GraphError && error.status === 404) return false;
    throw error;
  }
}
