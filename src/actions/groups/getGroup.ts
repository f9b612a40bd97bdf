import { action } from "@prismatic-io/spectral";
import type { Group } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { groupExample } from "./examples";
import { groupIdInput } from "./shared";

export const getGroup = action({
  display: { label: "Get Group", description: "Get one group by object ID (GET /groups/{id})." },
  inputs: { connection: connectionInput, groupId: groupIdInput, select: selectInputFor("group") },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<Group>(graphPath`/groups/${params.groupId}`, { $select: params.select }) };
  },
  examplePayload: { data: groupExample },
});
