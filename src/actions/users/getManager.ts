import { action } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { userPath } from "../../graph";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { managerExample } from "./examples";
import { userIdInput } from "./shared";

export const getManager = action({
  display: {
    label: "Get Manager",
    description:
      "Get a user's manager (GET /users/{id}/manager). A user without a manager gets Graph's 404 Request_ResourceNotFound for 'manager'.",
  },
  inputs: { connection: connectionInput, userId: userIdInput, select: selectInputFor("user") },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<User>(userPath(params.userId, "/manager"), { $select: params.select }) };
  },
  examplePayload: { data: managerExample },
});
