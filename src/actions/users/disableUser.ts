import { action } from "@prismatic-io/spectral";
import { connectionInput } from "../../inputs/common";
import { setAccountEnabled } from "./accountEnabled";
import { accountStateExample } from "./examples";
import { userIdInput } from "./shared";

export const disableUser = action({
  display: {
    label: "Disable User",
    description:
      "Block a user from signing in: sets accountEnabled to false (PATCH /users/{id}). Existing sessions last until tokens expire; add Revoke Sign-in Sessions to end them now. Returns the user with accountEnabled.",
  },
  inputs: { connection: connectionInput, userId: userIdInput },
  perform: async (context, params) => ({ data: await setAccountEnabled(params.connection, params.userId, false, context.logger) }),
  examplePayload: { data: { ...accountStateExample, accountEnabled: false } },
});
