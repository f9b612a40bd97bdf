import { action, input } from "@prismatic-io/spectral";
import type { DirectoryObject } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { graphPath } from "../../graph";
import { boolean } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { countInput, directoryQueryInputs, listOrCollect, referenceListRequest } from "../users/listing";
import { membersExample } from "./examples";
import { groupIdInput } from "./shared";

export const listGroupMembers = action({
  display: {
    label: "List Group Members",
    description:
      "List a group's members: users, groups, devices and service principals, each with @odata.type (GET /groups/{id}/members, or /transitiveMembers to include members of nested groups). A filter, search or order is sent as an advanced query ($count=true, ConsistencyLevel: eventual), as Graph requires here.",
  },
  inputs: {
    connection: connectionInput,
    groupId: groupIdInput,
    transitive: input({
      label: "Include Nested Members",
      type: "boolean",
      required: false,
      default: "false",
      comments: "Also list members of nested groups (transitiveMembers), each once.",
      clean: boolean("Include Nested Members"),
    }),
    ...directoryQueryInputs(999, "members", "directoryObject"),
    count: countInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const path = params.transitive ? graphPath`/groups/${params.groupId}/transitiveMembers` : graphPath`/groups/${params.groupId}/members`;
    return { data: await listOrCollect<DirectoryObject>(client, referenceListRequest(path, params), params) };
  },
  examplePayload: { data: membersExample },
});
