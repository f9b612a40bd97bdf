import { dataSource } from "@prismatic-io/spectral";
import type { Group } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { searchClause } from "../graph";
import { connectionInput } from "../inputs/common";
import { maxResultsInput, picklistFrom, searchTextInput } from "./picklist";

export const selectGroup = dataSource({
  display: {
    label: "Select Group",
    description: "Pick a group from the tenant: shows display name (and mail address), gives the group's object ID.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, search: searchTextInput, maxResults: maxResultsInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const search = params.search ? `${searchClause("displayName", params.search)} OR ${searchClause("mail", params.search)}` : undefined;
    const result = await picklistFrom<Group>(
      client,
      { path: "/groups", query: { $select: "id,displayName,mail", $top: 999, $search: search } },
      params.maxResults ?? 10_000,
      (group) => ({
        label: group.mail ? `${group.displayName ?? ""} (${group.mail})` : (group.displayName ?? (group.id as string)),
        key: group.id as string,
      }),
    );
    return { result };
  },
  examplePayload: {
    result: [
      { label: "HR Taskforce (HRTaskforce@contoso.com)", key: "02bd9fd6-8f93-4758-87c3-1fb73740a315" },
      { label: "Sales and Marketing", key: "45b7d2e7-b882-4a80-ba97-10b7a63b8fa4" },
    ],
  },
});
