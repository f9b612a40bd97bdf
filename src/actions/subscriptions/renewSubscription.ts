import { action } from "@prismatic-io/spectral";
import type { Subscription } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, debugInput } from "../../inputs/common";
import { exampleSubscription } from "./examples";
import { expirationMinutesInput, subscriptionIdInput } from "./inputs";
import { renewSubscription as renew } from "./subscriptions";

export const renewSubscription = action({
  display: {
    label: "Renew Subscription",
    description:
      "Extend a change notification subscription (PATCH /subscriptions/{id}) to the longest lifetime its resource allows, or to the minutes given. Run it on a schedule shorter than that lifetime.",
  },
  inputs: {
    connection: connectionInput,
    subscriptionId: subscriptionIdInput,
    expirationMinutes: expirationMinutesInput,
    debug: debugInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    const renewed: Subscription & { "@odata.context"?: string } = await renew(client, params.subscriptionId, {
      expirationMinutes: params.expirationMinutes,
    });
    // The subscription's clientState is the secret notifications are checked against: keep it out of step results.
    const data: typeof renewed = { ...renewed, clientState: null };
    return { data };
  },
  examplePayload: {
    data: { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity", ...exampleSubscription },
  },
});
