import { action } from "@prismatic-io/spectral";
import type { ColumnDefinition } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { listOrCollect, pagingInputs } from "../users/listing";
import { columnsExample } from "./examples";
import { listIdInput, listPath, siteIdInput } from "./inputs";

export const listListColumns = action({
  display: {
    label: "List List Columns",
    description:
      "List a list's column definitions, with their types and whether they are indexed (GET /sites/{site-id}/lists/{list-id}/columns).",
  },
  inputs: {
    connection: connectionInput,
    siteId: siteIdInput,
    listId: listIdInput,
    select: selectInputFor("column"),
    ...pagingInputs(5000, "columns"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const query = { $select: params.select, $top: params.top };
    return {
      data: await listOrCollect<ColumnDefinition>(client, { path: listPath(params.siteId, params.listId, "/columns"), query }, params),
    };
  },
  examplePayload: { data: columnsExample },
});
