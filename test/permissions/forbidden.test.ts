import { readTokenClaims } from "../../src/graph";
import { TestEnv, authCodeConnection, clientCredentialsConnection, failure, startTestEnv } from "../helpers/setup";
import { WebhookReceiver } from "../triggers/webhookReceiver";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 10 });
});
afterAll(() => env.emulator.close());

function appConnection(roles: string[]) {
  return clientCredentialsConnection(env.emulator, env.emulator.issueToken({ roles }));
}

function userConnection(scp: string[]) {
  const userId = env.emulator.directory.users[0]?.id as string;
  return authCodeConnection(env.emulator, env.emulator.issueToken({ kind: "delegated", userId, scp }));
}

describe("emulator tokens", () => {
  test("are JWTs whose claims say who they are for and what they hold", () => {
    const user = env.emulator.directory.users[0];
    const app = readTokenClaims(env.emulator.issueToken({ roles: ["User.Read.All"] }));
    expect(app).toMatchObject({
      kind: "application",
      tenantId: env.emulator.app.tenantId,
      appId: env.emulator.app.clientId,
      appName: env.emulator.app.displayName,
      roles: ["User.Read.All"],
      scopes: [],
    });
    expect(Date.parse(app?.expiresAt ?? "")).toBeGreaterThan(Date.now());
    const delegated = readTokenClaims(
      env.emulator.issueToken({ kind: "delegated", userId: user?.id as string, scp: ["User.Read", "Mail.Read"] }),
    );
    expect(delegated).toMatchObject({
      kind: "delegated",
      userId: user?.id,
      user: user?.userPrincipalName,
      scopes: ["User.Read", "Mail.Read"],
      roles: [],
    });
  });

  test("the default app holds every permission the routes declare; grants per app and per user narrow it", async () => {
    expect(readTokenClaims(env.emulator.issueToken())?.roles).toEqual(
      expect.arrayContaining(["User.Read.All", "SecurityAlert.ReadWrite.All", "Reports.Read.All"]),
    );
    env.emulator.tokens.grantAppRoles(env.emulator.app.clientId, ["Group.Read.All"]);
    const userId = env.emulator.directory.users[1]?.id as string;
    env.emulator.tokens.grantUserScopes(userId, ["User.Read"]);
    try {
      // Through the token endpoint, as a client-credentials connection gets it.
      const response = await fetch(env.emulator.tokenUrl(), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: env.emulator.app.clientId,
          client_secret: env.emulator.app.clientSecret,
          scope: "https://graph.microsoft.com/.default",
        }).toString(),
      });
      const { access_token } = (await response.json()) as { access_token: string };
      expect(readTokenClaims(access_token)?.roles).toEqual(["Group.Read.All"]);
      expect(readTokenClaims(env.emulator.issueToken({ kind: "delegated", userId }))?.scopes).toEqual(["User.Read"]);
    } finally {
      env.emulator.tokens.grantAppRoles(env.emulator.app.clientId, undefined);
      env.emulator.tokens.grantUserScopes(userId, undefined);
    }
  });

  test("a route answers Graph's own 403 body to a token without the permission the docs name", async () => {
    const response = await fetch(`${env.emulator.url}/v1.0/users`, {
      headers: { Authorization: `Bearer ${env.emulator.issueToken({ roles: ["Mail.Read"] })}` },
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error).toMatchObject({
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
    });
    expect(body.error.innerError["request-id"]).toBe(response.headers.get("request-id"));
  });
});

describe("a 403 names what to grant", () => {
  test("app-only: the application permission the action needs and the token's roles", async () => {
    const connection = appConnection(["GroupMember.Read.All", "Mail.Read"]);
    const token = (connection.token as { access_token: string }).access_token;
    const error = await failure(() => env.harness.action("listUsers", { connection }));
    expect(error.message).toMatch(/403 Authorization_RequestDenied: Insufficient privileges to complete the operation\./);
    expect(error.message).toMatch(/request-id: [0-9a-f-]{36}/);
    expect(error.message).toContain(
      "listUsers needs the application permission User.Read.All; the token holds roles GroupMember.Read.All, Mail.Read.",
    );
    expect(error.message).toContain("Application permissions and grant admin consent");
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain(token.split(".")[1]);
  });

  test("delegated: the delegated permission the action needs and the token's scopes", async () => {
    const error = await failure(() => env.harness.action("listGroups", { connection: userConnection(["User.Read", "Mail.Read"]) }));
    expect(error.message).toContain(
      "listGroups needs the delegated permission GroupMember.Read.All; the token holds scopes User.Read, Mail.Read.",
    );
    expect(error.message).toContain("to the connection's Scopes");
  });

  test("a permission needed together with another is named with it", async () => {
    const error = await failure(() => env.harness.action("listDirectoryAudits", { connection: appConnection(["AuditLog.Read.All"]) }));
    expect(error.message).toContain(
      "listDirectoryAudits needs the application permission AuditLog.Read.All and Directory.Read.All; the token holds roles AuditLog.Read.All.",
    );
  });

  test("a write action on a read-only token names the write permission", async () => {
    const user = env.emulator.directory.users[2];
    const error = await failure(() =>
      env.harness.action("revokeSignInSessions", { connection: appConnection(["User.Read.All"]), userId: user?.id as string }),
    );
    expect(error.message).toContain(
      "revokeSignInSessions needs the application permission User.RevokeSessions.All; the token holds roles User.Read.All.",
    );
  });

  test("a token with no roles says so", async () => {
    const error = await failure(() => env.harness.action("getOrganization", { connection: appConnection([]) }));
    expect(error.message).toContain("getOrganization needs the application permission Organization.Read.All; the token holds no roles.");
  });

  test("a higher-privileged permission the docs accept is enough", async () => {
    const result = await env.harness.action("listUsers", { connection: appConnection(["Directory.Read.All"]), top: "5" });
    expect((result as { data: { value: unknown[] } }).data.value).toHaveLength(5);
  });

  test("other errors are left as Graph sent them", async () => {
    const error = await failure(() => env.harness.action("getUser", { connection: env.connection, userId: "nobody@contoso.com" }));
    expect(error.message).toMatch(/404/);
    expect(error.message).not.toMatch(/needs the/);
  });
});

test("where Microsoft names no permission of the connection's kind, the hint says so and gives the notes", async () => {
  const userId = env.emulator.directory.users[0]?.id as string;
  const error = await failure(() => env.harness.action("listUserLicenseDetails", { connection: appConnection(["Mail.Read"]), userId }));
  expect(error.message).toContain("Microsoft names no application permission for listUserLicenseDetails; the token holds roles Mail.Read.");
  expect(error.message).toContain("read assignedLicenses with Get User");
});

test("the notes pass the error hook's redaction intact", async () => {
  const error = await failure(() => env.harness.action("listUsers", { connection: appConnection([]) }));
  expect(error.message).toContain("User.ReadBasic.All (delegated) reads only id, displayName");
  expect(error.message).not.toContain("[REDACTED]");
});

test("a trigger's 403 names what it needs, and the failed poll saves nothing", async () => {
  const instanceState: Record<string, unknown> = {};
  const logger = { info() {}, debug() {}, log() {}, warn() {}, error() {}, trace() {}, metric() {} };
  const error = await failure(() =>
    env.harness.trigger("userChanges", undefined, { connection: appConnection(["Group.Read.All"]) }, { instanceState, logger }),
  );
  expect(error.message).toContain("userChanges needs the application permission User.Read.All; the token holds roles Group.Read.All.");
  expect(instanceState).toEqual({});
});

test("a data source's 403 names what it needs", async () => {
  const error = await failure(() => env.harness.dataSource("selectGroup", { connection: userConnection(["User.Read"]) }));
  expect(error.message).toContain("selectGroup needs the delegated permission GroupMember.Read.All; the token holds scopes User.Read.");
});

test("a webhook trigger's deploy that Graph refuses names what the subscription needs", async () => {
  env.emulator.faults.add({
    kind: "status",
    status: 403,
    code: "Authorization_RequestDenied",
    method: "POST",
    path: "/v1.0/subscriptions",
  });
  const receiver = await new WebhookReceiver(env, "changeNotifications", {
    connection: appConnection(["Group.Read.All"]),
    resource: "users",
    changeTypes: "updated",
  }).start();
  const error = await failure(() => receiver.deploy());
  expect(error.message).toContain(
    "Microsoft names no application permission for changeNotifications; the token holds roles Group.Read.All.",
  );
  expect(error.message).toContain("users User.Read.All");
});

test("a 403 although the token holds the permission says the refusal comes from elsewhere", async () => {
  env.emulator.faults.add({ kind: "status", status: 403, code: "Authorization_RequestDenied", method: "DELETE", path: "/v1.0/users/" });
  const user = env.emulator.directory.users[4];
  const error = await failure(() =>
    env.harness.action("deleteUser", { connection: userConnection(["User.ReadWrite.All"]), userId: user?.id as string }),
  );
  expect(error.message).toContain(
    "deleteUser needs the delegated permission User.ReadWrite.All; the token holds scopes User.ReadWrite.All.",
  );
  expect(error.message).toContain(
    "The token has it, so Graph refused for another reason. Delegated: the signed-in user also needs a Microsoft Entra role",
  );
  expect(error.message).not.toContain("Add it in the app registration");
});
