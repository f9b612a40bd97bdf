import { action } from "@prismatic-io/spectral";
import type { Drive } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { encodeSegment } from "../../graph";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { driveExample } from "./examples";
import { driveIdInput } from "./inputs";

export const getDrive = action({
  display: { label: "Get Drive", description: "Get a drive: its type, owner and quota (GET /drives/{drive-id})." },
  inputs: { connection: connectionInput, driveId: driveIdInput, select: selectInputFor("drive") },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<Drive>(`/drives/${encodeSegment(params.driveId, "Drive")}`, { $select: params.select }) };
  },
  examplePayload: { data: driveExample },
});
