import { action, input } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError, userPath } from "../../graph";
import { optionalString } from "../../inputs/clean";
import { isGuid } from "../../connections/validate";
import { connectionInput } from "../../inputs/common";
import { updatedUserExample } from "./examples";
import { USER_BASE_SELECT, definedFields, patchThenGet, profileInputs, propertiesInput, userIdInput } from "./shared";

export const updateUser = action({
  display: {
    label: "Update User",
    description: "Change a user's properties (PATCH /users/{id}). Graph answers 204; the user is read back with the changed properties.",
  },
  inputs: {
    connection: connectionInput,
    userId: userIdInput,
    displayName: input({
      label: "Display Name",
      type: "string",
      required: false,
      example: "Adele Vance",
      comments: "displayName. Empty leaves it unchanged.",
      clean: optionalString,
    }),
    ...profileInputs,
    properties: propertiesInput("user"),
  },
  perform: async (context, params) => {
    const { connection, userId, properties, ...typed } = params;
    const changes = { ...definedFields(typed), ...(properties ?? {}) };
    if (Object.keys(changes).length === 0)
      throw new InputError("More Properties (JSON)", "nothing to change: fill at least one field or give properties as JSON");
    const client = createGraphClient(connection, { logger: context.logger });
    const path = userPath(userId);
    // A user addressed by userPrincipalName is found under the new name once the PATCH renames it.
    const renamedTo = typeof changes.userPrincipalName === "string" && !isGuid(userId) ? changes.userPrincipalName : undefined;
    const readPath = renamedTo ? userPath(renamedTo) : path;
    return { data: await patchThenGet<User>(client, path, changes, USER_BASE_SELECT, readPath) };
  },
  examplePayload: { data: updatedUserExample },
});
