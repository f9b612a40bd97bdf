import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { userPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { userIdInput } from "./shared";

export const deleteUser = action({
  display: {
    label: "Delete User",
    description:
      "Delete a user (DELETE /users/{id}). The user goes to deleted items for 30 days and can be restored. Returns null data: Graph answers 204 No Content.",
  },
  inputs: { connection: connectionInput, userId: userIdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    await client.delete(userPath(params.userId));
    return { data: null };
  },
  examplePayload: { data: null },
});
