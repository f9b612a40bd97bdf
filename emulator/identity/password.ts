import type { RequestContext } from "../kernel/router";
import { Reply, json } from "../kernel/http";
import { aadError } from "./aad";

/** The resource owner password credentials grant: a user's name and password, refused where Entra refuses them. */
export function passwordGrant(ctx: RequestContext, body: URLSearchParams, clientId: string, scopes: string[]): Reply {
  const { emulator } = ctx;
  const tokens = emulator.tokens;
  const username = body.get("username") ?? "";
  const user = emulator.directory.findUser(username);
  if (!user?.userPrincipalName) {
    return aadError(ctx, 400, "invalid_grant", 50034, `The user account ${username} does not exist in the directory.`);
  }
  const upn = user.userPrincipalName.toLowerCase();
  if (body.get("password") !== tokens.passwordOf(upn)) {
    return aadError(ctx, 400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password.");
  }
  if (user.accountEnabled === false) {
    return aadError(ctx, 400, "invalid_grant", 50057, "The user account is disabled.");
  }
  if (tokens.mfaRegistrationRequired.has(upn)) {
    return aadError(
      ctx,
      400,
      "invalid_grant",
      50079,
      "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access the application.",
    );
  }
  if (tokens.mfaRequired.has(upn)) {
    return aadError(
      ctx,
      400,
      "interaction_required",
      50076,
      "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the application.",
    );
  }
  const app = emulator.app;
  const token = tokens.issueAccessToken({ kind: "delegated", clientId, tenantId: app.tenantId, scopes, userId: user.id ?? undefined });
  const reply: Record<string, unknown> = {
    token_type: "Bearer",
    scope: scopes.filter((s) => s !== "offline_access").join(" "),
    expires_in: tokens.lifetimeSeconds,
    ext_expires_in: tokens.lifetimeSeconds,
    access_token: token.token,
  };
  if (scopes.includes("offline_access")) {
    reply.refresh_token = tokens.issueRefreshToken({ clientId, tenantId: app.tenantId, scopes, userId: user.id ?? undefined });
  }
  return json(200, reply);
}
