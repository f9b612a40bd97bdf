import { OAuth2Type, oauth2Connection, templateConnectionInputs } from "@prismatic-io/spectral";
import { baseUrlInput, clientIdInput, clientSecretInput, entraIdEndpointInput, networkInputs, tenantInput } from "./inputs";

/** App-only access to one tenant: no user signs in; an admin grants Application permissions once. */
export const oauthClientCredentials = oauth2Connection({
  key: "oauthClientCredentials",
  display: {
    label: "OAuth 2.0 Client Credentials",
    description:
      "App-only access to one Microsoft 365 tenant with an app registration's client ID and secret. Application permissions need admin consent.",
  },
  oauth2Type: OAuth2Type.ClientCredentials,
  inputs: templateConnectionInputs(
    {
      baseUrl: baseUrlInput,
      entraIdEndpoint: entraIdEndpointInput,
      tenant: tenantInput,
      clientId: clientIdInput,
      clientSecret: clientSecretInput(
        "Grant Application permissions under API permissions (e.g. User.Read.All, Group.Read.All, AuditLog.Read.All) and click 'Grant admin consent'.",
      ),
      scopes: {
        label: "Scopes",
        type: "string",
        required: true,
        shown: true,
        default: "https://graph.microsoft.com/.default",
        comments:
          "Keep '/.default': app-only tokens carry every Application permission the admin granted. For a national cloud use its Graph host (https://graph.microsoft.us/.default).",
      },
      ...networkInputs,
    },
    {
      tokenUrl: {
        label: "Token URL",
        type: "template",
        templateValue: "{{#entraIdEndpoint}}/{{#tenant}}/oauth2/v2.0/token",
      },
    },
    OAuth2Type.ClientCredentials,
  ),
});
