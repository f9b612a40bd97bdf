import { dataSource } from "@prismatic-io/spectral";
import type { SubscribedSku } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { connectionInput } from "../inputs/common";
import { maxResultsInput, matchesSearch, picklistFrom, searchTextInput } from "./picklist";

export const selectSubscribedSku = dataSource({
  display: {
    label: "Select Subscribed SKU",
    description:
      "Pick one of the tenant's licence SKUs: shows the SKU part number and units in use, gives the skuId that license assignment takes.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, search: searchTextInput, maxResults: maxResultsInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    // subscribedSkus supports neither $search nor $filter: the search text is applied here.
    const options = await picklistFrom<SubscribedSku>(client, { path: "/subscribedSkus" }, params.maxResults ?? 10_000, (sku) => ({
      label: `${sku.skuPartNumber ?? sku.skuId ?? ""} (${sku.consumedUnits ?? 0}/${sku.prepaidUnits?.enabled ?? 0} used)`,
      key: sku.skuId as string,
    }));
    return { result: options.filter((option) => matchesSearch(option.label, params.search)) };
  },
  examplePayload: {
    result: [
      { label: "ENTERPRISEPACK (183/250 used)", key: "6fd2c87f-b296-42f0-b197-1e91e994b900" },
      { label: "SPE_E5 (48/50 used)", key: "06ebc4ee-1bb5-47dd-8120-11324bc54e06" },
    ],
  },
});
