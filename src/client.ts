import type { ActionLogger, Connection } from "@prismatic-io/spectral";
import { ConnectionError } from "@prismatic-io/spectral";
import { ApiVersion, GraphClient, InputError, RetryPolicy, normalizeServiceUrl } from "./graph";
import { validateConnectionFields } from "./connections/validate";

export interface ClientOptions {
  apiVersion?: ApiVersion;
  debug?: boolean;
  logger?: Pick<ActionLogger, "info">;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

/** Turns the platform's connection value into the Graph client every action uses. */
export function createGraphClient(connection: Connection, options: ClientOptions = {}): GraphClient {
  if (!connection || typeof connection !== "object") throw new InputError("Connection", "is missing");
  validateConnectionFields(connection);
  const token = connection.token?.access_token;
  if (typeof token !== "string" || token.length === 0) {
    throw new ConnectionError(connection, "The connection has no access token: authorize (or reconnect) the Microsoft Graph connection.");
  }
  const logger = options.logger;
  return new GraphClient({
    baseUrl: normalizeServiceUrl(connection.fields.baseUrl ?? "https://graph.microsoft.com", "Microsoft Graph URL"),
    accessToken: token,
    apiVersion: options.apiVersion,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    debug: options.debug,
    log: logger ? (message) => logger.info(message) : undefined,
    mapError: (error) => (error.status === 401 ? new ConnectionError(connection, error.message) : error),
  });
}
