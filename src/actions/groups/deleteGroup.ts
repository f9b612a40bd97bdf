import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { groupIdInput } from "./shared";

export const deleteGroup = action({
  display: {
    label: "Delete Group",
    description:
      "Delete a group (DELETE /groups/{id}). Microsoft 365 groups can be restored for 30 days; security groups are deleted for good. Returns null data: Graph answers 204 No Content.",
  },
  inputs: { connection: connectionInput, groupId: groupIdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    await client.delete(graphPath`/groups/${params.groupId}`);
    return { data: null };
  },
  examplePayload: { data: null },
});
