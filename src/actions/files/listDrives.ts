import { action, input } from "@prismatic-io/spectral";
import type { Drive } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError, encodeSegment, userPath } from "../../graph";
import { guid, optionalString, userReference } from "../../inputs/clean";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { optionalSiteIdInput } from "../sites/inputs";
import { listOrCollect, pagingInputs } from "../users/listing";
import { drivesExample } from "./examples";

export const driveOwnerInputs = {
  siteId: { ...optionalSiteIdInput, comments: "A site whose document libraries to list. Give exactly one of Site, User or Group." },
  userId: input({
    label: "User",
    type: "string",
    required: false,
    dataSource: "selectUser",
    placeholder: "Pick a user or type a userPrincipalName",
    example: "AdeleV@contoso.com",
    comments: "A user (object id or userPrincipalName) whose OneDrive to list. Give exactly one of Site, User or Group.",
    clean: (value: unknown) => (optionalString(value) === undefined ? undefined : userReference("User")(value)),
  }),
  groupId: input({
    label: "Group",
    type: "string",
    required: false,
    dataSource: "selectGroup",
    placeholder: "Pick a Microsoft 365 group",
    example: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
    comments: "A Microsoft 365 group (object id) whose document library to list. Give exactly one of Site, User or Group.",
    clean: guid("Group", false),
  }),
};

/** /sites/{id}/drives, /users/{id}/drives or /groups/{id}/drives: exactly one owner. */
export function drivesPath(owner: { siteId?: string; userId?: string; groupId?: string }): string {
  const given = [owner.siteId, owner.userId, owner.groupId].filter(Boolean).length;
  if (given !== 1) throw new InputError("Site", `give exactly one of Site, User or Group (${given} given)`);
  if (owner.siteId) return `/sites/${encodeSegment(owner.siteId, "Site")}/drives`;
  if (owner.userId) return userPath(owner.userId, "/drives");
  return `/groups/${encodeSegment(owner.groupId as string, "Group")}/drives`;
}

export const listDrives = action({
  display: {
    label: "List Drives",
    description: "List the drives of a site (its document libraries), a user (OneDrive) or a group (GET /sites|users|groups/{id}/drives).",
  },
  inputs: { connection: connectionInput, ...driveOwnerInputs, select: selectInputFor("drive"), ...pagingInputs(999, "drives") },
  perform: async (context, params) => {
    const path = drivesPath(params);
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await listOrCollect<Drive>(client, { path, query: { $select: params.select, $top: params.top } }, params) };
  },
  examplePayload: { data: drivesExample },
});
