import { action } from "@prismatic-io/spectral";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { incidentExample } from "./examples";
import { expandAlertsInput } from "./incidentInputs";
import { incidentIdInput } from "./inputs";

export const getIncident = action({
  display: {
    label: "Get Incident",
    description: "Get one Microsoft 365 Defender incident (/security/incidents/{id}), optionally with its alerts.",
  },
  inputs: { connection: connectionInput, incidentId: incidentIdInput, expandAlerts: expandAlertsInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const query = { $expand: params.expandAlerts ? "alerts" : undefined };
    return { data: await client.get<SecurityNamespace.Incident>(graphPath`/security/incidents/${params.incidentId}`, query) };
  },
  examplePayload: { data: incidentExample },
});
