import { action, input } from "@prismatic-io/spectral";
import type { Alert, SecurityVendorInformation } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { optionalString } from "../../inputs/clean";
import { LEGACY_ALERT_FEEDBACK, LEGACY_ALERT_STATUSES } from "./enums";
import { legacyAlertExample } from "./examples";
import { assignedToInput, enumInput, legacyAlertIdInput, tagListInput } from "./inputs";
import { onlyGiven } from "./list";

export const updateAlert = action({
  display: {
    label: "Update Alert (legacy)",
    description:
      "Update a legacy security alert's status, feedback, owner, comments or tags. Only the fields given are sent, with the vendorInformation Graph requires (read from the alert when Provider and Vendor are empty). Microsoft retired /security/alerts on 31 August 2026: it no longer returns data, so use the v2 actions (alerts_v2, incidents) instead.",
  },
  inputs: {
    connection: connectionInput,
    alertId: legacyAlertIdInput,
    status: enumInput("Status", LEGACY_ALERT_STATUSES, "The alert's lifecycle status."),
    feedback: enumInput("Feedback", LEGACY_ALERT_FEEDBACK, "The analyst's verdict."),
    assignedTo: assignedToInput,
    comments: tagListInput("Comments", "Replaces the alert's comments with this list. Empty leaves them unchanged."),
    tags: tagListInput("Tags", "Replaces the alert's tags with this list. Empty leaves them unchanged."),
    provider: input({
      label: "Provider",
      type: "string",
      required: false,
      example: "MCAS",
      comments: "The alert's vendorInformation.provider. Empty: read from the alert first.",
      clean: optionalString,
    }),
    vendor: input({
      label: "Vendor",
      type: "string",
      required: false,
      example: "Microsoft",
      comments: "The alert's vendorInformation.vendor. Empty: read from the alert first.",
      clean: optionalString,
    }),
  },
  perform: async (context, params) => {
    const fields = onlyGiven(
      {
        status: params.status,
        feedback: params.feedback,
        assignedTo: params.assignedTo,
        comments: params.comments,
        tags: params.tags,
      },
      ["Status", "Feedback", "Assigned To", "Comments", "Tags"],
    );
    const client = createGraphClient(params.connection, { logger: context.logger });
    const path = graphPath`/security/alerts/${params.alertId}`;
    let vendorInformation: SecurityVendorInformation | null | undefined = { provider: params.provider, vendor: params.vendor };
    if (!params.provider || !params.vendor) {
      vendorInformation = (await client.get<Alert>(path, { $select: "vendorInformation" })).vendorInformation;
    }
    const response = await client.request<Alert>({
      method: "PATCH",
      path,
      body: { ...fields, vendorInformation },
      headers: { Prefer: "return=representation" },
    });
    return { data: response.data };
  },
  examplePayload: {
    data: { ...legacyAlertExample, status: "inProgress", feedback: "truePositive", assignedTo: "secAdmin@contoso.onmicrosoft.com" },
  },
});
