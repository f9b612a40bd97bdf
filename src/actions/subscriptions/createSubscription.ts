import { randomBytes } from "node:crypto";
import { action, input } from "@prismatic-io/spectral";
import type { Subscription } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, debugInput } from "../../inputs/common";
import { SubscriptionEntity, exampleSubscriptionEntity } from "./examples";
import {
  changeTypesInput,
  clientStateInput,
  expirationMinutesInput,
  lifecycleNotificationUrlInput,
  notificationUrlInput,
  resourceInput,
} from "./inputs";
import { createSubscription as create, withoutClientState } from "./subscriptions";
import { checkChangeTypes } from "./lifetimes";

export const createSubscription = action({
  display: {
    label: "Create Subscription",
    description:
      "Subscribe to change notifications for a resource (POST /subscriptions). Graph first validates the notification URL, then posts a notification for each change until the subscription expires: renew it before then.",
  },
  inputs: {
    connection: connectionInput,
    resource: input({ ...resourceInput, required: true }),
    changeTypes: changeTypesInput,
    notificationUrl: notificationUrlInput,
    lifecycleNotificationUrl: lifecycleNotificationUrlInput,
    clientState: clientStateInput,
    expirationMinutes: expirationMinutesInput,
    debug: debugInput,
  },
  perform: async (context, params) => {
    checkChangeTypes(params.resource, params.changeTypes);
    const notificationUrl = params.notificationUrl ?? context.webhookUrls?.[context.flow.name];
    if (!notificationUrl) throw new Error(`Give a Notification URL: the flow "${context.flow.name}" has no webhook URL.`);
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    const created: Subscription = await create(client, {
      resource: params.resource,
      changeType: params.changeTypes,
      notificationUrl,
      lifecycleNotificationUrl: params.lifecycleNotificationUrl ?? notificationUrl,
      clientState: params.clientState ?? randomBytes(32).toString("base64url"),
      expirationMinutes: params.expirationMinutes,
    });
    const data: SubscriptionEntity = withoutClientState(created);
    return { data };
  },
  examplePayload: { data: exampleSubscriptionEntity },
});
