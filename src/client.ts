import type { ActionLogger, Connection } from "@prismatic-io/spectral";
import { ConnectionError } from "@prismatic-io/spectral";
import { ApiVersion, GraphClient, InputError, RetryPolicy, TokenError, normalizeServiceUrl, redactValue, transportFor } from "./graph";
import { validateConnectionFields } from "./connections/validate";
import { SELF_TOKEN_CONNECTIONS, networkSettingsOf, tokenProviderOf } from "./connections/tokens";

export interface ClientOptions {
  apiVersion?: ApiVersion;
  debug?: boolean;
  logger?: Pick<ActionLogger, "info">;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

/** The platform's connection error, carrying the connection without its secrets (errors end up in logs). */
function connectionError(connection: Connection, message: string): ConnectionError {
  return new ConnectionError(redactValue(connection) as Connection, message);
}

/** The access token as the client asks for it: the platform's, or one this component gets, caches and renews. */
function accessTokenOf(connection: Connection, transport: ReturnType<typeof transportFor>): GraphClientToken {
  if (SELF_TOKEN_CONNECTIONS.has(connection.key)) {
    const provider = tokenProviderOf(connection, transport);
    const getToken = async () => {
      try {
        return await provider.getToken();
      } catch (error) {
        throw error instanceof TokenError ? connectionError(connection, error.message) : error;
      }
    };
    return { accessToken: getToken, onUnauthorized: () => provider.invalidate() };
  }
  const token = connection.token?.access_token;
  if (typeof token !== "string" || token.length === 0) {
    throw connectionError(connection, "The connection has no access token: authorize (or reconnect) the Microsoft Graph connection.");
  }
  return { accessToken: token, onUnauthorized: () => undefined };
}

interface GraphClientToken {
  accessToken: string | (() => Promise<string>);
  onUnauthorized: () => void;
}

/** Turns the platform's connection value into the Graph client every action uses. */
export function createGraphClient(connection: Connection, options: ClientOptions = {}): GraphClient {
  if (!connection || typeof connection !== "object") throw new InputError("Connection", "is missing");
  validateConnectionFields(connection);
  const transport = transportFor(networkSettingsOf(connection));
  const { accessToken, onUnauthorized } = accessTokenOf(connection, transport);
  const logger = options.logger;
  return new GraphClient({
    baseUrl: normalizeServiceUrl(connection.fields.baseUrl ?? "https://graph.microsoft.com", "Microsoft Graph URL"),
    accessToken,
    transport,
    apiVersion: options.apiVersion,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    debug: options.debug,
    log: logger ? (message) => logger.info(message) : undefined,
    mapError: (error) => {
      if (error.status !== 401) return error;
      // A token Graph refuses is not offered again: the next action gets a new one.
      onUnauthorized();
      return connectionError(connection, error.message);
    },
  });
}
