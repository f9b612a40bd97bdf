import { action, input } from "@prismatic-io/spectral";
import type { SecureScore } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import type { GraphCollection } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { integer } from "../../inputs/clean";
import { pageExample, secureScoreExample } from "./examples";

export const listSecureScores = action({
  display: {
    label: "List Secure Scores",
    description: "List the tenant's Microsoft Secure Score, one entry per day, newest first, with the score of each control.",
  },
  inputs: {
    connection: connectionInput,
    top: input({
      label: "Days",
      type: "string",
      required: false,
      default: "1",
      example: "7",
      comments: "OData $top: how many days of scores to return, newest first (1 to 90). Graph keeps 90 days.",
      clean: integer("Days", { min: 1, max: 90, fallback: 1 }),
    }),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<GraphCollection<SecureScore>>("/security/secureScores", { $top: params.top }) };
  },
  examplePayload: pageExample(secureScoreExample, "security/secureScores"),
});
