import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { InputError } from "../../graph";
import { connectionInput, debugInput } from "../../inputs/common";
import { SubscriptionEntity, exampleSubscriptionEntity } from "./examples";
import { expirationMinutesInput, notificationUrlInput, subscriptionIdInput } from "./inputs";
import { expirationFor } from "./lifetimes";
import { getSubscription, updateSubscription as update, withoutClientState } from "./subscriptions";

export const updateSubscription = action({
  display: {
    label: "Update Subscription",
    description:
      "Change a subscription's expiration and/or notification URL (PATCH /subscriptions/{id}), the properties Graph lets change. A new notification URL is validated by Graph first.",
  },
  inputs: {
    connection: connectionInput,
    subscriptionId: subscriptionIdInput,
    expirationMinutes: expirationMinutesInput,
    notificationUrl: {
      ...notificationUrlInput,
      placeholder: "Empty: keep the current URL",
      comments: "A new notification URL (https); empty keeps the current one.",
    },
    debug: debugInput,
  },
  perform: async (context, params) => {
    if (params.expirationMinutes === undefined && params.notificationUrl === undefined)
      throw new InputError("Expiration Minutes", "or Notification URL is required: give what to change");
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    const resource =
      params.expirationMinutes === undefined ? undefined : ((await getSubscription(client, params.subscriptionId)).resource ?? "");
    const updated = await update(client, params.subscriptionId, {
      ...(resource === undefined ? {} : { expirationDateTime: expirationFor(resource, params.expirationMinutes) }),
      ...(params.notificationUrl ? { notificationUrl: params.notificationUrl } : {}),
    });
    const data: SubscriptionEntity = withoutClientState(updated);
    return { data };
  },
  examplePayload: { data: exampleSubscriptionEntity },
});
