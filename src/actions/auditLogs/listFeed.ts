import type { ActionLogger, Connection } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import type { ApiVersion } from "../../graph";
import type { Checkpoint } from "./checkpoint";
import { AuditEvent, AuditFeedKey, fetchSince } from "./feed";

export interface FeedParams {
  connection: Connection;
  from?: string;
  to?: string;
  filter?: string;
  top?: number;
  fetchAll: boolean;
  limit?: number;
  checkpoint?: Checkpoint;
  apiVersion?: ApiVersion;
}

export interface FeedPayload<T> {
  value: T[];
  checkpoint: string;
  moreAvailable: boolean;
}

/** Shared perform of the audit log actions: one page's worth (Page Size) or up to Limit new events, and the next checkpoint. */
export async function listFeed<T extends AuditEvent>(
  context: { logger: ActionLogger },
  feed: AuditFeedKey,
  params: FeedParams,
): Promise<{ data: FeedPayload<T> }> {
  const client = createGraphClient(params.connection, { apiVersion: params.apiVersion, logger: context.logger });
  const result = await fetchSince<T>(client, feed, params.checkpoint, {
    limit: params.fetchAll ? (params.limit ?? 10000) : (params.top ?? 1000),
    pageSize: params.top,
    from: params.from,
    to: params.to,
    filter: params.filter,
    apiVersion: params.apiVersion,
  });
  return { data: { value: result.events, checkpoint: result.checkpoint, moreAvailable: result.moreAvailable } };
}
