import type { User } from "@microsoft/microsoft-graph-types";
import type { BatchResponseItem } from "../../src/graph";
import type { UsersByIdsResult } from "../../src/actions/batch/getUsersByIds";
import type { LicenseOutcome } from "../../src/actions/batch/assignLicensesBulk";
import { batchState } from "../../emulator/areas/batch/routes";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";

const FLOW_FREE = "f30db892-07e9-47e9-837c-80727f46fd3d";
const MISSING = "00000000-0000-4000-8000-000000000000";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 80 });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.faults.clear();
  env.emulator.requests.length = 0;
  batchState(env.emulator).log.length = 0;
});

const users = (): User[] => env.emulator.directory.users;
const batchCalls = () => env.emulator.requestsTo("/$batch", "POST");

describe("batchRequest", () => {
  test("sends 25 requests in two $batch calls and answers in the input's order, failures included", async () => {
    const requests = users()
      .slice(0, 24)
      .map((u, i) => ({ id: `r${i}`, method: "GET", url: `/users/${u.userPrincipalName}?$select=id` }));
    requests.splice(3, 0, { id: "missing", method: "GET", url: `/users/${MISSING}` });
    const result = await env.harness.action("batchRequest", { connection: env.connection, requests: JSON.stringify(requests) });
    const { responses } = dataOf<{ responses: BatchResponseItem[] }>(result);
    expect(responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
    expect(responses[3]).toMatchObject({ status: 404, body: { error: { code: "Request_ResourceNotFound" } } });
    expect((responses[4]?.body as User).id).toBe(users()[3]?.id);
    expect(batchCalls()).toHaveLength(2);
  });

  test("a whole-batch error surfaces Graph's code and request-id", async () => {
    env.emulator.faults.add({ kind: "status", status: 403, path: "/$batch", code: "Authorization_RequestDenied" });
    const run = env.harness.action("batchRequest", { connection: env.connection, requests: '[{"id":"1","method":"GET","url":"/users"}]' });
    await expect(run).rejects.toThrow(/403 Authorization_RequestDenied: .*request-id: [0-9a-f-]{36}/);
  });

  test.each([
    ["not JSON", "[{", /Requests: is not valid JSON/],
    ["an empty list", "[]", /Requests: is an empty list/],
    [
      "duplicate ids",
      '[{"id":"1","method":"GET","url":"/me"},{"id":"1","method":"GET","url":"/me"}]',
      /Requests: id "1" is used by more than one request/,
    ],
    ["an absolute URL", '[{"id":"1","method":"GET","url":"https://evil.example/me"}]', /Requests: .*not an absolute URL/],
  ])("refuses %s before sending anything", async (_name, requests, message) => {
    await expectInputError(env, () => env.harness.action("batchRequest", { connection: env.connection, requests }), message);
  });

  test("refuses a bad Concurrent Batches value", async () => {
    await expectInputError(
      env,
      () =>
        env.harness.action("batchRequest", {
          connection: env.connection,
          requests: '[{"id":"1","method":"GET","url":"/me"}]',
          concurrency: "50",
        }),
      /Concurrent Batches: 50 is above the maximum of 10/,
    );
  });
});

describe("getUsersByIds", () => {
  test("returns found users in the order asked, with not-found ones listed and duplicates looked up once", async () => {
    const wanted = users().slice(10, 35);
    const refs = [
      wanted[0]?.userPrincipalName,
      MISSING,
      ...wanted.slice(1).map((u) => u.id),
      (wanted[0]?.userPrincipalName as string).toUpperCase(),
    ];
    const result = await env.harness.action("getUsersByIds", { connection: env.connection, users: refs, select: "id,displayName" });
    const data = dataOf<UsersByIdsResult>(result);
    expect(data.value.map((u) => u.id)).toEqual(wanted.map((u) => u.id));
    expect(data.value[0]).toEqual({
      "@odata.context": expect.stringContaining("users(id,displayName)"),
      id: wanted[0]?.id,
      displayName: wanted[0]?.displayName,
    });
    expect(data.notFound).toEqual([MISSING]);
    expect(data.failed).toEqual([]);
    const sent = batchCalls().flatMap((c) => (JSON.parse(c.body) as { requests: { url: string }[] }).requests);
    expect(sent).toHaveLength(26);
    expect(sent[0]?.url).toBe(`/users/${encodeURIComponent(wanted[0]?.userPrincipalName as string)}?$select=id%2CdisplayName`);
  });

  test("encodes ' and # in a userPrincipalName, so a guest's #EXT# name finds the user", async () => {
    const guest = users().find((u) => u.userPrincipalName?.includes("#EXT#")) as User;
    const quoted = users().find((u) => u.userPrincipalName?.includes("'"));
    const refs = [guest.userPrincipalName as string, ...(quoted ? [quoted.userPrincipalName as string] : [])];
    const result = await env.harness.action("getUsersByIds", { connection: env.connection, users: refs, select: "id" });
    const data = dataOf<UsersByIdsResult>(result);
    expect(data.value.map((u) => u.id)).toEqual([guest.id, ...(quoted ? [quoted.id] : [])]);
    const sent = batchCalls().flatMap((c) => (JSON.parse(c.body) as { requests: { url: string }[] }).requests.map((r) => r.url));
    expect(sent[0]).toBe(`/users/${(guest.userPrincipalName as string).replace("#EXT#", "%23EXT%23").replace("@", "%40")}?$select=id`);
    for (const url of sent) expect(url).not.toMatch(/['#]/);
  });

  test("a user throttled past the retry cap is reported as failed with Graph's code", async () => {
    const target = users()[2];
    env.emulator.faults.throttle(Infinity, "0", `/users/${target.id}`);
    const result = await env.harness.action("getUsersByIds", { connection: env.connection, users: [users()[1]?.id, target.id] });
    const data = dataOf<UsersByIdsResult>(result);
    expect(data.value.map((u) => u.id)).toEqual([users()[1]?.id]);
    expect(data.failed).toEqual([
      { user: target.id, status: 429, code: "TooManyRequests", message: expect.any(String), requestId: expect.any(String) },
    ]);
  });

  test.each([
    ["an entry that is neither a GUID nor a userPrincipalName", ["ok@contoso.com", "../groups"], /Users: "..\/groups" is neither/],
    ["an empty list", [], /Users: is required/],
    ["more than 10,000 users", Array.from({ length: 10_001 }, (_, i) => `user${i}@contoso.com`), /Users: has 10001 entries; at most 10000/],
  ])("refuses %s before sending anything", async (_name, list, message) => {
    await expectInputError(env, () => env.harness.action("getUsersByIds", { connection: env.connection, users: list }), message);
  });
});

describe("assignLicensesBulk", () => {
  const licensable = () =>
    users().filter((u) => u.usageLocation && u.userType === "Member" && !(u.assignedLicenses ?? []).some((l) => l.skuId === FLOW_FREE));

  test("adds a licence to many users, each exactly once despite throttling, and reports per-user failures", async () => {
    const targets = licensable().slice(0, 23);
    const noLocation = users().find((u) => !u.usageLocation && u.userType === "Member") as User;
    const sku = env.emulator.directory.skus.find((s) => s.skuId === FLOW_FREE);
    const consumedBefore = sku?.consumedUnits ?? 0;
    env.emulator.faults.throttle(4, "1", "/assignLicense");
    const refs = [
      ...targets.map((u, i) => (i % 2 === 0 && !u.userPrincipalName?.includes("'") ? u.userPrincipalName : u.id)),
      noLocation.id,
    ];
    const result = await env.harness.action("assignLicensesBulk", {
      connection: env.connection,
      users: refs,
      addLicenses: JSON.stringify([FLOW_FREE]),
    });
    const data = dataOf<{ results: LicenseOutcome[]; succeeded: number; failed: number }>(result);
    expect(data.succeeded).toBe(23);
    expect(data.failed).toBe(1);
    expect(data.results.map((r) => r.user)).toEqual(refs);
    expect(data.results[23]).toMatchObject({
      success: false,
      status: 400,
      error: { code: "Request_BadRequest", message: "License assignment cannot be done for user with invalid usage location." },
    });
    expect(sku?.consumedUnits).toBe(consumedBefore + 23);
    for (const user of targets) expect(user.assignedLicenses?.filter((l) => l.skuId === FLOW_FREE)).toHaveLength(1);
    // What the emulator ran: 4 throttled answers, then each user's assignLicense exactly once.
    const log = batchState(env.emulator).log.filter((e) => e.url.endsWith("/assignLicense"));
    expect(log.filter((e) => e.status === 429)).toHaveLength(4);
    const done = log.filter((e) => e.status !== 429).map((e) => e.url);
    expect(done.sort()).toEqual(refs.map((ref) => `/users/${encodeURIComponent(ref as string)}/assignLicense`).sort());
    const body = JSON.parse(batchCalls()[0]?.body) as { requests: { body: unknown }[] };
    expect(body.requests[0]?.body).toEqual({ addLicenses: [{ skuId: FLOW_FREE, disabledPlans: [] }], removeLicenses: [] });
  });

  test("after a whole-batch 504 no licence change is sent again, and each user's outcome is reported as unknown", async () => {
    const targets = licensable().slice(30, 33);
    env.emulator.faults.add({ kind: "status", status: 504, path: "/$batch", code: "GatewayTimeout", times: 1 });
    const result = await env.harness.action("assignLicensesBulk", {
      connection: env.connection,
      users: targets.map((u) => u.id),
      addLicenses: JSON.stringify([FLOW_FREE]),
    });
    const data = dataOf<{ results: LicenseOutcome[]; succeeded: number; failed: number }>(result);
    expect(batchCalls()).toHaveLength(1);
    expect(data.succeeded).toBe(0);
    expect(data.results.map((r) => [r.status, r.success, r.error?.code])).toEqual(Array(3).fill([0, false, "OutcomeUnknown"]));
    expect(data.results[0]?.error?.message).toMatch(/answered 504 GatewayTimeout, so this request may or may not have been done/);
    expect(data.results[0]?.error?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a sub-request 503 is not sent again: the licence change may already be done", async () => {
    const [target] = licensable().slice(34, 35);
    env.emulator.faults.add({ kind: "status", status: 503, retryAfter: "1", path: `/users/${target.id}/assignLicense`, times: 1 });
    const result = await env.harness.action("assignLicensesBulk", {
      connection: env.connection,
      users: [target.id],
      addLicenses: JSON.stringify([FLOW_FREE]),
    });
    const data = dataOf<{ results: LicenseOutcome[] }>(result);
    expect(data.results[0]).toMatchObject({ status: 503, success: false, error: { code: "serviceNotAvailable" } });
    expect(batchCalls()).toHaveLength(1);
  });

  test("removes a licence given as a value list", async () => {
    const target = users().find((u) => (u.assignedLicenses ?? []).length > 0 && u.usageLocation) as User;
    const skuId = target.assignedLicenses?.[0]?.skuId as string;
    const result = await env.harness.action("assignLicensesBulk", {
      connection: env.connection,
      users: [target.id],
      removeLicenses: [skuId],
    });
    expect(dataOf<{ succeeded: number }>(result).succeeded).toBe(1);
    expect(target.assignedLicenses?.some((l) => l.skuId === skuId)).toBe(false);
  });

  test.each([
    ["no change at all", {}, /Add Licenses: is empty and so is Remove Licenses/],
    ["a skuId that is not a GUID", { addLicenses: '[{"skuId":"E5"}]' }, /Add Licenses: "E5" is not a GUID/],
    ["a bad removal", { removeLicenses: ["nope"] }, /Remove Licenses: "nope" is not a GUID/],
    [
      "the same SKU added and removed",
      { addLicenses: `[{"skuId": "${FLOW_FREE}"}]`, removeLicenses: [FLOW_FREE] },
      /Remove Licenses: .* is also in Add Licenses/,
    ],
  ])("refuses %s before sending anything", async (_name, inputs, message) => {
    await expectInputError(
      env,
      () => env.harness.action("assignLicensesBulk", { connection: env.connection, users: ["ann@contoso.com"], ...inputs }),
      message,
    );
  });
});
