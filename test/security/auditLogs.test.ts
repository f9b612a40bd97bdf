import type { DirectoryAudit, ProvisioningObjectSummary, SignIn } from "@microsoft/microsoft-graph-types";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";
import { appendAuditEvents, auditLogs } from "../../emulator/areas/auditLogs/data";
import { encodeCheckpoint } from "../../src/actions/auditLogs/checkpoint";
import { fetchSince } from "../../src/actions/auditLogs";
import { GraphClient } from "../../src/graph";

interface FeedResult<T> {
  value: T[];
  checkpoint: string;
  moreAvailable: boolean;
}

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 30 });
});
afterAll(() => env.emulator.close());
beforeEach(() => env.emulator.faults.clear());

async function audits(inputs: Record<string, unknown>): Promise<FeedResult<DirectoryAudit>> {
  return dataOf<FeedResult<DirectoryAudit>>(await env.harness.action("listDirectoryAudits", { connection: env.connection, ...inputs }));
}

function lastQuery(fragment: string): URLSearchParams {
  const request = env.emulator.requestsTo(fragment, "GET").at(-1);
  if (!request) throw new Error(`no request to ${fragment}`);
  return new URLSearchParams(request.search);
}

describe("listDirectoryAudits", () => {
  test("returns a time window oldest first, asking Graph for ascending order", async () => {
    const result = await audits({ from: "2026-01-10", to: "2026-01-13T00:00:00Z", fetchAll: "true" });
    const expected = auditLogs(env.emulator).directoryAudits.filter(
      (e) =>
        (e.activityDateTime as string) >= "2026-01-10T00:00:00.0000000Z" &&
        (e.activityDateTime as string) <= "2026-01-13T00:00:00.0000000Z",
    );
    expect(expected.length).toBeGreaterThan(5);
    expect(result.value.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    const times = result.value.map((e) => e.activityDateTime as string);
    expect(times).toEqual([...times].sort());
    const query = lastQuery("/auditLogs/directoryAudits");
    expect(query.get("$orderby")).toBe("activityDateTime asc");
    expect(query.get("$filter")).toBe(
      "activityDateTime ge 2026-01-10T00:00:00.0000000Z and activityDateTime le 2026-01-13T00:00:00.0000000Z",
    );
    expect(result.moreAvailable).toBe(false);
  });

  test("with Fetch All off returns at most Page Size events and says more are left", async () => {
    const result = await audits({ top: "7" });
    expect(result.value).toHaveLength(7);
    expect(result.moreAvailable).toBe(true);
    expect(lastQuery("/auditLogs/directoryAudits").get("$top")).toBe("7");
  });

  test("combines the extra filter with the window", async () => {
    const target = auditLogs(env.emulator).directoryAudits[3];
    const result = await audits({ from: "2026-01-01", filter: `correlationId eq '${target.correlationId as string}'` });
    expect(result.value.map((e) => e.id)).toEqual([target.id]);
    expect(lastQuery("/auditLogs/directoryAudits").get("$filter")).toBe(
      `activityDateTime ge 2026-01-01T00:00:00.0000000Z and (correlationId eq '${target.correlationId as string}')`,
    );
  });

  test("a window whose From is after To, or dates that do not parse, fail before any request", async () => {
    await expectInputError(env, () => audits({ from: "2026-01-12", to: "2026-01-11" }), /From: .*is after To/);
    await expectInputError(env, () => audits({ from: "yesterday" }), /From: "yesterday" is not an ISO 8601 date/);
    await expectInputError(env, () => audits({ to: "2026-02-30" }), /To: "2026-02-30" is not an ISO 8601 date/);
    await expectInputError(env, () => audits({ top: "1001" }), /Page Size/);
  });

  test("a checkpoint that is not one of ours, was altered, or belongs to another feed fails before any request", async () => {
    const { checkpoint } = await audits({ top: "2" });
    const [prefix, payload, sum] = checkpoint.split(".");
    const altered = `${prefix}.${Buffer.from(Buffer.from(payload, "base64url").toString().replace("2026", "2027")).toString("base64url")}.${sum}`;
    await expectInputError(
      env,
      () => audits({ checkpoint: "2026-01-10T00:00:00Z" }),
      /Checkpoint: is not a checkpoint produced by this component/,
    );
    await expectInputError(env, () => audits({ checkpoint: altered }), /Checkpoint: is not a checkpoint produced/);
    const signInCheckpoint = encodeCheckpoint({ feed: "signIns", newest: null, seen: {} });
    await expectInputError(env, () => audits({ checkpoint: signInCheckpoint }), /Checkpoint: belongs to the signIns feed/);
  });
});

describe("checkpoints", () => {
  test("events arriving between two calls, several with the same timestamp, come out exactly once", async () => {
    const first = await audits({ from: "2026-01-01", fetchAll: "true" });
    const seeded = auditLogs(env.emulator).directoryAudits.length;
    expect(first.value).toHaveLength(seeded);
    const newest = first.value.at(-1)?.activityDateTime as string;

    // Late arrivals stamped with the newest time already delivered, then a burst sharing a later time.
    const late = appendAuditEvents(env.emulator, "directoryAudits", newest, 3);
    const burstTime = "2026-01-20T08:00:00.1234567Z";
    const burst = appendAuditEvents(env.emulator, "directoryAudits", burstTime, 4);

    const second = await audits({ checkpoint: first.checkpoint, fetchAll: "true" });
    expect(second.value.map((e) => e.id).sort()).toEqual([...late, ...burst].map((e) => e.id).sort());
    expect(lastQuery("/auditLogs/directoryAudits").get("$filter")).toBe(`activityDateTime ge ${newest}`);

    const third = await audits({ checkpoint: second.checkpoint, fetchAll: "true" });
    expect(third.value).toEqual([]);
    expect(third.moreAvailable).toBe(false);

    const another = appendAuditEvents(env.emulator, "directoryAudits", burstTime, 2);
    const fourth = await audits({ checkpoint: third.checkpoint, fetchAll: "true" });
    expect(fourth.value.map((e) => e.id).sort()).toEqual(another.map((e) => e.id).sort());
  });

  test("a limit reached mid-stream, inside a same-timestamp burst, skips nothing and repeats nothing", async () => {
    const start = await audits({ from: "2026-03-01", fetchAll: "true" });
    expect(start.value).toEqual([]);
    const added = [
      ...appendAuditEvents(env.emulator, "directoryAudits", "2026-03-02T10:00:00.0000000Z", 2),
      ...appendAuditEvents(env.emulator, "directoryAudits", "2026-03-02T10:00:05.5000000Z", 5),
      ...appendAuditEvents(env.emulator, "directoryAudits", "2026-03-02T10:00:09.0000000Z", 1),
    ];
    const seen: string[] = [];
    let checkpoint = start.checkpoint;
    let calls = 0;
    for (;;) {
      const page = await audits({ checkpoint, fetchAll: "true", limit: "3", top: "2" });
      seen.push(...page.value.map((e) => e.id as string));
      checkpoint = page.checkpoint;
      calls += 1;
      if (!page.moreAvailable || calls > 10) break;
    }
    expect(seen).toHaveLength(added.length);
    expect(new Set(seen).size).toBe(added.length);
    expect([...seen].sort()).toEqual(added.map((e) => e.id).sort());
  });

  test("fetchSince re-reads a look-back window and still delivers each event once", async () => {
    const client = new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token });
    const first = await fetchSince<DirectoryAudit>(client, "directoryAudits", undefined, {
      from: "2026-04-01",
      limit: 100,
      lookBackSeconds: 60,
    });
    appendAuditEvents(env.emulator, "directoryAudits", "2026-04-01T10:00:30.0000000Z", 1);
    const second = await fetchSince<DirectoryAudit>(client, "directoryAudits", first.checkpoint, { limit: 100, lookBackSeconds: 60 });
    expect(second.events).toHaveLength(1);
    // An event reaching the log late, 20 s before the newest one delivered: inside the look-back window.
    const straggler = appendAuditEvents(env.emulator, "directoryAudits", "2026-04-01T10:00:10.0000000Z", 1);
    const third = await fetchSince<DirectoryAudit>(client, "directoryAudits", second.checkpoint, { limit: 100, lookBackSeconds: 60 });
    expect(third.events.map((e) => e.id)).toEqual(straggler.map((e) => e.id));
    expect(lastQuery("/auditLogs/directoryAudits").get("$filter")).toBe("activityDateTime ge 2026-04-01T09:59:30.0000000Z");
    const fourth = await fetchSince<DirectoryAudit>(client, "directoryAudits", third.checkpoint, { limit: 100, lookBackSeconds: 60 });
    expect(fourth.events).toEqual([]);
  });
});

describe("listProvisioningAudits", () => {
  test("uses gt/lt (all provisioning supports) one second wider and trims to the window", async () => {
    const logs = auditLogs(env.emulator).provisioning;
    const edge = logs[5];
    const from = edge.activityDateTime as string;
    const result = dataOf<FeedResult<ProvisioningObjectSummary>>(
      await env.harness.action("listProvisioningAudits", { connection: env.connection, from, fetchAll: "true" }),
    );
    const expected = logs.filter((e) => (e.activityDateTime as string) >= from);
    expect(result.value.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(result.value.map((e) => e.id)).toContain(edge.id);
    const filter = lastQuery("/auditLogs/provisioning").get("$filter") as string;
    expect(filter).toMatch(/^activityDateTime gt \S+$/);
    expect(filter).not.toContain(from);
  });
});

describe("listSignIns", () => {
  async function signIns(inputs: Record<string, unknown>): Promise<FeedResult<SignIn & { signInEventTypes?: string[] }>> {
    return dataOf(await env.harness.action("listSignIns", { connection: env.connection, fetchAll: "true", ...inputs }));
  }

  test("v1.0 returns interactive sign-ins in Graph's v1.0 shape", async () => {
    const result = await signIns({ from: "2026-01-01" });
    const interactive = auditLogs(env.emulator).signIns.filter((s) => s.signInEventTypes.includes("interactiveUser"));
    expect(result.value.map((s) => s.id).sort()).toEqual(interactive.map((s) => s.id).sort());
    expect(result.value.every((s) => s.isInteractive === true && s.signInEventTypes === undefined)).toBe(true);
    expect(env.emulator.requestsTo("/v1.0/auditLogs/signIns").length).toBeGreaterThan(0);
  });

  test("beta with Sign-in Event Types returns the non-interactive and workload sign-ins", async () => {
    const result = await signIns({ apiVersion: "beta", from: "2026-01-01", signInEventTypes: ["nonInteractiveUser", "managedIdentity"] });
    const expected = auditLogs(env.emulator).signIns.filter((s) =>
      s.signInEventTypes.some((t) => t === "nonInteractiveUser" || t === "managedIdentity"),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(result.value.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    const query = lastQuery("/beta/auditLogs/signIns");
    expect(query.get("$filter")).toBe(
      "createdDateTime ge 2026-01-01T00:00:00.0000000Z and (signInEventTypes/any(t: t eq 'nonInteractiveUser' or t eq 'managedIdentity'))",
    );
  });

  test("Sign-in Event Types outside Graph's list, or on v1.0, fail before any request", async () => {
    await expectInputError(
      env,
      () => signIns({ apiVersion: "beta", signInEventTypes: ["robot"] }),
      /Sign-in Event Types: "robot" is not one of/,
    );
    await expectInputError(env, () => signIns({ signInEventTypes: ["nonInteractiveUser"] }), /Sign-in Event Types: needs API Version beta/);
  });

  test("a tenant without Entra ID P1/P2 gets Graph's 403 with its code and request-id", async () => {
    auditLogs(env.emulator).premiumLicense = false;
    try {
      await expect(signIns({})).rejects.toThrow(
        /403 Authentication_RequestFromNonPremiumTenantOrB2CTenant: Neither tenant is B2C.*request-id: [0-9a-f-]{36}/,
      );
    } finally {
      auditLogs(env.emulator).premiumLicense = true;
    }
  });
});
