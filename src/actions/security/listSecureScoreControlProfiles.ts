import { action, input } from "@prismatic-io/spectral";
import type { SecureScoreControlProfile } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, fetchAllInput, filterInput, limitInput, topInput } from "../../inputs/common";
import { controlProfileExample, pageExample } from "./examples";
import { listResult } from "./list";

export const listSecureScoreControlProfiles = action({
  display: {
    label: "List Secure Score Control Profiles",
    description: "List the Secure Score controls (what each recommends, its maximum score, cost and user impact) for the tenant.",
  },
  inputs: {
    connection: connectionInput,
    filter: input({
      ...filterInput,
      example: "controlCategory eq 'Identity'",
      comments: "OData $filter, e.g. on controlCategory, service or tier.",
    }),
    top: topInput(1000, "control profiles"),
    fetchAll: fetchAllInput,
    limit: limitInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return listResult<SecureScoreControlProfile>(
      client,
      { path: "/security/secureScoreControlProfiles", query: { $filter: params.filter, $top: params.top } },
      params,
    );
  },
  examplePayload: pageExample(controlProfileExample, "security/secureScoreControlProfiles"),
});
