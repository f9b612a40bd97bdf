import { action, input } from "@prismatic-io/spectral";
import type { Group } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError } from "../../graph";
import { oneOf, requiredString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { definedFields, propertiesInput } from "../users/shared";
import { groupExample } from "./examples";
import { descriptionInput, mailNickname, visibilityInput } from "./groupInputs";

const KINDS = ["Microsoft 365", "Security"] as const;
const requiredNickname = mailNickname("Mail Nickname");

export const createGroup = action({
  display: {
    label: "Create Group",
    description: "Create a Microsoft 365 group or a security group (POST /groups).",
  },
  inputs: {
    connection: connectionInput,
    displayName: input({
      label: "Display Name",
      type: "string",
      required: true,
      example: "Library Assist",
      comments: "displayName (at most 256 characters).",
      clean: requiredString("Display Name"),
    }),
    mailNickname: input({
      label: "Mail Nickname",
      type: "string",
      required: true,
      example: "library",
      comments:
        'mailNickname: the mail alias, unique in the tenant for Microsoft 365 groups. Up to 64 ASCII characters, no spaces or @ ( ) \\ [ ] " ; : < > ,',
      clean: (value: unknown): string => requiredNickname(requiredString("Mail Nickname")(value)) as string,
    }),
    groupKind: input({
      label: "Group Type",
      type: "string",
      required: false,
      default: "Microsoft 365",
      model: KINDS.map((k) => ({ label: k, value: k })),
      comments:
        'Microsoft 365: groupTypes ["Unified"], mail-enabled, with a mailbox and a team site. Security: securityEnabled, not mail-enabled.',
      clean: oneOf("Group Type", KINDS, "Microsoft 365"),
    }),
    description: descriptionInput,
    visibility: visibilityInput,
    properties: propertiesInput("group"),
  },
  perform: async (context, params) => {
    const unified = params.groupKind === "Microsoft 365";
    if (!unified && params.visibility === "HiddenMembership")
      throw new InputError("Visibility", "HiddenMembership is only for Microsoft 365 groups");
    const body = {
      displayName: params.displayName,
      mailNickname: params.mailNickname,
      groupTypes: unified ? ["Unified"] : [],
      mailEnabled: unified,
      securityEnabled: !unified,
      ...definedFields({ description: params.description, visibility: params.visibility }),
      ...(params.properties ?? {}),
    };
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.post<Group>("/groups", body) };
  },
  examplePayload: { data: groupExample },
});
