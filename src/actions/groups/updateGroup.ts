import { action, input } from "@prismatic-io/spectral";
import type { Group } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError, graphPath } from "../../graph";
import { optionalString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { definedFields, patchThenGet, propertiesInput } from "../users/shared";
import { updatedGroupExample } from "./examples";
import { descriptionInput, mailNickname, updateVisibilityInput } from "./groupInputs";
import { GROUP_BASE_SELECT, groupIdInput } from "./shared";

export const updateGroup = action({
  display: {
    label: "Update Group",
    description: "Change a group's properties (PATCH /groups/{id}). Graph answers 204; the group is read back with the changed properties.",
  },
  inputs: {
    connection: connectionInput,
    groupId: groupIdInput,
    displayName: input({
      label: "Display Name",
      type: "string",
      required: false,
      example: "Library Assist",
      comments: "displayName. Empty leaves it unchanged.",
      clean: optionalString,
    }),
    mailNickname: input({
      label: "Mail Nickname",
      type: "string",
      required: false,
      example: "library",
      comments: "mailNickname. Empty leaves it unchanged.",
      clean: mailNickname("Mail Nickname"),
    }),
    description: descriptionInput,
    visibility: updateVisibilityInput,
    properties: propertiesInput("group"),
  },
  perform: async (context, params) => {
    const { connection, groupId, properties, ...typed } = params;
    const changes = { ...definedFields(typed), ...(properties ?? {}) };
    if (Object.keys(changes).length === 0)
      throw new InputError("More Properties (JSON)", "nothing to change: fill at least one field or give properties as JSON");
    const client = createGraphClient(connection, { logger: context.logger });
    return { data: await patchThenGet<Group>(client, graphPath`/groups/${groupId}`, changes, GROUP_BASE_SELECT) };
  },
  examplePayload: { data: updatedGroupExample },
});
