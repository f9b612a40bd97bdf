import { dataSource } from "@prismatic-io/spectral";
import type { Drive } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { driveOwnerInputs, drivesPath } from "../actions/files/listDrives";
import { connectionInput } from "../inputs/common";
import { maxResultsInput, picklistFrom } from "./picklist";

const { siteId, userId, groupId } = driveOwnerInputs;

export const selectDrive = dataSource({
  display: {
    label: "Select Drive",
    description:
      "Pick a drive of a site, a user or a group (map exactly one of the action's Site, User or Group inputs to this one's): shows the drive's name and type, gives its id.",
  },
  dataSourceType: "picklist",
  inputs: {
    connection: connectionInput,
    siteId: { ...siteId, dataSource: undefined },
    userId: { ...userId, dataSource: undefined },
    groupId: { ...groupId, dataSource: undefined },
    maxResults: maxResultsInput,
  },
  perform: async (context, params) => {
    const path = drivesPath(params);
    const client = createGraphClient(params.connection, { logger: context.logger });
    const result = await picklistFrom<Drive>(
      client,
      { path, query: { $select: "id,name,driveType" } },
      params.maxResults ?? 10_000,
      (drive) => ({ label: `${drive.name ?? ""} (${drive.driveType ?? "drive"})`, key: drive.id as string }),
    );
    return { result };
  },
  examplePayload: {
    result: [{ label: "Documents (documentLibrary)", key: "b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd" }],
  },
});
