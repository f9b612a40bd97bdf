/** What to do about the Microsoft Entra ID (AADSTS) errors a connection's token request can meet. */
export const AADSTS_HINTS: Record<number, string> = {
  50034: "The user account does not exist in this tenant: check Username (the user principal name) and Tenant.",
  50053: "The account is locked after too many failed sign-ins: wait, or have an administrator unlock it.",
  50055: "The user's password has expired: the user must set a new one, then update Password.",
  50057: "The user account is disabled: have an administrator enable it.",
  50076:
    "The user must pass multi-factor authentication, which the password grant cannot do. Use an account that Conditional Access exempts from MFA, or a connection with a browser sign-in (OAuth 2.0 Authorization Code) or a certificate.",
  50079:
    "The user must first register for multi-factor authentication (for example under security defaults), which the password grant cannot do. Use a connection with a browser sign-in, or an account exempt from MFA.",
  50126:
    "Wrong user name or password, or a federated (ADFS, third-party identity provider) or personal account, which the password grant cannot sign in: check Username and Password.",
  50173: "The refresh token was revoked (the user changed their password or sessions were revoked): get a new refresh token.",
  65001: "Consent is missing: an administrator must grant the app's permissions (API permissions > Grant admin consent).",
  70000: "The grant is invalid or malformed: get a new refresh token.",
  70008: "The refresh token expired: get a new refresh token.",
  70011: "A scope is invalid: check Scopes (app-only connections use https://graph.microsoft.com/.default).",
  90002: "The tenant was not found: check Tenant and that Microsoft Entra ID Endpoint is your tenant's cloud.",
  500011: "The resource in Scopes is not known in this tenant's cloud: check Scopes and Microsoft Graph URL.",
  700016: "The application was not found in this tenant: check Client ID, Tenant and the cloud (Microsoft Entra ID Endpoint).",
  700024: "The client assertion is outside its valid time window: check the clock of the machine running the integration.",
  700027:
    "The certificate that signed the client assertion is not registered on the app: upload the certificate under Certificates & secrets > Certificates, and check Certificate, Certificate Thumbprint and Public Certificate belong together.",
  700082: "The refresh token expired after 90 days without use: get a new refresh token (sign in again) and update Refresh Token.",
  900023: "Tenant is neither a tenant ID (GUID) nor a domain: check Tenant.",
  1002012: "A scope or tenant is not valid for this flow: app-only connections need a tenant-specific endpoint and a '/.default' scope.",
  7000215: "Client Secret is wrong: give the secret's Value from Certificates & secrets, not its Secret ID, and check it has not expired.",
  7000218:
    "The app expects a client credential: give Client Secret, or enable 'Allow public client flows' under Authentication in the app registration.",
  7000222: "The client secret has expired: create a new secret and update Client Secret.",
  7000274:
    "The client assertion's key identifier header is missing or malformed: give Certificate Thumbprint or Public Certificate as shown in the app registration.",
  9002313: "The refresh token is malformed or not valid: get a new refresh token.",
};

/** A token request the identity platform refused (or never answered), with Microsoft's code and what to fix. */
export class TokenError extends Error {
  constructor(
    message: string,
    /** The AADSTS number, when Microsoft gave one. */
    readonly aadsts?: number,
    /** OAuth error (invalid_client, invalid_grant, ...). */
    readonly error?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

interface TokenErrorBody {
  error?: string;
  error_description?: string;
  error_codes?: number[];
}

/** Microsoft's own sentence, without the trace, correlation and timestamp lines it appends. */
function ownDescription(description: string): string {
  return description.split(/\s*(?:\r?\n)?\s*Trace ID:/)[0].trim();
}

/** Turns a token endpoint's error answer into a TokenError carrying the AADSTS code and its hint. */
export function tokenErrorFrom(status: number, body: unknown, hint?: (code: number) => string | undefined): TokenError {
  const parsed = (body && typeof body === "object" ? body : {}) as TokenErrorBody;
  const description = typeof parsed.error_description === "string" ? ownDescription(parsed.error_description) : "";
  const code = parsed.error_codes?.[0] ?? Number(/AADSTS(\d+)/.exec(description)?.[1] ?? NaN);
  const aadsts = Number.isFinite(code) ? code : undefined;
  const said = description || parsed.error || `HTTP ${status}`;
  const shown = aadsts !== undefined && !said.startsWith(`AADSTS${aadsts}`) ? `AADSTS${aadsts}: ${said}` : said;
  const advice = aadsts !== undefined ? (hint?.(aadsts) ?? AADSTS_HINTS[aadsts]) : undefined;
  return new TokenError(
    `Microsoft Entra ID refused the token request (${parsed.error ?? `HTTP ${status}`}): ${shown}${advice ? ` ${advice}` : ""}`,
    aadsts,
    parsed.error,
    status,
  );
}
