import { action, input } from "@prismatic-io/spectral";
import type { Message } from "@microsoft/microsoft-graph-types";
import { boolean, optionalString } from "../../inputs/clean";
import { selectInput } from "../../inputs/common";
import { listOrCollect, pagingInputs } from "../users/listing";
import { messagesExample } from "./examples";
import { bodyTypeHeaders, bodyTypeInput } from "./inputs";
import { folderInput, folderPath } from "./mailbox";
import { checkFilterOrder, checkSearchAlone, quoteSearch } from "./query";
import { mailBaseInputs, mailTarget } from "./shared";

export const listMessages = action({
  display: {
    label: "List Messages",
    description:
      "List the messages of a mailbox or one folder, with OData filter, order, search and paging (GET /users/{mailbox}/messages, .../mailFolders/{id}/messages).",
  },
  inputs: {
    ...mailBaseInputs,
    folder: folderInput("Folder", "The folder to list. Empty lists every folder of the mailbox, Deleted Items and Junk Email included."),
    filter: input({
      label: "Filter",
      type: "string",
      required: false,
      example: "receivedDateTime ge 2026-03-01T00:00:00Z and from/emailAddress/address eq 'billing@fabrikam.com'",
      comments:
        "OData $filter on messages, passed as written. Quote strings with single quotes, doubling any quote inside ('O''Brien'). With Order By, Graph wants every Order By property in the Filter first, in the same order; this is checked before the request.",
      clean: optionalString,
    }),
    orderBy: input({
      label: "Order By",
      type: "string",
      required: false,
      example: "receivedDateTime desc",
      comments:
        "OData $orderby, e.g. receivedDateTime desc (Graph's default order). With a Filter, each property here must lead the Filter in the same order.",
      clean: optionalString,
    }),
    search: input({
      label: "Search",
      type: "string",
      required: false,
      example: "invoice",
      comments:
        'Graph $search (KQL) over subject, body and sender, e.g. invoice or "subject:invoice"; double quotes are added when missing. Cannot be combined with Filter, Order By or Unread Only.',
      clean: optionalString,
    }),
    unreadOnly: input({
      label: "Unread Only",
      type: "boolean",
      required: false,
      default: "false",
      comments: "Only unread messages: adds isRead eq false at the end of the Filter.",
      clean: boolean("Unread Only"),
    }),
    select: input({ ...selectInput, example: "id,subject,from,receivedDateTime,isRead" }),
    bodyType: bodyTypeInput,
    ...pagingInputs(1000, "messages"),
  },
  perform: async (context, params) => {
    checkSearchAlone(params.search, {
      Filter: Boolean(params.filter),
      "Order By": Boolean(params.orderBy),
      "Unread Only": params.unreadOnly,
    });
    const unread = "isRead eq false";
    const filter = params.unreadOnly ? (params.filter ? `(${params.filter}) and ${unread}` : unread) : params.filter;
    checkFilterOrder(filter, params.orderBy);
    const { client, root } = mailTarget(context, params);
    const path = params.folder ? folderPath(root, params.folder, "/messages") : `${root}/messages`;
    const query = {
      $filter: filter,
      $orderby: params.orderBy,
      $search: params.search ? quoteSearch(params.search) : undefined,
      $select: params.select,
      $top: params.top,
    };
    return { data: await listOrCollect<Message>(client, { path, query, headers: bodyTypeHeaders(params.bodyType) }, params) };
  },
  examplePayload: { data: messagesExample },
});
