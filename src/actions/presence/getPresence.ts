import { action, input } from "@prismatic-io/spectral";
import type { Presence } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { userPath } from "../../graph";
import { guid } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { presenceExample } from "./examples";
import { userIdInput } from "../users/shared";

const userGuid = guid("User");

const presenceUserIdInput = input({
  ...userIdInput,
  placeholder: "User object ID (a GUID)",
  example: "66825e03-7ef5-42da-9069-724602c31f6b",
  comments: "The user's object ID (a GUID). Presence is looked up by ID only, not by userPrincipalName.",
  // Required: guid() throws on an empty value, so the result is a string.
  clean: (value: unknown): string => userGuid(value) as string,
});

export const getPresence = action({
  display: {
    label: "Get Presence",
    description: "Get a Teams user's availability and activity (GET /users/{id}/presence).",
  },
  inputs: { connection: connectionInput, userId: presenceUserIdInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<Presence>(userPath(params.userId, "/presence")) };
  },
  examplePayload: { data: presenceExample },
});
