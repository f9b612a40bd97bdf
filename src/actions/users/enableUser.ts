import { action } from "@prismatic-io/spectral";
import { connectionInput } from "../../inputs/common";
import { setAccountEnabled } from "./accountEnabled";
import { accountStateExample } from "./examples";
import { userIdInput } from "./shared";

export const enableUser = action({
  display: {
    label: "Enable User",
    description: "Let a user sign in again: sets accountEnabled to true (PATCH /users/{id}). Returns the user with accountEnabled.",
  },
  inputs: { connection: connectionInput, userId: userIdInput },
  perform: async (context, params) => ({ data: await setAccountEnabled(params.connection, params.userId, true, context.logger) }),
  examplePayload: { data: { ...accountStateExample, accountEnabled: true } },
});
