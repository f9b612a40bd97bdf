import { action, input } from "@prismatic-io/spectral";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { GraphCollection, graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { requiredString } from "../../inputs/clean";
import { alertV2IdInput } from "./inputs";

export const addAlertComment = action({
  display: {
    label: "Add Alert Comment",
    description:
      "Add a comment to a Microsoft 365 Defender alert (/security/alerts_v2/{id}/comments). Returns all of the alert's comments.",
  },
  inputs: {
    connection: connectionInput,
    alertId: alertV2IdInput,
    comment: input({
      label: "Comment",
      type: "text",
      required: true,
      example: "Escalated to the on-call analyst.",
      comments: "The comment text.",
      clean: requiredString("Comment"),
    }),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const body = { "@odata.type": "microsoft.graph.security.alertComment", comment: params.comment };
    return {
      data: await client.post<GraphCollection<SecurityNamespace.AlertComment>>(
        graphPath`/security/alerts_v2/${params.alertId}/comments`,
        body,
      ),
    };
  },
  examplePayload: {
    data: {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#security/alerts_v2('da637865765418431569_-773071023')/comments",
      value: [
        { comment: "test", createdByDisplayName: "secAdmin@contoso.com", createdDateTime: "2022-10-13T07:08:30.1606766Z" },
        { comment: "Demo for docs", createdByDisplayName: "secAdmin@contoso.com", createdDateTime: "2022-10-13T07:08:40.3825324Z" },
      ],
    },
  },
});
