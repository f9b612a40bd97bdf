import { action } from "@prismatic-io/spectral";
import type { Group } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput } from "../../inputs/common";
import { countInput, directoryQueryInputs, listOrCollect, odataQuery } from "../users/listing";
import { listGroupsExample } from "./examples";

export const listGroups = action({
  display: {
    label: "List Groups",
    description: "List the tenant's groups: Microsoft 365, security and distribution groups (GET /groups).",
  },
  inputs: { connection: connectionInput, ...directoryQueryInputs(999, "groups", "group"), count: countInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await listOrCollect<Group>(client, { path: "/groups", query: odataQuery(params) }, params) };
  },
  examplePayload: { data: listGroupsExample },
});
