import { action, input } from "@prismatic-io/spectral";
import type { Site } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { requiredString } from "../../inputs/clean";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { listOrCollect, pagingInputs } from "../users/listing";
import { sitesExample } from "./examples";

export const searchSites = action({
  display: {
    label: "Search Sites",
    description: "Find SharePoint sites by keyword across the tenant (GET /sites?search={query}).",
  },
  inputs: {
    connection: connectionInput,
    search: input({
      label: "Search",
      type: "string",
      required: true,
      example: "integrations",
      comments: "Keywords matched against site names, titles and descriptions. Use * to list every site the app can see.",
      clean: requiredString("Search"),
    }),
    select: selectInputFor("site"),
    ...pagingInputs(999, "sites"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const query = { search: params.search, $select: params.select, $top: params.top };
    return { data: await listOrCollect<Site>(client, { path: "/sites", query }, params) };
  },
  examplePayload: { data: sitesExample },
});
