import { action, input } from "@prismatic-io/spectral";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, fetchAllInput, filterInput, limitInput, topInput } from "../../inputs/common";
import { incidentExample, pageExample } from "./examples";
import { expandAlertsInput } from "./incidentInputs";
import { listResult } from "./list";

export const listIncidents = action({
  display: {
    label: "List Incidents",
    description: "List Microsoft 365 Defender incidents (/security/incidents), newest first, optionally with their alerts.",
  },
  inputs: {
    connection: connectionInput,
    filter: input({
      ...filterInput,
      example: "status eq 'active'",
      comments: "OData $filter on assignedTo, classification, createdDateTime, determination, lastUpdateDateTime, severity or status.",
    }),
    expandAlerts: expandAlertsInput,
    top: topInput(50, "incidents"),
    fetchAll: fetchAllInput,
    limit: limitInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const query = { $filter: params.filter, $top: params.top, $expand: params.expandAlerts ? "alerts" : undefined };
    return listResult<SecurityNamespace.Incident>(client, { path: "/security/incidents", query }, params);
  },
  examplePayload: pageExample(incidentExample, "security/incidents"),
});
