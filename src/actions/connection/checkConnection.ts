import { action } from "@prismatic-io/spectral";
import type { Connection } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { DEFAULT_GRAPH_URL, GRAPH_CLOUDS, GraphError, isLoopbackHost, normalizeServiceUrl } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { actionPermissions, dataSourcePermissions, triggerPermissions } from "../../permissions";
import { coverageReport } from "../../permissions/coverage";
import { permissionKind } from "../../permissions/denied";
import { ConnectionCheck, checkConnectionExample } from "./examples";

function cloudOf(connection: Connection): { cloud: string; graphUrl: string } {
  const graphUrl = normalizeServiceUrl(connection.fields.baseUrl ?? DEFAULT_GRAPH_URL, "Microsoft Graph URL");
  const known = GRAPH_CLOUDS.find((c) => c.graphUrl === graphUrl);
  const cloud = known?.label ?? (isLoopbackHost(new URL(graphUrl).hostname) ? `Local stand-in (${graphUrl})` : graphUrl);
  return { cloud, graphUrl };
}

export const checkConnection = action({
  display: {
    label: "Check Connection",
    description:
      "Who the connection's token is for (tenant, app, user, kind, expiry, cloud), the roles or scopes it holds, and for every action, trigger and data source whether it holds the permission Microsoft's docs name. Makes one cheap call that proves the token works: GET /organization?$select=id app-only, GET /me?$select=id for a user.",
  },
  inputs: { connection: connectionInput },
  perform: async (context, params): Promise<{ data: ConnectionCheck }> => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const claims = await client.tokenClaims();
    const kind = permissionKind(params.connection, claims) ?? "application";
    const path = kind === "delegated" ? "/me" : "/organization";
    const request = `GET ${path}?$select=id`;
    let probe: ConnectionCheck["probe"];
    try {
      await client.get(path, { $select: "id" });
      probe = { request, status: 200 };
    } catch (error) {
      // A 403 still proves Graph accepted the token; only the permission to read that object is missing.
      if (!(error instanceof GraphError) || error.status !== 403) throw error;
      probe = { request, status: 403, code: error.code, message: error.graphMessage };
    }
    const coverage = coverageReport(
      [
        { type: "action", permissions: actionPermissions },
        { type: "trigger", permissions: triggerPermissions },
        { type: "dataSource", permissions: dataSourcePermissions },
      ],
      kind,
      claims,
    );
    return {
      data: {
        kind,
        connectionType: params.connection.key,
        tenantId: claims?.tenantId ?? null,
        appId: claims?.appId ?? null,
        appName: claims?.appName ?? null,
        user: kind === "delegated" ? { id: claims?.userId ?? null, userPrincipalName: claims?.user ?? null } : null,
        expiresAt: claims?.expiresAt ?? null,
        ...cloudOf(params.connection),
        claimsReadable: claims !== undefined,
        roles: claims?.roles ?? [],
        scopes: claims?.scopes ?? [],
        tokenWorks: true,
        probe,
        missing: coverage.filter((c) => c.status === "missing").map((c) => c.key),
        coverage,
      },
    };
  },
  examplePayload: { data: checkConnectionExample },
});
