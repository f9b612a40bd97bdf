import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { encodeSegment, graphPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { groupIdInput, requiredGuidInput } from "./shared";

export const memberIdInput = requiredGuidInput(
  "Member",
  "The object ID (a GUID) of the user, group, device or service principal.",
  "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
  { dataSource: "selectUser", placeholder: "Member object ID (a GUID); the picker lists users" },
);

export const addGroupMember = action({
  display: {
    label: "Add Group Member",
    description:
      "Add a user, group, device or service principal to a group (POST /groups/{id}/members/$ref). Adding an existing member fails with Graph's 400 'One or more added object references already exist'. Returns null data: Graph answers 204.",
  },
  inputs: { connection: connectionInput, groupId: groupIdInput, memberId: memberIdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const reference = `${client.origin}/${client.apiVersion}/directoryObjects/${encodeSegment(params.memberId)}`;
    await client.post(graphPath`/groups/${params.groupId}/members/$ref`, { "@odata.id": reference });
    return { data: null };
  },
  examplePayload: { data: null },
});
