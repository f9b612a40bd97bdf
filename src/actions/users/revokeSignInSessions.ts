import { action } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { userPath } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { userIdInput } from "./shared";

export const revokeSignInSessions = action({
  display: {
    label: "Revoke Sign-in Sessions",
    description:
      "Invalidate a user's refresh tokens and session cookies (POST /users/{id}/revokeSignInSessions), so apps must sign in again. Revocation can take a few minutes, access tokens already issued stay valid until they expire (about an hour), and guests are not affected: they sign in through their home tenant.",
  },
  inputs: { connection: connectionInput, userId: userIdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return {
      data: await client.post<{ "@odata.context"?: string; value: boolean }>(userPath(params.userId, "/revokeSignInSessions")),
    };
  },
  examplePayload: { data: { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", value: true } },
});
