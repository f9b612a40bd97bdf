import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { connectionInput, debugInput } from "../../inputs/common";
import { deleteSubscriptionsFor } from "./subscriptions";

export const deleteInstanceSubscriptions = action({
  display: {
    label: "Delete Instance Subscriptions",
    description:
      "Delete every subscription whose notification or lifecycle URL is one of this instance's webhook URLs (GET /subscriptions, then DELETE each): clean-up after a failed deploy or before a redeploy.",
  },
  inputs: { connection: connectionInput, debug: debugInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    const urls = Object.values(context.webhookUrls ?? {});
    const deleted = urls.length > 0 ? await deleteSubscriptionsFor(client, urls) : [];
    return { data: { deleted, webhookUrls: urls.length } };
  },
  examplePayload: { data: { deleted: ["7f105c7d-2dc5-4530-97cd-4e7ae6534c07"], webhookUrls: 2 } },
});
