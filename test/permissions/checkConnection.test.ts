import component from "../../src";
import type { ConnectionCheck } from "../../src/actions/connection/examples";
import { readTokenClaims } from "../../src/graph";
import { actionPermissions } from "../../src/permissions";
import { coverageReport } from "../../src/permissions/coverage";
import { permissionHint, permissionKind } from "../../src/permissions/denied";
import { TestEnv, authCodeConnection, clientCredentialsConnection, dataOf, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 10 });
});
afterAll(() => env.emulator.close());

async function check(connection: unknown): Promise<{ result: ConnectionCheck; requests: string[] }> {
  env.emulator.requests.length = 0;
  const result = dataOf<ConnectionCheck>(await env.harness.action("checkConnection", { connection }));
  return { result, requests: env.emulator.requests.map((r) => `${r.method} ${r.path}${decodeURIComponent(r.search)}`) };
}

function statusOf(result: ConnectionCheck, key: string): string | undefined {
  return result.coverage.find((c) => c.key === key)?.status;
}

test("an app-only token: who it is for, its roles, one call to /organization, and what each action may do", async () => {
  const token = env.emulator.issueToken({ roles: ["User.Read.All", "Organization.Read.All", "AuditLog.Read.All"] });
  const { result, requests } = await check(clientCredentialsConnection(env.emulator, token));
  expect(requests).toEqual(["GET /v1.0/organization?$select=id"]);
  expect(result).toMatchObject({
    kind: "application",
    connectionType: "oauthClientCredentials",
    tenantId: env.emulator.app.tenantId,
    appId: env.emulator.app.clientId,
    user: null,
    graphUrl: env.emulator.url,
    cloud: `Local stand-in (${env.emulator.url})`,
    claimsReadable: true,
    roles: ["User.Read.All", "Organization.Read.All", "AuditLog.Read.All"],
    scopes: [],
    tokenWorks: true,
    probe: { request: "GET /organization?$select=id", status: 200 },
  });
  expect(Date.parse(result.expiresAt ?? "")).toBeGreaterThan(Date.now());
  expect(statusOf(result, "listUsers")).toBe("granted");
  expect(statusOf(result, "getManager")).toBe("granted");
  expect(statusOf(result, "createUser")).toBe("missing");
  expect(statusOf(result, "listDirectoryAudits")).toBe("missing"); // needs Directory.Read.All too
  expect(statusOf(result, "listSignIns")).toBe("granted");
  expect(statusOf(result, "userChanges")).toBe("granted");
  expect(statusOf(result, "selectGroup")).toBe("missing");
  expect(statusOf(result, "rawRequest")).toBe("seeNotes");
  expect(statusOf(result, "listUserLicenseDetails")).toBe("seeNotes");
  expect(statusOf(result, "selectReport")).toBe("noneNeeded");
  expect(result.coverage.find((c) => c.key === "createUser")).toMatchObject({ type: "action", needs: "User.ReadWrite.All" });
  expect(result.missing).toEqual(expect.arrayContaining(["createUser", "listDirectoryAudits", "selectGroup"]));
  expect(result.missing).not.toContain("listUsers");
  expect(JSON.stringify(result)).not.toContain(token);
  const converted = component as unknown as Record<"actions" | "triggers" | "dataSources", Record<string, unknown>>;
  const everyKey = [...Object.keys(converted.actions), ...Object.keys(converted.triggers), ...Object.keys(converted.dataSources)];
  expect(result.coverage.map((c) => c.key).sort()).toEqual(everyKey.sort());
});

test("a delegated token: the signed-in user, its scopes, one call to /me", async () => {
  const user = env.emulator.directory.users[3];
  const token = env.emulator.issueToken({ kind: "delegated", userId: user?.id as string, scp: ["User.Read", "GroupMember.Read.All"] });
  const { result, requests } = await check(authCodeConnection(env.emulator, token));
  expect(requests).toEqual(["GET /v1.0/me?$select=id"]);
  expect(result).toMatchObject({
    kind: "delegated",
    connectionType: "oauth",
    tenantId: env.emulator.app.tenantId,
    appId: env.emulator.app.clientId,
    user: { id: user?.id, userPrincipalName: user?.userPrincipalName },
    roles: [],
    scopes: ["User.Read", "GroupMember.Read.All"],
    probe: { request: "GET /me?$select=id", status: 200 },
  });
  expect(statusOf(result, "listGroups")).toBe("granted");
  expect(statusOf(result, "getOrganization")).toBe("granted"); // User.Read, delegated
  expect(statusOf(result, "listUsers")).toBe("missing");
  expect(statusOf(result, "listUserLicenseDetails")).toBe("missing");
  expect(result.coverage.find((c) => c.key === "listUsers")?.needs).toBe("User.Read.All");
});

test("a token without the permission for the check's own call still proves it works", async () => {
  const { result } = await check(clientCredentialsConnection(env.emulator, env.emulator.issueToken({ roles: ["Mail.Read"] })));
  expect(result.tokenWorks).toBe(true);
  expect(result.probe).toMatchObject({ status: 403, code: "Authorization_RequestDenied" });
  expect(result.missing).toContain("checkConnection");
});

test("an expired token is a connection error, not a report", async () => {
  const token = env.emulator.issueToken();
  env.emulator.tokens.expireAccessTokens(token);
  await expect(env.harness.action("checkConnection", { connection: clientCredentialsConnection(env.emulator, token) })).rejects.toThrow(
    /401 InvalidAuthenticationToken/,
  );
});

test("a token whose claims cannot be read: the kind comes from the connection type and nothing is guessed", () => {
  const opaque = "EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEXAMPLE";
  expect(readTokenClaims(opaque)).toBeUndefined();
  expect(permissionKind({ key: "oauth" }, undefined)).toBe("delegated");
  expect(permissionKind({ key: "oauthClientCredentials" }, undefined)).toBe("application");
  const coverage = coverageReport([{ type: "action", permissions: actionPermissions }], "delegated", undefined);
  expect(coverage.find((c) => c.key === "listUsers")?.status).toBe("unknown");
  expect(permissionHint("listUsers", actionPermissions.listUsers, "delegated", undefined)).toContain(
    "listUsers needs the delegated permission User.Read.All; the token's scopes could not be read (the access token is not a JWT).",
  );
});
