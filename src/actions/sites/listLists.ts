import { action } from "@prismatic-io/spectral";
import type { List } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, filterInput, selectInputFor } from "../../inputs/common";
import { listOrCollect, pagingInputs } from "../users/listing";
import { listsExample } from "./examples";
import { siteIdInput, sitePath } from "./inputs";

export const listLists = action({
  display: { label: "List Lists", description: "List the lists and document libraries of a site (GET /sites/{site-id}/lists)." },
  inputs: {
    connection: connectionInput,
    siteId: siteIdInput,
    select: selectInputFor("list"),
    filter: filterInput,
    ...pagingInputs(5000, "lists"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const query = { $select: params.select, $filter: params.filter, $top: params.top };
    return { data: await listOrCollect<List>(client, { path: sitePath(params.siteId, "/lists"), query, autoConsistency: false }, params) };
  },
  examplePayload: { data: listsExample },
});
