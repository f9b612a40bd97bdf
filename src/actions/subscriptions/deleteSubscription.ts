import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { connectionInput, debugInput } from "../../inputs/common";
import { subscriptionIdInput } from "./inputs";
import { deleteSubscription as remove } from "./subscriptions";

export const deleteSubscription = action({
  display: {
    label: "Delete Subscription",
    description:
      "Delete a change notification subscription (DELETE /subscriptions/{id}). One that is already gone is reported as deleted: false.",
  },
  inputs: { connection: connectionInput, subscriptionId: subscriptionIdInput, debug: debugInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    return { data: { id: params.subscriptionId, deleted: await remove(client, params.subscriptionId) } };
  },
  examplePayload: { data: { id: "7f105c7d-2dc5-4530-97cd-4e7ae6534c07", deleted: true } },
});
