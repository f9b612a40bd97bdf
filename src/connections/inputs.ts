import { GRAPH_CLOUDS } from "../graph";

/** The Graph host input every connection carries, so one connection serves the global or a national cloud. */
export const baseUrlInput = {
  label: "Microsoft Graph URL",
  type: "string",
  required: true,
  shown: true,
  default: "https://graph.microsoft.com",
  example: "https://graph.microsoft.us",
  comments:
    "The Microsoft Graph host of your tenant's cloud: " +
    GRAPH_CLOUDS.map((c) => `${c.graphUrl} (${c.label.split(" (")[0]}, sign-in at ${c.loginUrl})`).join("; ") +
    ". The access token is only ever sent to this host.",
} as const;

export const clientIdInput = {
  label: "Client ID",
  type: "string",
  required: true,
  shown: true,
  example: "6731de76-14a6-49ae-97bc-6eba6914391e",
  comments:
    "The Application (client) ID from the app registration's Overview page in the Azure portal (Microsoft Entra ID > App registrations).",
} as const;

/** The client secret input; `hint` adds what this kind of connection needs from the app registration. */
export function clientSecretInput(hint: string) {
  return {
    label: "Client Secret",
    type: "password",
    required: true,
    shown: true,
    comments: `The secret's Value from Certificates & secrets > Client secrets, copied when it was created; not the Secret ID. ${hint}`,
  } as const;
}

export const entraIdEndpointInput = {
  label: "Microsoft Entra ID Endpoint",
  type: "string",
  required: true,
  shown: true,
  default: "https://login.microsoftonline.com",
  comments:
    "The identity host that issues tokens: https://login.microsoftonline.com (global), https://login.microsoftonline.us (US Gov and DoD), https://login.chinacloudapi.cn (China). It must be the cloud of Microsoft Graph URL.",
} as const;

export const tenantInput = {
  label: "Tenant",
  type: "string",
  required: true,
  shown: true,
  example: "contoso.onmicrosoft.com",
  comments:
    "The Directory (tenant) ID from the app registration's Overview page, or a verified domain of the tenant (contoso.onmicrosoft.com). 'common' does not work for app-only access.",
} as const;

/** The Scopes input; `comments` say what this kind of connection needs. */
export function scopesInput(defaultValue: string, comments: string) {
  return { label: "Scopes", type: "string", required: true, shown: true, default: defaultValue, comments } as const;
}

/** The optional client secret of connections where a public client (no secret) is allowed. */
export const optionalClientSecretInput = {
  label: "Client Secret",
  type: "password",
  required: false,
  shown: true,
  comments:
    "The secret's Value from Certificates & secrets > Client secrets (not the Secret ID). Leave empty for a public client: then turn on 'Allow public client flows' under Authentication in the app registration.",
} as const;

/** Proxy and TLS settings every connection carries; they apply to Graph calls, the component's token calls and downloads. */
export const networkInputs = {
  httpProxy: {
    label: "HTTP Proxy",
    type: "password",
    required: false,
    shown: true,
    example: "http://proxy.example.com:8080",
    comments:
      "Optional forward proxy for every request this component sends: http://host:port, or http://user:password@host:port when the proxy asks for credentials (they never appear in logs). HTTPS traffic is tunnelled through it (CONNECT). Without it, no proxy is used, whatever the environment says.",
  },
  verifySsl: {
    label: "Verify SSL",
    type: "boolean",
    required: false,
    shown: true,
    default: "true",
    comments:
      "Keep on. Turn off only behind a TLS-inspecting proxy whose certificate you cannot add below: with it off, anyone on the network path can read and change the traffic, tokens included. Prefer CA Certificate.",
  },
  caCertificate: {
    label: "CA Certificate",
    type: "text",
    required: false,
    shown: true,
    placeholder: "-----BEGIN CERTIFICATE-----",
    comments:
      "Optional PEM certificate(s) of a certificate authority to trust in addition to the system's, e.g. your TLS-inspecting proxy's root CA. The safe alternative to turning Verify SSL off.",
  },
} as const;
