import { connection } from "@prismatic-io/spectral";
import { baseUrlInput, clientIdInput, entraIdEndpointInput, networkInputs, scopesInput, tenantInput } from "./inputs";

/** App-only access signed with a certificate instead of a client secret; the component gets its own tokens. */
export const certificateCredentials = connection({
  key: "certificateCredentials",
  display: {
    label: "Client Credentials with a Certificate",
    description:
      "App-only access to one Microsoft 365 tenant with an app registration's certificate instead of a client secret, as Microsoft recommends. Application permissions need admin consent.",
  },
  inputs: {
    baseUrl: baseUrlInput,
    entraIdEndpoint: entraIdEndpointInput,
    tenant: tenantInput,
    clientId: clientIdInput,
    certificate: {
      label: "Certificate",
      type: "password",
      required: true,
      shown: true,
      placeholder: "-----BEGIN PRIVATE KEY-----",
      comments:
        "The PEM private key of the certificate uploaded under Certificates & secrets > Certificates (PKCS#8 'BEGIN PRIVATE KEY', PKCS#1 'BEGIN RSA PRIVATE KEY' or encrypted 'BEGIN ENCRYPTED PRIVATE KEY'). Pasted on one line with literal \\n is fine. From a .pfx: openssl pkcs12 -in cert.pfx -nocerts -nodes.",
    },
    certificateThumbprint: {
      label: "Certificate Thumbprint",
      type: "string",
      required: true,
      shown: true,
      example: "3BC87980310C490A62AA5F6343D4C55DF8EBBA85",
      comments:
        "The certificate's Thumbprint (40 hex characters, SHA-1) as listed under Certificates & secrets > Certificates in the app registration.",
    },
    publicCertificate: {
      label: "Public Certificate",
      type: "text",
      required: false,
      shown: true,
      placeholder: "-----BEGIN CERTIFICATE-----",
      comments:
        "Optional: the PEM certificate you uploaded (the .cer/.pem file). With it, the component signs with Microsoft's current format (PS256 and a SHA-256 thumbprint) and checks before any request that Certificate is its private key.",
    },
    privateKeyPassphrase: {
      label: "Private Key Passphrase",
      type: "password",
      required: false,
      shown: true,
      comments: "The passphrase of an encrypted private key (BEGIN ENCRYPTED PRIVATE KEY); leave empty otherwise.",
    },
    scopes: scopesInput(
      "https://graph.microsoft.com/.default",
      "Keep '/.default': app-only tokens carry every Application permission the admin granted. For a national cloud use its Graph host (https://graph.microsoft.us/.default).",
    ),
    ...networkInputs,
  },
});
