import { action } from "@prismatic-io/spectral";
import type { SubscribedSku } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, selectInputFor } from "../../inputs/common";
import type { ListResult } from "../users/listing";

export const listSubscribedSkus = action({
  display: {
    label: "List Subscribed SKUs",
    description:
      "List the tenant's commercial subscriptions (GET /subscribedSkus): each SKU's skuId, part number, units bought (prepaidUnits) and assigned (consumedUnits), and its service plans. Graph answers in one page.",
  },
  inputs: { connection: connectionInput, select: selectInputFor("subscribedSku") },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<ListResult<SubscribedSku>>("/subscribedSkus", { $select: params.select }) };
  },
  examplePayload: {
    data: {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscribedSkus",
      value: [
        {
          capabilityStatus: "Enabled",
          consumedUnits: 14,
          id: "48a80680-7326-48cd-9935-b556b81d3a4e_c7df2760-2c81-4ef7-b578-5b5392b571df",
          prepaidUnits: { enabled: 25, suspended: 0, warning: 0, lockedOut: 0 },
          servicePlans: [
            {
              servicePlanId: "8c098270-9dd4-4350-9b30-ba4703f3b36b",
              servicePlanName: "ADALLOM_S_O365",
              provisioningStatus: "Success",
              appliesTo: "User",
            },
          ],
          skuId: "c7df2760-2c81-4ef7-b578-5b5392b571df",
          skuPartNumber: "ENTERPRISEPREMIUM",
          appliesTo: "User",
        },
      ],
    } satisfies ListResult<SubscribedSku>,
  },
});
