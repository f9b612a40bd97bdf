import { action } from "@prismatic-io/spectral";
import type { LicenseDetails } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { userPath } from "../../graph";
import { connectionInput, selectInputFor } from "../../inputs/common";
import type { ListResult } from "./listing";
import { licenseDetailsExample } from "./examples";
import { userIdInput } from "./shared";

export const listUserLicenseDetails = action({
  display: {
    label: "List User License Details",
    description: "List the licences assigned to a user, with each SKU's service plans and their state (GET /users/{id}/licenseDetails).",
  },
  inputs: { connection: connectionInput, userId: userIdInput, select: selectInputFor("licenseDetails") },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const page = await client.get<ListResult<LicenseDetails>>(userPath(params.userId, "/licenseDetails"), {
      $select: params.select,
    });
    return { data: page };
  },
  examplePayload: { data: licenseDetailsExample },
});
