import { GraphError } from "../../graph";

const NOT_INDEXED = /Field '([^']+)' cannot be referenced in filter or orderby as it is not indexed/i;

/**
 * Graph refuses `$filter`/`$orderby` on a column that is not indexed (lists near or over the 5,000-item list view
 * threshold would scan every row). The error then names the column and both ways out.
 */
export function explainNonIndexed(error: unknown): unknown {
  if (!(error instanceof GraphError) || error.status !== 400) return error;
  const column = NOT_INDEXED.exec(error.graphMessage)?.[1];
  if (!column) return error;
  return new GraphError({
    status: error.status,
    code: error.code,
    graphMessage:
      `column '${column}' is not indexed, so Graph will not filter or sort on it. Fix it for good by indexing '${column}' ` +
      `(list settings → Indexed columns, or create the column with "indexed": true), or turn on Allow Non-Indexed Queries ` +
      `(Prefer: HonorNonIndexedQueriesWarningMayFailRandomly), which works on small lists but may fail once the list passes 5,000 items. ` +
      `Graph said: ${error.graphMessage}`,
    requestId: error.requestId,
    clientRequestId: error.clientRequestId,
    date: error.date,
    method: error.method,
    url: error.url,
    body: error.body,
  });
}
