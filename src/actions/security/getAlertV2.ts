import { action } from "@prismatic-io/spectral";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { alertV2Example } from "./examples";
import { alertV2IdInput } from "./inputs";

export const getAlertV2 = action({
  display: {
    label: "Get Alert v2",
    description: "Get one Microsoft 365 Defender alert (/security/alerts_v2/{id}) with its evidence and comments.",
  },
  inputs: { connection: connectionInput, alertId: alertV2IdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<SecurityNamespace.Alert>(graphPath`/security/alerts_v2/${params.alertId}`) };
  },
  examplePayload: { data: alertV2Example },
});
