import { action } from "@prismatic-io/spectral";
import type { Alert } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { legacyAlertExample } from "./examples";
import { legacyAlertIdInput } from "./inputs";

export const getAlert = action({
  display: {
    label: "Get Alert (legacy)",
    description:
      "Get one alert from the legacy Microsoft Graph security API (/security/alerts/{id}). Microsoft retired /security/alerts on 31 August 2026: it no longer returns data, so use the v2 actions (alerts_v2, incidents) instead.",
  },
  inputs: { connection: connectionInput, alertId: legacyAlertIdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<Alert>(graphPath`/security/alerts/${params.alertId}`) };
  },
  examplePayload: { data: legacyAlertExample },
});
