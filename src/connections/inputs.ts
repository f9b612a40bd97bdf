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
