import { dataSource } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { searchClause } from "../graph";
import { connectionInput } from "../inputs/common";
import { maxResultsInput, picklistFrom, searchTextInput } from "./picklist";

export const selectUser = dataSource({
  display: {
    label: "Select User",
    description: "Pick a user from the tenant: shows display name and userPrincipalName, gives the user's object ID.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, search: searchTextInput, maxResults: maxResultsInput },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const search = params.search
      ? `${searchClause("displayName", params.search)} OR ${searchClause("userPrincipalName", params.search)}`
      : undefined;
    const result = await picklistFrom<User>(
      client,
      { path: "/users", query: { $select: "id,displayName,userPrincipalName", $top: 999, $search: search } },
      params.maxResults ?? 10_000,
      (user) => ({ label: `${user.displayName ?? "(no name)"} (${user.userPrincipalName ?? user.id ?? ""})`, key: user.id as string }),
    );
    return { result };
  },
  examplePayload: {
    result: [
      { label: "Adele Vance (AdeleV@contoso.com)", key: "87d349ed-44d7-43e1-9a83-5f2406dee5bd" },
      { label: "Alex Wilber (AlexW@contoso.com)", key: "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0" },
    ],
  },
});
