import { OAuth2Type, oauth2Connection } from "@prismatic-io/spectral";
import { baseUrlInput, clientIdInput, clientSecretInput, networkInputs } from "./inputs";

/** Delegated access: the customer's admin or user signs in and consents. Keys match Prismatic's own Microsoft Graph component. */
export const oauth = oauth2Connection({
  key: "oauth",
  display: {
    label: "OAuth 2.0 Authorization Code",
    description:
      "Sign in with a Microsoft 365 account and consent to the permissions in Scopes. Use the tenant's own authorize and token URLs for a single-tenant app.",
  },
  oauth2Type: OAuth2Type.AuthorizationCode,
  inputs: {
    authorizeUrl: {
      label: "Authorize URL",
      type: "string",
      required: true,
      shown: true,
      default: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
      comments:
        "Microsoft identity platform authorize endpoint. Keep 'common' for a multi-tenant app, or replace it with the " +
        "Directory (tenant) ID from the app's Overview page. National clouds: login.microsoftonline.us (US Gov, DoD) or login.chinacloudapi.cn (China).",
    },
    tokenUrl: {
      label: "Token URL",
      type: "string",
      required: true,
      shown: true,
      default: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
      comments: "Microsoft identity platform token endpoint; use the same tenant segment and cloud as the Authorize URL.",
    },
    scopes: {
      label: "Scopes",
      type: "string",
      required: true,
      shown: true,
      default: "https://graph.microsoft.com/User.Read.All offline_access",
      comments:
        "Space-separated delegated permissions, each granted under API permissions > Microsoft Graph > Delegated in the Azure portal " +
        "(e.g. User.Read.All Group.ReadWrite.All AuditLog.Read.All). Keep offline_access so the platform can refresh the token. " +
        "For a national cloud, prefix with its Graph host (https://graph.microsoft.us/User.Read.All).",
    },
    clientId: clientIdInput,
    clientSecret: clientSecretInput("Add this platform's OAuth callback URL as a Web redirect URI under Authentication."),
    baseUrl: baseUrlInput,
    ...networkInputs,
  },
});
