import { action, input } from "@prismatic-io/spectral";
import type { DirectoryObject } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { userPath } from "../../graph";
import { connectionInput, filterInput, searchInput, selectInputFor } from "../../inputs/common";
import { memberOfExample } from "./examples";
import { countInput, listOrCollect, pagingInputs, referenceListRequest } from "./listing";
import { userIdInput } from "./shared";

export const listUserMemberOf = action({
  display: {
    label: "List User Memberships",
    description:
      "List the groups, directory roles and administrative units a user is a direct member of (GET /users/{id}/memberOf). Each item carries @odata.type.",
  },
  inputs: {
    connection: connectionInput,
    userId: userIdInput,
    select: selectInputFor("directoryObject"),
    filter: input({
      ...filterInput,
      comments: `${filterInput.comments} On memberOf a filter is an advanced query: $count=true and ConsistencyLevel: eventual are added.`,
    }),
    search: searchInput,
    count: countInput,
    ...pagingInputs(999, "memberships"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const request = referenceListRequest(userPath(params.userId, "/memberOf"), params);
    return { data: await listOrCollect<DirectoryObject>(client, request, params) };
  },
  examplePayload: { data: memberOfExample },
});
