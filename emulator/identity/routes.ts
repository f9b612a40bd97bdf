import type { Router, RequestContext } from "../kernel/router";
import { json } from "../kernel/http";
import { aadError } from "./aad";
import { authenticateClient, clientOf } from "./clientAuth";
import { passwordGrant } from "./password";

function form(ctx: RequestContext): URLSearchParams {
  return new URLSearchParams(ctx.rawBody.toString("utf8"));
}

export function registerIdentityRoutes(router: Router): void {
  router.plain("GET", "/:tenant/oauth2/v2.0/authorize", (ctx) => {
    const { emulator, query } = ctx;
    const app = emulator.app;
    const tenant = ctx.params.tenant;
    const redirectUri = query.get("redirect_uri") ?? "";
    if (query.get("client_id") !== app.clientId) {
      return aadError(
        ctx,
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${query.get("client_id")}' was not found in the directory '${tenant}'.`,
      );
    }
    if (!redirectUri)
      return aadError(ctx, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'redirect_uri'.");
    // The emulator consents at once, as the signed-in user (the first member of the directory).
    const code = emulator.tokens.issueCode({
      clientId: app.clientId,
      tenantId: app.tenantId,
      redirectUri,
      scopes: (query.get("scope") ?? "").split(/\s+/).filter(Boolean),
      userId: emulator.directory.users[0]?.id ?? undefined,
    });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    if (query.get("state")) target.searchParams.set("state", query.get("state") as string);
    return { status: 302, headers: { Location: target.toString() } };
  });

  router.plain("POST", "/:tenant/oauth2/v2.0/token", (ctx) => {
    const { emulator } = ctx;
    const app = emulator.app;
    const tenant = ctx.params.tenant.toLowerCase();
    const body = form(ctx);
    const grant = body.get("grant_type");
    const knownTenant = [app.tenantId, app.tenantDomain, "common", "organizations"].includes(tenant);
    if (
      !knownTenant &&
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(tenant) &&
      !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(tenant)
    ) {
      return aadError(
        ctx,
        400,
        "invalid_request",
        900023,
        `Specified tenant identifier '${ctx.params.tenant}' is neither a valid DNS name, nor a valid external domain.`,
      );
    }
    if (!knownTenant) {
      return aadError(
        ctx,
        400,
        "invalid_request",
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    }
    const { clientId, clientSecret } = clientOf(ctx, body);
    if (clientId !== app.clientId) {
      return aadError(
        ctx,
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
      );
    }
    const refused = authenticateClient(ctx, body, clientId, clientSecret);
    if (refused) return refused;
    const scopes = (body.get("scope") ?? "").split(/\s+/).filter(Boolean);

    if (grant === "client_credentials") {
      if (tenant === "common" || tenant === "organizations") {
        return aadError(
          ctx,
          400,
          "invalid_request",
          1002012,
          "The provided value for scope or tenant is not valid. Client credential flows must use a tenant-specific endpoint.",
        );
      }
      if (!scopes.some((s) => s.endsWith("/.default"))) {
        return aadError(
          ctx,
          400,
          "invalid_scope",
          1002012,
          `The provided value for scope ${scopes.join(" ")} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
        );
      }
      const token = emulator.tokens.issueAccessToken({ kind: "app", clientId, tenantId: app.tenantId, scopes });
      return json(200, {
        token_type: "Bearer",
        expires_in: emulator.tokens.lifetimeSeconds,
        ext_expires_in: emulator.tokens.lifetimeSeconds,
        access_token: token.token,
      });
    }

    if (grant === "password") return passwordGrant(ctx, body, clientId, scopes);

    if (grant === "authorization_code" || grant === "refresh_token") {
      let granted: { scopes: string[]; userId?: string };
      if (grant === "authorization_code") {
        const redeemed = emulator.tokens.redeemCode(body.get("code") ?? "");
        if (redeemed === "expired")
          return aadError(
            ctx,
            400,
            "invalid_grant",
            70008,
            "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
          );
        if (redeemed === "redeemed")
          return aadError(
            ctx,
            400,
            "invalid_grant",
            54005,
            "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
          );
        if (redeemed === "unknown")
          return aadError(ctx, 400, "invalid_grant", 70000, "The provided value for the 'code' parameter is not valid.");
        if (body.get("redirect_uri") !== redeemed.redirectUri) {
          return aadError(
            ctx,
            400,
            "invalid_grant",
            50148,
            "The redirect URI specified in the request does not match the redirect URI used to obtain the authorization code.",
          );
        }
        granted = redeemed;
      } else {
        const refreshed = emulator.tokens.refresh(body.get("refresh_token") ?? "");
        if (refreshed === "revoked")
          return aadError(
            ctx,
            400,
            "invalid_grant",
            50173,
            "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.",
          );
        if (refreshed === "expired")
          return aadError(
            ctx,
            400,
            "invalid_grant",
            700082,
            "The refresh token has expired due to inactivity. The token was issued on a date more than 90 days ago and was inactive for 90 days.",
          );
        if (refreshed === "unknown")
          return aadError(ctx, 400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
        granted = refreshed;
      }
      const grantedScopes = scopes.length > 0 ? scopes : granted.scopes;
      const token = emulator.tokens.issueAccessToken({
        kind: "delegated",
        clientId,
        tenantId: app.tenantId,
        scopes: grantedScopes,
        userId: granted.userId,
      });
      const reply: Record<string, unknown> = {
        token_type: "Bearer",
        scope: grantedScopes.filter((s) => s !== "offline_access").join(" "),
        expires_in: emulator.tokens.lifetimeSeconds,
        ext_expires_in: emulator.tokens.lifetimeSeconds,
        access_token: token.token,
      };
      // A refresh grant always answers a new (rotated) refresh token.
      if (grant === "refresh_token" || grantedScopes.includes("offline_access")) {
        reply.refresh_token = emulator.tokens.issueRefreshToken({
          clientId,
          tenantId: app.tenantId,
          scopes: grantedScopes,
          userId: granted.userId,
        });
      }
      return json(200, reply);
    }
    return aadError(ctx, 400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grant ?? ""}'.`);
  });
}
