import type { RequestContext } from "../kernel/router";
import type { Reply } from "../kernel/http";
import { aadError } from "./aad";
import { checkClientAssertion } from "./assertion";

/** The client's identity as the token endpoint reads it: in the form body or with HTTP Basic. */
export function clientOf(ctx: RequestContext, body: URLSearchParams): { clientId: string; clientSecret: string } {
  const basic = /^Basic\s+(.+)$/i.exec(String(ctx.headers.authorization ?? ""));
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    return { clientId: decodeURIComponent(id ?? ""), clientSecret: decodeURIComponent(secret ?? "") };
  }
  return { clientId: body.get("client_id") ?? "", clientSecret: body.get("client_secret") ?? "" };
}

const PUBLIC_CLIENT_GRANTS = new Set(["password", "refresh_token"]);

/**
 * Authenticates a confidential client with its secret or a certificate's client assertion; a public client (no
 * credential) only for the grants that allow it when the app permits public client flows. Undefined means accepted.
 */
export function authenticateClient(ctx: RequestContext, body: URLSearchParams, clientId: string, clientSecret: string): Reply | undefined {
  const app = ctx.emulator.app;
  if (body.has("client_assertion")) return checkClientAssertion(ctx, body, clientId);
  if (!clientSecret) {
    if (PUBLIC_CLIENT_GRANTS.has(body.get("grant_type") ?? "") && ctx.emulator.tokens.allowPublicClient) return undefined;
    return aadError(
      ctx,
      401,
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  if (clientSecret !== app.clientSecret) {
    // Entra names the secret-ID mix-up in every wrong-secret answer, whatever was sent.
    return aadError(
      ctx,
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
    );
  }
  return undefined;
}
