import { action } from "@prismatic-io/spectral";
import type { Subscription } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, debugInput, fetchAllInput, limitInput } from "../../inputs/common";
import { exampleSubscription } from "./examples";

export const listSubscriptions = action({
  display: {
    label: "List Subscriptions",
    description:
      "List the change notification subscriptions this app created (GET /subscriptions), with their resource, change types and expiration.",
  },
  inputs: { connection: connectionInput, fetchAll: fetchAllInput, limit: limitInput, debug: debugInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    const result = await client.collect<Subscription>(
      { path: "/subscriptions" },
      { limit: params.limit ?? 10_000, maxPages: params.fetchAll ? undefined : 1 },
    );
    return {
      data: {
        value: result.items,
        ...(params.fetchAll ? { moreAvailable: result.moreAvailable } : {}),
        ...(result.nextLink ? { "@odata.nextLink": result.nextLink } : {}),
      },
    };
  },
  examplePayload: { data: { value: [exampleSubscription] } },
});
