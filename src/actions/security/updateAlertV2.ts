import { action } from "@prismatic-io/spectral";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { ALERT_CLASSIFICATIONS, ALERT_DETERMINATIONS, ALERT_DETERMINATION_ALIASES, ALERT_V2_STATUSES } from "./enums";
import { alertV2Example } from "./examples";
import { alertV2IdInput, assignedToInput, enumInput } from "./inputs";
import { onlyGiven } from "./list";

export const updateAlertV2 = action({
  display: {
    label: "Update Alert v2",
    description:
      "Set the status, classification, determination or owner of a Microsoft 365 Defender alert. Only the fields given are sent; the others stay as they are.",
  },
  inputs: {
    connection: connectionInput,
    alertId: alertV2IdInput,
    status: enumInput("Status", ALERT_V2_STATUSES, "The alert's status."),
    classification: enumInput("Classification", ALERT_CLASSIFICATIONS, "Whether the alert is a true threat."),
    determination: enumInput("Determination", ALERT_DETERMINATIONS, "The result of the investigation.", ALERT_DETERMINATION_ALIASES),
    assignedTo: assignedToInput,
  },
  perform: async (context, params) => {
    const body = onlyGiven(
      {
        status: params.status,
        classification: params.classification,
        determination: params.determination,
        assignedTo: params.assignedTo,
      },
      ["Status", "Classification", "Determination", "Assigned To"],
    );
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.patch<SecurityNamespace.Alert>(graphPath`/security/alerts_v2/${params.alertId}`, body) };
  },
  examplePayload: {
    data: {
      ...alertV2Example,
      status: "inProgress",
      classification: "truePositive",
      determination: "malware",
      assignedTo: "secAdmin@contoso.onmicrosoft.com",
    },
  },
});
