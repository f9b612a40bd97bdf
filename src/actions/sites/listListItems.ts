import { action, input } from "@prismatic-io/spectral";
import type { ListItem } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { boolean, optionalString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { listOrCollect, pagingInputs } from "../users/listing";
import { listItemsExample } from "./examples";
import { expandFields, fieldSelectInput, listIdInput, listPath, siteIdInput } from "./inputs";
import { explainNonIndexed } from "./nonIndexed";

export const listListItems = action({
  display: {
    label: "List List Items",
    description:
      "Read a list's items with their fields, filtered and sorted on indexed columns (GET /sites/{site-id}/lists/{list-id}/items?$expand=fields).",
  },
  inputs: {
    connection: connectionInput,
    siteId: siteIdInput,
    listId: listIdInput,
    filter: input({
      label: "Filter",
      type: "string",
      required: false,
      example: "fields/Status eq 'Active'",
      comments:
        "OData $filter on the item's fields, written fields/{column}: fields/Status eq 'Active'. Quote text values and double any quote inside ('O''Brien'). Graph filters only on indexed columns unless Allow Non-Indexed Queries is on.",
      clean: optionalString,
    }),
    orderBy: input({
      label: "Order By",
      type: "string",
      required: false,
      example: "fields/Modified desc",
      comments: "OData $orderby on a field: fields/{column}, optionally asc or desc. Like Filter, it needs an indexed column.",
      clean: optionalString,
    }),
    select: fieldSelectInput,
    allowNonIndexedQueries: input({
      label: "Allow Non-Indexed Queries",
      type: "boolean",
      required: false,
      default: "false",
      comments:
        "Sends Prefer: HonorNonIndexedQueriesWarningMayFailRandomly so Graph filters or sorts on columns that are not indexed. SharePoint's list view threshold is 5,000 items: past it such queries fail (randomly, as the header says). Indexing the column is the real fix; this is for small lists.",
      clean: boolean("Allow Non-Indexed Queries"),
    }),
    ...pagingInputs(5000, "items"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const query = { $expand: expandFields(params.select), $filter: params.filter, $orderby: params.orderBy, $top: params.top };
    const headers = params.allowNonIndexedQueries ? { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" } : undefined;
    try {
      const request = { path: listPath(params.siteId, params.listId, "/items"), query, headers, autoConsistency: false };
      return { data: await listOrCollect<ListItem>(client, request, params) };
    } catch (error) {
      throw explainNonIndexed(error);
    }
  },
  examplePayload: { data: listItemsExample },
});
