import type { Connection } from "@prismatic-io/spectral";
import {
  Grant,
  InputError,
  NetworkSettings,
  TokenProvider,
  Transport,
  asText,
  certificateCredential,
  normalizeServiceUrl,
  registerSecret,
  tokenProviderFor,
} from "../graph";
import { tenantOrClientHint } from "./validate";

/** Connections whose tokens the component gets itself; the platform exchanges the others' (oauth, oauthClientCredentials). */
export const SELF_TOKEN_CONNECTIONS = new Set(["certificateCredentials", "passwordGrant", "refreshToken"]);

function field(connection: Connection, key: string): string {
  const value: unknown = connection.fields?.[key];
  return value === undefined || value === null ? "" : asText(value).trim();
}

function required(connection: Connection, key: string, label: string): string {
  const value = field(connection, key);
  if (!value) throw new InputError(label, "is empty");
  return value;
}

/** The connection's proxy and TLS inputs as the transport takes them. */
export function networkSettingsOf(connection: Connection): NetworkSettings {
  const proxyUrl = field(connection, "httpProxy");
  const caCertificate = field(connection, "caCertificate");
  const verify = field(connection, "verifySsl").toLowerCase();
  if (proxyUrl) registerSecret(new URL(proxyUrl).password || undefined);
  return {
    proxyUrl: proxyUrl || undefined,
    verifySsl: verify !== "false",
    caCertificate: caCertificate ? caCertificate.replace(/\\n/g, "\n") : undefined,
  };
}

function grantOf(connection: Connection): Grant {
  const clientSecret = field(connection, "clientSecret") || undefined;
  switch (connection.key) {
    case "certificateCredentials":
      return {
        type: "certificate",
        credential: certificateCredential({
          privateKey: required(connection, "certificate", "Certificate"),
          privateKeyPassphrase: field(connection, "privateKeyPassphrase"),
          thumbprint: field(connection, "certificateThumbprint"),
          publicCertificate: field(connection, "publicCertificate"),
        }),
      };
    case "passwordGrant":
      return {
        type: "password",
        username: required(connection, "username", "Username"),
        password: required(connection, "password", "Password"),
        clientSecret,
      };
    default:
      return { type: "refreshToken", refreshToken: required(connection, "refreshToken", "Refresh Token"), clientSecret };
  }
}

/**
 * The token provider of a connection that gets its own tokens: one per distinct set of credentials and network
 * settings in this process, so its cache and rotated refresh token serve every action. Certificate inputs are
 * checked (key readable and matching) before the first request.
 */
export function tokenProviderOf(connection: Connection, transport: Transport): TokenProvider {
  const fields = connection.fields ?? {};
  const login = normalizeServiceUrl(fields.entraIdEndpoint ?? "https://login.microsoftonline.com", "Microsoft Entra ID Endpoint");
  const tenant = required(connection, "tenant", "Tenant");
  const tokenUrl = `${login}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
  const identity = [connection.key, tokenUrl, ...Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))];
  return tokenProviderFor(identity, () => ({
    tokenUrl,
    clientId: required(connection, "clientId", "Client ID"),
    scopes: required(connection, "scopes", "Scopes"),
    grant: grantOf(connection),
    transport,
    hint: (aadsts) => tenantOrClientHint(aadsts, fields),
  }));
}
