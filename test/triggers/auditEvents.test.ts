import { appendAuditEvents, logTimestamp } from "../../emulator/areas/auditLogs/data";
import { securityData } from "../../emulator/areas/security/data";
import { TestEnv, expectInputError, startTestEnv } from "../helpers/setup";
import { silentLogger } from "./silentLogger";

interface AuditPoll {
  resultType: string;
  payload: { body: { data: { feed: string; events: { id: string }[]; moreAvailable: boolean } } };
}

const MINUTE = 60_000;
let env: TestEnv;
beforeEach(async () => {
  env = await startTestEnv({ userCount: 10, groupCount: 2 });
});
afterEach(() => env.emulator.close());

async function poll(state: Record<string, unknown>, params: Record<string, unknown> = {}) {
  const result = (await env.harness.trigger(
    "auditEvents",
    undefined,
    { connection: env.connection, lookBackMinutes: "60", ...params },
    { instanceState: state, logger: silentLogger() },
  )) as unknown as AuditPoll;
  return { resultType: result.resultType, ...result.payload.body.data, ids: result.payload.body.data.events.map((e) => e.id) };
}

/** An event time `offsetMs` from now, as Graph writes log times. */
function at(offsetMs: number): string {
  return logTimestamp(Date.now() + offsetMs);
}

describe("auditEvents over directory audits", () => {
  test("the first poll starts from now; new events come out once each, oldest first", async () => {
    const state: Record<string, unknown> = {};
    const first = await poll(state);
    expect(first).toMatchObject({ resultType: "polled_no_changes", events: [], feed: "directoryAudits" });

    const later = appendAuditEvents(env.emulator, "directoryAudits", at(2000), 2);
    const earlier = appendAuditEvents(env.emulator, "directoryAudits", at(1000), 1);
    const second = await poll(state);
    expect(second.ids).toEqual([...earlier, ...later].map((e) => e.id));
    expect((await poll(state)).ids).toEqual([]);
  });

  test("an event logged late, inside the look-back window, comes out once; one older than the window does not", async () => {
    const state: Record<string, unknown> = {};
    await poll(state);
    const delivered = appendAuditEvents(env.emulator, "directoryAudits", at(1000));
    expect((await poll(state)).ids).toEqual(delivered.map((e) => e.id));

    const late = appendAuditEvents(env.emulator, "directoryAudits", at(-30 * MINUTE));
    appendAuditEvents(env.emulator, "directoryAudits", at(-90 * MINUTE));
    expect((await poll(state)).ids).toEqual(late.map((e) => e.id));
    expect((await poll(state)).ids).toEqual([]);
  });

  test("Max Events splits a burst sharing one timestamp across polls without repeating or skipping any", async () => {
    const state: Record<string, unknown> = {};
    await poll(state);
    const burst = appendAuditEvents(env.emulator, "directoryAudits", at(1000), 5).map((e) => e.id);
    const seen: string[] = [];
    for (const expected of [2, 2, 1, 0]) {
      const run = await poll(state, { maxEvents: "2" });
      expect(run.ids).toHaveLength(expected);
      seen.push(...run.ids);
    }
    expect(seen.sort()).toEqual([...burst].sort());
  });

  test("a failed poll keeps the checkpoint, so the next one delivers what it missed", async () => {
    const state: Record<string, unknown> = {};
    await poll(state);
    const saved = JSON.stringify(state);
    const events = appendAuditEvents(env.emulator, "directoryAudits", at(1000), 3);
    env.emulator.faults.add({ kind: "status", status: 503, path: "/auditLogs/directoryAudits", times: 5 });
    await expect(poll(state)).rejects.toThrow(/503/);
    expect(JSON.stringify(state)).toBe(saved);
    expect((await poll(state)).ids).toEqual(events.map((e) => e.id));
  });

  test("Start From delivers older events on the first poll", async () => {
    const state: Record<string, unknown> = {};
    const old = appendAuditEvents(env.emulator, "directoryAudits", at(-2 * 24 * 60 * MINUTE));
    expect((await poll(state, { startFrom: new Date(Date.now() - 3 * 24 * 60 * MINUTE).toISOString() })).ids).toEqual(old.map((e) => e.id));
  });
});

describe("auditEvents over sign-ins and alerts", () => {
  test("sign-ins", async () => {
    const state: Record<string, unknown> = {};
    await poll(state, { feed: "signIns" });
    const events = appendAuditEvents(env.emulator, "signIns", at(1000), 2);
    expect((await poll(state, { feed: "signIns" })).ids.sort()).toEqual(events.map((e) => e.id).sort());
    expect((await poll(state, { feed: "signIns" })).ids).toEqual([]);
  });

  test("alerts v2: new and late alerts once each, oldest first", async () => {
    const alerts = securityData(env.emulator).alerts;
    const template = alerts[0];
    const addAlert = (id: string, offsetMs: number) => {
      alerts.unshift({ ...template, id, createdDateTime: at(offsetMs) });
      return id;
    };
    const state: Record<string, unknown> = {};
    await poll(state, { feed: "alertsV2" });
    const second = addAlert("da-new-2", 2000);
    const first = addAlert("da-new-1", 1000);
    expect((await poll(state, { feed: "alertsV2" })).ids).toEqual([first, second]);
    const late = addAlert("da-late", -20 * MINUTE);
    expect((await poll(state, { feed: "alertsV2" })).ids).toEqual([late]);
    expect((await poll(state, { feed: "alertsV2" })).ids).toEqual([]);
    const sent = env.emulator.requestsTo("/security/alerts_v2");
    expect(new URLSearchParams(sent[sent.length - 1]?.search).get("$filter")).toMatch(
      /^createdDateTime ge \d{4}-\d\d-\d\dT[\d:]+\.\d{7}Z$/,
    );
  });

  test("changing the Feed starts that feed from now instead of reusing the other's checkpoint", async () => {
    const state: Record<string, unknown> = {};
    await poll(state);
    appendAuditEvents(env.emulator, "signIns", at(-5 * MINUTE));
    expect((await poll(state, { feed: "signIns" })).ids).toEqual([]);
  });

  test("a bad Feed fails before any request", async () => {
    await expectInputError(env, () => poll({}, { feed: "mailbox" }), /Feed/);
  });
});
