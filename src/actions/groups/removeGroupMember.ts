import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { memberIdInput } from "./addGroupMember";
import { groupIdInput } from "./shared";

export const removeGroupMember = action({
  display: {
    label: "Remove Group Member",
    description:
      "Remove a member from a group (DELETE /groups/{id}/members/{memberId}/$ref). A non-member gets Graph's 404. Returns null data: Graph answers 204.",
  },
  inputs: { connection: connectionInput, groupId: groupIdInput, memberId: memberIdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    await client.delete(graphPath`/groups/${params.groupId}/members/${params.memberId}/$ref`);
    return { data: null };
  },
  examplePayload: { data: null },
});
