import { action } from "@prismatic-io/spectral";
import type { List } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { listWithColumnsExample } from "./examples";
import { expandColumnsInput, listIdInput, listPath, siteIdInput } from "./inputs";

export const getList = action({
  display: {
    label: "Get List",
    description: "Get one list of a site, optionally with its columns (GET /sites/{site-id}/lists/{list-id}).",
  },
  inputs: {
    connection: connectionInput,
    siteId: siteIdInput,
    listId: listIdInput,
    includeColumns: expandColumnsInput,
    select: selectInputFor("list"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const query = { $select: params.select, $expand: params.includeColumns ? "columns" : undefined };
    return { data: await client.get<List>(listPath(params.siteId, params.listId), query) };
  },
  examplePayload: { data: listWithColumnsExample },
});
