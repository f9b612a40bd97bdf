import { action } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { userPath } from "../../graph";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { userExample } from "./examples";
import { userIdInput } from "./shared";

export const getUser = action({
  display: {
    label: "Get User",
    description: "Get one user by object ID or userPrincipalName (GET /users/{id | userPrincipalName}).",
  },
  inputs: { connection: connectionInput, userId: userIdInput, select: selectInputFor("user") },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<User>(userPath(params.userId), { $select: params.select }) };
  },
  examplePayload: { data: userExample },
});
