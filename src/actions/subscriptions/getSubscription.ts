import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { connectionInput, debugInput } from "../../inputs/common";
import { SubscriptionEntity, exampleSubscriptionEntity } from "./examples";
import { subscriptionIdInput } from "./inputs";
import { getSubscription as get, withoutClientState } from "./subscriptions";

export const getSubscription = action({
  display: {
    label: "Get Subscription",
    description: "Get one change notification subscription (GET /subscriptions/{id}): its resource, change types, URLs and expiration.",
  },
  inputs: { connection: connectionInput, subscriptionId: subscriptionIdInput, debug: debugInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    const data: SubscriptionEntity = withoutClientState(await get(client, params.subscriptionId));
    return { data };
  },
  examplePayload: { data: exampleSubscriptionEntity },
});
