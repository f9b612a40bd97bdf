import { randomUUID } from "node:crypto";
import type { BatchResponseItem } from "../../src/graph";
import type { UsersByIdsResult } from "../../src/actions/batch/getUsersByIds";
import type { LicenseOutcome } from "../../src/actions/batch/assignLicensesBulk";
import { TestEnv, clientCredentialsConnection, dataOf, failure, startTestEnv } from "../helpers/setup";

const FLOW_FREE = "f30db892-07e9-47e9-837c-80727f46fd3d";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 20 });
});
afterAll(() => env.emulator.close());

const users = () => env.emulator.directory.users;

function appConnection(roles: string[]) {
  return clientCredentialsConnection(env.emulator, env.emulator.issueToken({ roles }));
}

describe("a 403 inside a $batch names what to grant, per request", () => {
  test("getUsersByIds: each refused user gets the hint; a user not found gets none", async () => {
    const refs = [users()[0]?.id, users()[1]?.userPrincipalName] as string[];
    const data = dataOf<UsersByIdsResult>(
      await env.harness.action("getUsersByIds", { connection: appConnection(["Mail.Read"]), users: refs }),
    );
    expect(data.value).toEqual([]);
    expect(data.failed.map((f) => f.user)).toEqual(refs);
    for (const failure of data.failed) {
      expect(failure).toMatchObject({ status: 403, code: "Authorization_RequestDenied" });
      expect(failure.hint).toContain("getUsersByIds needs the application permission User.Read.All; the token holds roles Mail.Read.");
      expect(failure.hint).toContain("Application permissions and grant admin consent");
    }
    const found = dataOf<UsersByIdsResult>(
      await env.harness.action("getUsersByIds", { connection: env.connection, users: [randomUUID()] }),
    );
    expect(found.notFound).toHaveLength(1);
    expect(found.failed).toEqual([]);
  });

  test("assignLicensesBulk: each refused user's error carries the hint, and no licence changes", async () => {
    const targets = users()
      .filter((u) => u.usageLocation && u.userType === "Member")
      .slice(0, 3);
    const before = targets.map((u) => (u.assignedLicenses ?? []).length);
    const data = dataOf<{ results: LicenseOutcome[]; succeeded: number; failed: number }>(
      await env.harness.action("assignLicensesBulk", {
        connection: appConnection(["User.Read.All"]),
        users: targets.map((u) => u.id as string),
        addLicenses: JSON.stringify([FLOW_FREE]),
      }),
    );
    expect(data).toMatchObject({ succeeded: 0, failed: 3 });
    for (const outcome of data.results) {
      expect(outcome).toMatchObject({ success: false, status: 403, error: { code: "Authorization_RequestDenied" } });
      expect(outcome.error?.hint).toContain(
        "assignLicensesBulk needs the application permission LicenseAssignment.ReadWrite.All; the token holds roles User.Read.All.",
      );
    }
    expect(targets.map((u) => (u.assignedLicenses ?? []).length)).toEqual(before);
  });

  test("assignLicensesBulk: a failure other than a refusal gets no hint", async () => {
    const noLocation = users().find((u) => !u.usageLocation && u.userType === "Member");
    const data = dataOf<{ results: LicenseOutcome[] }>(
      await env.harness.action("assignLicensesBulk", {
        connection: env.connection,
        users: [noLocation?.id as string],
        addLicenses: JSON.stringify([FLOW_FREE]),
      }),
    );
    expect(data.results[0]).toMatchObject({ success: false, status: 400 });
    expect(data.results[0]?.error).not.toHaveProperty("hint");
  });

  test("batchRequest: a refused sub-request says what the token holds and points to Check Connection; the others are untouched", async () => {
    const user = users()[2];
    const requests = [
      { id: "user", method: "GET", url: `/users/${user?.id as string}?$select=id` },
      { id: "groups", method: "GET", url: "/groups?$top=1" },
    ];
    const data = dataOf<{ responses: (BatchResponseItem & { hint?: string })[] }>(
      await env.harness.action("batchRequest", { connection: appConnection(["User.Read.All"]), requests: JSON.stringify(requests) }),
    );
    const [ok, refused] = data.responses;
    expect(ok).toMatchObject({ id: "user", status: 200 });
    expect(ok).not.toHaveProperty("hint");
    expect(refused).toMatchObject({ id: "groups", status: 403, body: { error: { code: "Authorization_RequestDenied" } } });
    expect(refused?.hint).toContain("each request needs its own endpoint's permission");
    expect(refused?.hint).toContain("The token holds roles User.Read.All; Check Connection lists them");
    expect(refused?.hint).toContain("Application permissions and grant admin consent");
  });

  test("getPresences over 650 ids (sent as a $batch) fails naming Presence.Read.All and the token's roles", async () => {
    const ids = Array.from({ length: 700 }, () => randomUUID());
    const error = await failure(() => env.harness.action("getPresences", { connection: appConnection(["User.Read.All"]), userIds: ids }));
    expect(error.message).toMatch(/403 Authorization_RequestDenied/);
    expect(error.message).toContain(
      "getPresences needs the application permission Presence.Read.All; the token holds roles User.Read.All.",
    );
  });
});
