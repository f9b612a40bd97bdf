import type { RequestContext } from "../kernel/router";
import { Reply, json } from "../kernel/http";

/** AADSTS-style error body of the Microsoft identity platform. */
export function aadError(ctx: RequestContext, status: number, error: string, aadsts: number, description: string): Reply {
  const timestamp = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return json(status, {
    error,
    error_description: `AADSTS${aadsts}: ${description} Trace ID: ${ctx.requestId} Correlation ID: ${ctx.requestId} Timestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: ctx.requestId,
    correlation_id: ctx.requestId,
    error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
  });
}
