import { connection } from "@prismatic-io/spectral";
import { baseUrlInput, clientIdInput, entraIdEndpointInput, networkInputs, optionalClientSecretInput, scopesInput } from "./inputs";

/** Delegated access without a browser (resource owner password credentials); the component gets its own tokens. */
export const passwordGrant = connection({
  key: "passwordGrant",
  display: {
    label: "Username and Password (delegated, no browser)",
    description:
      "Acts as one user by sending their user name and password to Microsoft Entra ID (resource owner password credentials). Microsoft discourages this flow: prefer OAuth 2.0 Authorization Code or a certificate.",
  },
  inputs: {
    baseUrl: baseUrlInput,
    entraIdEndpoint: entraIdEndpointInput,
    tenant: {
      label: "Tenant",
      type: "string",
      required: true,
      shown: true,
      example: "contoso.onmicrosoft.com",
      comments:
        "The Directory (tenant) ID from the app registration's Overview page, a verified domain (contoso.onmicrosoft.com), or 'organizations'. Never 'common' or 'consumers': personal Microsoft accounts cannot use this flow.",
    },
    clientId: clientIdInput,
    clientSecret: optionalClientSecretInput,
    username: {
      label: "Username",
      type: "string",
      required: true,
      shown: true,
      example: "svc-integration@contoso.onmicrosoft.com",
      comments: "The user's principal name (UPN), usually their sign-in address.",
    },
    password: {
      label: "Password",
      type: "password",
      required: true,
      shown: true,
      comments:
        "The user's password. Microsoft discourages this flow: it cannot do multi-factor authentication, and does not work for personal accounts or federated users (ADFS or another identity provider) - those answer AADSTS50126. AADSTS50076 means Conditional Access requires MFA for this user; AADSTS50079 means the user must first register for MFA. Either way use an account exempt from MFA (a service account under Conditional Access) or another connection.",
    },
    scopes: scopesInput(
      "https://graph.microsoft.com/User.Read.All",
      "Space-separated delegated permissions granted under API permissions > Microsoft Graph > Delegated, with admin consent (this flow cannot show a consent prompt). For a national cloud prefix them with its Graph host.",
    ),
    ...networkInputs,
  },
});
