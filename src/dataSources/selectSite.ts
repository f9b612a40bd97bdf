import { dataSource } from "@prismatic-io/spectral";
import type { Site } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { connectionInput } from "../inputs/common";
import { maxResultsInput, picklistFrom, searchTextInput } from "./picklist";

export const selectSite = dataSource({
  display: {
    label: "Select Site",
    description: "Pick a SharePoint site: shows its name and URL, gives the site id ({hostname},{guid},{guid}).",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, search: searchTextInput, maxResults: maxResultsInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const result = await picklistFrom<Site>(
      client,
      { path: "/sites", query: { search: params.search ?? "*", $select: "id,displayName,name,webUrl" } },
      params.maxResults ?? 10_000,
      (site) => ({ label: `${site.displayName ?? site.name ?? ""} (${site.webUrl ?? ""})`, key: site.id as string }),
    );
    return { result };
  },
  examplePayload: {
    result: [
      {
        label: "Integrations (https://contoso.sharepoint.com/sites/integrations)",
        key: "contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe",
      },
    ],
  },
});
