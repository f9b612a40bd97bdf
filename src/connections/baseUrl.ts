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
