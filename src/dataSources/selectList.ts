import { dataSource } from "@prismatic-io/spectral";
import type { List } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { siteIdInput, sitePath } from "../actions/sites/inputs";
import { connectionInput } from "../inputs/common";
import { maxResultsInput, picklistFrom } from "./picklist";

export const selectList = dataSource({
  display: {
    label: "Select List",
    description:
      "Pick a list or document library of a site (map the action's Site input to this one's): shows its title and template, gives the list id.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, siteId: { ...siteIdInput, dataSource: undefined }, maxResults: maxResultsInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const result = await picklistFrom<List>(
      client,
      { path: sitePath(params.siteId, "/lists"), query: { $select: "id,displayName,list" } },
      params.maxResults ?? 10_000,
      (list) => ({ label: `${list.displayName ?? ""} (${list.list?.template ?? "list"})`, key: list.id as string }),
    );
    return { result };
  },
  examplePayload: { result: [{ label: "Projects (genericList)", key: "b23974d6-5a1b-4d8f-9e2a-4f7e5c1d2a3b" }] },
});
