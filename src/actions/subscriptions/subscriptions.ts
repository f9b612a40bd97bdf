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
