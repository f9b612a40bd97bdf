import { connection } from "@prismatic-io/spectral";
import {
  baseUrlInput,
  clientIdInput,
  entraIdEndpointInput,
  networkInputs,
  optionalClientSecretInput,
  scopesInput,
  tenantInput,
} from "./inputs";

/** Delegated access from a refresh token obtained elsewhere; the component redeems it and keeps the newest one. */
export const refreshToken = connection({
  key: "refreshToken",
  display: {
    label: "Refresh Token (delegated)",
    description:
      "Acts as the user who signed in elsewhere, from a refresh token issued to this app. Microsoft Entra ID rotates the refresh token on every use; the component keeps the newest one in memory.",
  },
  inputs: {
    baseUrl: baseUrlInput,
    entraIdEndpoint: entraIdEndpointInput,
    tenant: { ...tenantInput, comments: `${tenantInput.comments} 'organizations' works for a multi-tenant app.` },
    clientId: clientIdInput,
    clientSecret: optionalClientSecretInput,
    refreshToken: {
      label: "Refresh Token",
      type: "password",
      required: true,
      shown: true,
      comments:
        "A refresh token issued to this Client ID with the offline_access scope (e.g. from an authorization-code sign-in). It expires after 90 days without use (AADSTS700082) or when the user's password changes or sessions are revoked: then sign in again and paste the new one.",
    },
    scopes: scopesInput(
      "https://graph.microsoft.com/.default offline_access",
      "Delegated permissions to request, within what the user consented to; keep offline_access. For a national cloud use its Graph host.",
    ),
    ...networkInputs,
  },
});
