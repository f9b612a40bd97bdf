import { action } from "@prismatic-io/spectral";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { ALERT_CLASSIFICATIONS, ALERT_DETERMINATIONS, ALERT_DETERMINATION_ALIASES, INCIDENT_STATUSES } from "./enums";
import { incidentExample } from "./examples";
import { assignedToInput, enumInput, incidentIdInput, tagListInput } from "./inputs";
import { onlyGiven } from "./list";

export const updateIncident = action({
  display: {
    label: "Update Incident",
    description:
      "Set the status, classification, determination, owner or custom tags of a Microsoft 365 Defender incident. Only the fields given are sent.",
  },
  inputs: {
    connection: connectionInput,
    incidentId: incidentIdInput,
    status: enumInput("Status", INCIDENT_STATUSES, "The incident's status."),
    classification: enumInput("Classification", ALERT_CLASSIFICATIONS, "Whether the incident is a true threat."),
    determination: enumInput("Determination", ALERT_DETERMINATIONS, "The result of the investigation.", ALERT_DETERMINATION_ALIASES),
    assignedTo: assignedToInput,
    customTags: tagListInput("Custom Tags", "Replaces the incident's custom tags with this list. Empty leaves them unchanged."),
  },
  perform: async (context, params) => {
    const body = onlyGiven(
      {
        status: params.status,
        classification: params.classification,
        determination: params.determination,
        assignedTo: params.assignedTo,
        customTags: params.customTags,
      },
      ["Status", "Classification", "Determination", "Assigned To", "Custom Tags"],
    );
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.patch<SecurityNamespace.Incident>(graphPath`/security/incidents/${params.incidentId}`, body) };
  },
  examplePayload: { data: incidentExample },
});
