import type { Alert, SecureScore, SecureScoreControlProfile, SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";
import { securityData } from "../../emulator/areas/security/data";

interface Page<T> {
  value: T[];
  "@odata.nextLink"?: string;
  moreAvailable?: boolean;
}

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 20 });
});
afterAll(() => env.emulator.close());

function run<T = Record<string, unknown>>(key: string, inputs: Record<string, unknown>): Promise<T> {
  return env.harness.action(key, { connection: env.connection, ...inputs }).then((r) => dataOf<T>(r));
}

function lastBody(fragment: string, method: string): unknown {
  const request = env.emulator.requestsTo(fragment, method).at(-1);
  if (!request) throw new Error(`no ${method} to ${fragment}`);
  return JSON.parse(request.body) as unknown;
}

describe("alerts v2", () => {
  test("lists one page with Graph's nextLink, or up to Limit across pages", async () => {
    const total = securityData(env.emulator).alerts.length;
    const page = await run<Page<SecurityNamespace.Alert>>("listAlertsV2", { top: "5" });
    expect(page.value).toHaveLength(5);
    expect(page["@odata.nextLink"]).toContain("/v1.0/security/alerts_v2?");
    const all = await run<Page<SecurityNamespace.Alert>>("listAlertsV2", { top: "4", fetchAll: "true", limit: "9" });
    expect(all.value).toHaveLength(9);
    expect(all.moreAvailable).toBe(true);
    const everything = await run<Page<SecurityNamespace.Alert>>("listAlertsV2", { top: "4", fetchAll: "true" });
    expect(everything.value).toHaveLength(total);
    expect(everything.moreAvailable).toBe(false);
  });

  test("passes the filter through", async () => {
    const page = await run<Page<SecurityNamespace.Alert>>("listAlertsV2", { filter: "status eq 'resolved'" });
    const expected = securityData(env.emulator).alerts.filter((a) => a.status === "resolved");
    expect(expected.length).toBeGreaterThan(0);
    expect(page.value.map((a) => a.id)).toEqual(expected.map((a) => a.id));
  });

  test("gets an alert, and a missing one surfaces Graph's 404 with its request-id", async () => {
    const target = securityData(env.emulator).alerts[2];
    const alert = await run<SecurityNamespace.Alert>("getAlertV2", { alertId: target.id });
    expect(alert.title).toBe(target.title);
    await expect(run("getAlertV2", { alertId: "no/such?alert" })).rejects.toThrow(
      /404 NotFound: Alert 'no\/such\?alert' was not found.*request-id: [0-9a-f-]{36}/,
    );
    expect(env.emulator.requestsTo("/security/alerts_v2/no%2Fsuch%3Falert", "GET")).toHaveLength(1);
  });

  test("an update sends only the fields given", async () => {
    const target = securityData(env.emulator).alerts[0];
    const updated = await run<SecurityNamespace.Alert>("updateAlertV2", { alertId: target.id, status: "inProgress" });
    expect(lastBody(`/security/alerts_v2/${target.id as string}`, "PATCH")).toEqual({ status: "inProgress" });
    expect(updated.status).toBe("inProgress");
    expect(updated.classification).toBe("unknown");

    await run("updateAlertV2", {
      alertId: target.id,
      classification: "truePositive",
      determination: "malware",
      assignedTo: "secAdmin@contoso.com",
    });
    expect(lastBody(`/security/alerts_v2/${target.id as string}`, "PATCH")).toEqual({
      classification: "truePositive",
      determination: "malware",
      assignedTo: "secAdmin@contoso.com",
    });
    expect(securityData(env.emulator).alerts[0]).toMatchObject({
      status: "inProgress",
      classification: "truePositive",
      determination: "malware",
      assignedTo: "secAdmin@contoso.com",
    });
  });

  test("determination goes out as the member Graph's metadata defines, also when given as the update page spells it", async () => {
    const target = securityData(env.emulator).alerts[4];
    const path = `/security/alerts_v2/${target.id as string}`;
    await run("updateAlertV2", { alertId: target.id, determination: "notMalicious" });
    expect(lastBody(path, "PATCH")).toEqual({ determination: "notMalicious" });
    const aliases = {
      compromisedUser: "compromisedAccount",
      clean: "notMalicious",
      insufficientData: "notEnoughDataToValidate",
      confirmedUserActivity: "confirmedActivity",
    };
    for (const [given, sent] of Object.entries(aliases)) {
      const updated = await run<SecurityNamespace.Alert>("updateAlertV2", { alertId: target.id, determination: given });
      expect(lastBody(path, "PATCH")).toEqual({ determination: sent });
      expect(updated.determination).toBe(sent);
    }
    const incident = securityData(env.emulator).incidents[1];
    await run("updateIncident", { incidentId: incident.id, determination: "clean" });
    expect(lastBody(`/security/incidents/${incident.id as string}`, "PATCH")).toEqual({ determination: "notMalicious" });
  });

  test("the emulator refuses determination literals Graph's metadata does not define", async () => {
    const target = securityData(env.emulator).alerts[4];
    const response = await fetch(`${env.emulator.url}/v1.0/security/alerts_v2/${target.id as string}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${env.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ determination: "clean" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("microsoft.graph.security.alertDetermination");
  });

  test("values outside Graph's enums, or nothing to update, fail before any request", async () => {
    const alertId = securityData(env.emulator).alerts[1]?.id;
    await expectInputError(
      env,
      () => run("updateAlertV2", { alertId, status: "closed" }),
      /Status: "closed" is not one of new, inProgress, resolved/,
    );
    await expectInputError(
      env,
      () => run("updateAlertV2", { alertId, classification: "benignPositive" }),
      /Classification: "benignPositive" is not one of/,
    );
    await expectInputError(env, () => run("updateAlertV2", { alertId, determination: "aliens" }), /Determination: "aliens" is not one of/);
    await expectInputError(env, () => run("updateAlertV2", { alertId }), /Status: nothing to update/);
    await expectInputError(env, () => run("getAlertV2", { alertId: " " }), /Alert ID: is required/);
  });

  test("adds a comment and returns the alert's comments", async () => {
    const target = securityData(env.emulator).alerts[3];
    const result = await run<Page<SecurityNamespace.AlertComment>>("addAlertComment", {
      alertId: target.id,
      comment: "Escalated to on-call.",
    });
    expect(lastBody(`/security/alerts_v2/${target.id as string}/comments`, "POST")).toEqual({
      "@odata.type": "microsoft.graph.security.alertComment",
      comment: "Escalated to on-call.",
    });
    expect(result.value.map((c) => c.comment)).toEqual(["Escalated to on-call."]);
    await expectInputError(env, () => run("addAlertComment", { alertId: target.id, comment: "" }), /Comment: is required/);
  });
});

describe("incidents", () => {
  test("lists incidents with their alerts when asked", async () => {
    const page = await run<Page<SecurityNamespace.Incident>>("listIncidents", { expandAlerts: "true", top: "3" });
    expect(page.value).toHaveLength(3);
    const first = page.value[0];
    expect(first.alerts?.map((a) => a.id).sort()).toEqual(
      securityData(env.emulator)
        .alerts.filter((a) => a.incidentId === first.id)
        .map((a) => a.id)
        .sort(),
    );
    expect(new URLSearchParams(env.emulator.requestsTo("/security/incidents", "GET").at(-1)?.search).get("$expand")).toBe("alerts");
    await expectInputError(env, () => run("listIncidents", { top: "51" }), /Page Size: 51 is above the maximum of 50/);
  });

  test("gets an incident and updates only the fields given", async () => {
    const target = securityData(env.emulator).incidents[0];
    const incident = await run<SecurityNamespace.Incident>("getIncident", { incidentId: target.id });
    expect(incident.displayName).toBe(target.displayName);
    expect(incident.alerts).toBeUndefined();

    const updated = await run<SecurityNamespace.Incident>("updateIncident", {
      incidentId: target.id,
      status: "resolved",
      customTags: ["Demo", "Phishing"],
    });
    expect(lastBody(`/security/incidents/${target.id as string}`, "PATCH")).toEqual({
      status: "resolved",
      customTags: ["Demo", "Phishing"],
    });
    expect(updated).toMatchObject({ status: "resolved", customTags: ["Demo", "Phishing"], classification: "unknown" });
    await expectInputError(
      env,
      () => run("updateIncident", { incidentId: target.id, status: "closed" }),
      /Status: "closed" is not one of active/,
    );
    await expectInputError(env, () => run("updateIncident", { incidentId: target.id }), /Status: nothing to update/);
    await expect(run("getIncident", { incidentId: "1" })).rejects.toThrow(/404 NotFound/);
  });
});

describe("legacy alerts", () => {
  test("lists and gets legacy alerts", async () => {
    const page = await run<Page<Alert>>("listAlerts", { filter: "vendorInformation/provider eq 'MCAS'" });
    expect(page.value.length).toBeGreaterThan(0);
    expect(page.value.every((a) => a.vendorInformation?.provider === "MCAS")).toBe(true);
    const first = page.value[0];
    expect((await run<Alert>("getAlert", { alertId: first.id })).title).toBe(first.title);
  });

  test("an update reads vendorInformation first when not given, and sends only the fields given with it", async () => {
    const target = securityData(env.emulator).legacyAlerts[1];
    const path = `/security/alerts/${target.id as string}`;
    const getsBefore = env.emulator.requestsTo(path, "GET").length;
    const updated = await run<Alert>("updateAlert", { alertId: target.id, status: "inProgress", comments: ["Looking into it"] });
    expect(env.emulator.requestsTo(path, "GET")).toHaveLength(getsBefore + 1);
    expect(lastBody(path, "PATCH")).toEqual({
      status: "inProgress",
      comments: ["Looking into it"],
      vendorInformation: target.vendorInformation,
    });
    expect(env.emulator.requestsTo(path, "PATCH").at(-1)?.headers.prefer).toBe("return=representation");
    expect(updated).toMatchObject({ status: "inProgress", comments: ["Looking into it"], feedback: null });

    const vendor = target.vendorInformation as { provider: string; vendor: string };
    await run("updateAlert", { alertId: target.id, feedback: "truePositive", provider: vendor.provider, vendor: vendor.vendor });
    expect(env.emulator.requestsTo(path, "GET")).toHaveLength(getsBefore + 1);
    expect(lastBody(path, "PATCH")).toEqual({
      feedback: "truePositive",
      vendorInformation: { provider: vendor.provider, vendor: vendor.vendor },
    });
  });

  test("legacy status and feedback outside Graph's enums fail before any request", async () => {
    const alertId = securityData(env.emulator).legacyAlerts[0]?.id;
    await expectInputError(
      env,
      () => run("updateAlert", { alertId, status: "new" }),
      /Status: "new" is not one of unknown, newAlert, inProgress, resolved/,
    );
    await expectInputError(
      env,
      () => run("updateAlert", { alertId, feedback: "informationalExpectedActivity" }),
      /Feedback: "informationalExpectedActivity" is not one of/,
    );
  });
});

describe("secure score", () => {
  test("Days is Graph's $top: one score per day, newest first", async () => {
    const page = await run<Page<SecureScore>>("listSecureScores", { top: "7" });
    expect(page.value).toHaveLength(7);
    expect(page.value.map((s) => s.createdDateTime)).toEqual(
      securityData(env.emulator)
        .secureScores.slice(0, 7)
        .map((s) => s.createdDateTime),
    );
    expect(new URLSearchParams(env.emulator.requestsTo("/security/secureScores", "GET").at(-1)?.search).get("$top")).toBe("7");
    expect((await run<Page<SecureScore>>("listSecureScores", {})).value).toHaveLength(1);
    await expectInputError(env, () => run("listSecureScores", { top: "91" }), /Days: 91 is above the maximum of 90/);
  });

  test("lists and gets control profiles", async () => {
    const page = await run<Page<SecureScoreControlProfile>>("listSecureScoreControlProfiles", { filter: "controlCategory eq 'Identity'" });
    expect(page.value.map((p) => p.id)).toEqual([
      "AdminMFAV2",
      "MFARegistrationV2",
      "BlockLegacyAuthentication",
      "SelfServicePasswordReset",
    ]);
    const profile = await run<SecureScoreControlProfile>("getSecureScoreControlProfile", { controlProfileId: "AdminMFAV2" });
    expect(profile).toMatchObject({ id: "AdminMFAV2", maxScore: 10, controlCategory: "Identity" });
    await expect(run("getSecureScoreControlProfile", { controlProfileId: "NoSuchControl" })).rejects.toThrow(/404 NotFound/);
  });
});
