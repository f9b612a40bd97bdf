import { action, input } from "@prismatic-io/spectral";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, fetchAllInput, filterInput, limitInput, topInput } from "../../inputs/common";
import { alertV2Example, pageExample } from "./examples";
import { listResult } from "./list";

export const listAlertsV2 = action({
  display: {
    label: "List Alerts v2",
    description:
      "List Microsoft 365 Defender alerts (/security/alerts_v2), newest first: status, severity, classification, evidence and the incident each belongs to.",
  },
  inputs: {
    connection: connectionInput,
    filter: input({
      ...filterInput,
      example: "status eq 'new' and severity eq 'high'",
      comments:
        "OData $filter on assignedTo, classification, determination, createdDateTime, lastUpdateDateTime, severity, serviceSource or status.",
    }),
    top: topInput(2000, "alerts"),
    fetchAll: fetchAllInput,
    limit: limitInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return listResult<SecurityNamespace.Alert>(
      client,
      { path: "/security/alerts_v2", query: { $filter: params.filter, $top: params.top } },
      params,
    );
  },
  examplePayload: pageExample(alertV2Example, "security/alerts_v2"),
});
