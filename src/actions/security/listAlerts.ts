import { action, input } from "@prismatic-io/spectral";
import type { Alert } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, fetchAllInput, filterInput, limitInput, topInput } from "../../inputs/common";
import { legacyAlertExample, pageExample } from "./examples";
import { listResult } from "./list";

export const listAlerts = action({
  display: {
    label: "List Alerts (legacy)",
    description:
      "List alerts from the legacy Microsoft Graph security API (/security/alerts). Microsoft retired /security/alerts on 31 August 2026: it no longer returns data, so use the v2 actions (alerts_v2, incidents) instead.",
  },
  inputs: {
    connection: connectionInput,
    filter: input({
      ...filterInput,
      example: "vendorInformation/provider eq 'MCAS' and severity eq 'high'",
      comments: "OData $filter, e.g. on severity, status, category or vendorInformation/provider.",
    }),
    top: input({
      ...topInput(1000, "alerts"),
      comments: "OData $top: the newest alerts from EACH security provider (1 to 1000), so a page can hold more than this.",
    }),
    fetchAll: fetchAllInput,
    limit: limitInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return listResult<Alert>(client, { path: "/security/alerts", query: { $filter: params.filter, $top: params.top } }, params);
  },
  examplePayload: pageExample(legacyAlertExample, "security/alerts"),
});
