import { action, input } from "@prismatic-io/spectral";
import type { Permission } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError } from "../../graph";
import { oneOf, optionalString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { sharingLinkExample } from "./examples";
import { driveIdInput, itemIdInput, itemPathInput, itemRef, itemUrl } from "./inputs";

const TYPES = ["view", "edit", "embed"] as const;
const SCOPES = ["anonymous", "organization", "users"] as const;

export const createSharingLink = action({
  display: {
    label: "Create Sharing Link",
    description: "Create (or get the existing) sharing link for a file or folder (POST /drives/{drive-id}/items/{item-id}/createLink).",
  },
  inputs: {
    connection: connectionInput,
    driveId: driveIdInput,
    itemPath: itemPathInput,
    itemId: itemIdInput,
    type: input({
      label: "Link Type",
      type: "string",
      required: false,
      default: "view",
      model: TYPES.map((t) => ({ label: t, value: t })),
      comments: "view: read-only; edit: read and write; embed: an embeddable link (OneDrive personal only).",
      clean: oneOf("Link Type", TYPES, "view"),
    }),
    scope: input({
      label: "Scope",
      type: "string",
      required: false,
      default: "organization",
      model: SCOPES.map((s) => ({ label: s, value: s })),
      comments:
        "anonymous: anyone with the link (if the tenant allows it); organization: people signed in to the tenant; users: only people already given access.",
      clean: oneOf("Scope", SCOPES, "organization"),
    }),
    expirationDateTime: input({
      label: "Expiration",
      type: "string",
      required: false,
      example: "2026-12-31T23:59:00Z",
      comments: "When the link stops working (ISO 8601, UTC). Empty: the tenant's default.",
      clean: (value: unknown) => {
        const text = optionalString(value);
        if (
          text !== undefined &&
          (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text)))
        ) {
          throw new InputError("Expiration", `"${text}" is not an ISO 8601 date and time like 2026-12-31T23:59:00Z`);
        }
        return text;
      },
    }),
    password: input({
      label: "Password",
      type: "password",
      required: false,
      comments: "A password for an anonymous link (OneDrive personal and some tenants only).",
      clean: optionalString,
    }),
  },
  perform: async (context, params) => {
    const ref = itemRef(params.itemPath, params.itemId);
    const body = {
      type: params.type,
      scope: params.scope,
      ...(params.expirationDateTime ? { expirationDateTime: params.expirationDateTime } : {}),
      ...(params.password ? { password: params.password } : {}),
    };
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.post<Permission>(itemUrl(params.driveId, ref, "createLink"), body) };
  },
  examplePayload: { data: sharingLinkExample },
});
