import { action, input } from "@prismatic-io/spectral";
import type { SecureScoreControlProfile } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { pathId } from "../../inputs/clean";
import { controlProfileExample } from "./examples";

export const getSecureScoreControlProfile = action({
  display: {
    label: "Get Secure Score Control Profile",
    description: "Get one Secure Score control profile by its id (the control name, e.g. AdminMFAV2).",
  },
  inputs: {
    connection: connectionInput,
    controlProfileId: input({
      label: "Control Profile ID",
      type: "string",
      required: true,
      example: "AdminMFAV2",
      comments: "The control's id, which is its control name in the Secure Score's controlScores (e.g. AdminMFAV2).",
      clean: pathId("Control Profile ID"),
    }),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return {
      data: await client.get<SecureScoreControlProfile>(graphPath`/security/secureScoreControlProfiles/${params.controlProfileId}`),
    };
  },
  examplePayload: { data: controlProfileExample },
});
