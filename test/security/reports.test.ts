import type { UserRegistrationDetails } from "@microsoft/microsoft-graph-types";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";
import { reportDownloads } from "../../emulator/routes/reports";
import { registrationDetails } from "../../emulator/data/reports";
import { csvToObjects, parseCsv } from "../../src/actions/reports/csv";
import type { UsageReportResult } from "../../src/actions/reports/getUsageReport";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 12 });
});
afterAll(() => env.emulator.close());

function report(inputs: Record<string, unknown>): Promise<UsageReportResult> {
  return env.harness.action("getUsageReport", { connection: env.connection, ...inputs }).then((r) => dataOf<UsageReportResult>(r));
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

describe("parseCsv", () => {
  test("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF rows, and a BOM", () => {
    const text = '\uFEFFName,Note,Count\r\n"Vance, Adele","said ""hi""\r\nand left",3\nPlain,,0\r\n';
    expect(parseCsv(text)).toEqual([
      ["Name", "Note", "Count"],
      ["Vance, Adele", 'said "hi"\r\nand left', "3"],
      ["Plain", "", "0"],
    ]);
    expect(csvToObjects("a,b\n1").rows).toEqual([{ a: "1", b: "" }]);
    expect(csvToObjects("\uFEFFa,b\r\n").rows).toEqual([]);
    expect(() => parseCsv('a\n"open')).toThrow(/ends inside a quoted field/);
  });
});

describe("getUsageReport", () => {
  test("follows Graph's 302 to the download host without the token and returns rows keyed by the CSV header", async () => {
    const before = (await reportDownloads(env.emulator)).length;
    const result = await report({});
    expect(result.report).toBe("getOffice365ActiveUserDetail");
    expect(result.period).toBe("D7");
    expect(result.columns[0]).toBe("Report Refresh Date");
    expect(result.rows).toHaveLength(env.emulator.directory.users.length);
    expect(result.rows[0]).toMatchObject({
      "User Principal Name": env.emulator.directory.users[0]?.userPrincipalName,
      "Report Period": "7",
      "Is Deleted": "False",
    });
    expect(result.csv).toBeUndefined();

    const graphRequest = env.emulator.requestsTo("/v1.0/reports/getOffice365ActiveUserDetail(period='D7')", "GET").at(-1);
    expect(graphRequest?.headers.authorization).toBe(`Bearer ${env.token}`);
    const downloads = await reportDownloads(env.emulator);
    expect(downloads).toHaveLength(before + 1);
    expect(downloads.at(-1)?.path).toMatch(/^\/data\/download\/[0-9a-f-]{36}$/);
    expect(downloads.at(-1)?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(downloads.at(-1)?.headers)).not.toContain(env.token);
  });

  test("parses quoted CSV fields and returns the raw CSV when asked", async () => {
    const result = await report({ report: "getSharePointSiteUsageDetail", period: "D30", rawCsv: "true" });
    const user = env.emulator.directory.users[1];
    expect(result.rows[1]?.["Owner Display Name"]).toBe(`${user?.displayName ?? ""}, "Projects"\nEMEA`);
    expect(result.rows[1]?.["Report Period"]).toBe("30");
    expect(result.csv?.startsWith("\uFEFFReport Refresh Date,Site Id,")).toBe(true);
    expect(result.csv).toContain('""Projects""');
  });

  test("a date asks Graph for that day", async () => {
    const day = daysAgo(3);
    const result = await report({ report: "getTeamsUserActivityUserDetail", date: day });
    expect(result).toMatchObject({ report: "getTeamsUserActivityUserDetail", date: day });
    expect(result.rows.every((row) => row["Report Refresh Date"] === day && row["Report Period"] === "1")).toBe(true);
    expect(env.emulator.requestsTo(`/reports/getTeamsUserActivityUserDetail(date=${day})`, "GET")).toHaveLength(1);
  });

  test("an unknown report or period, or a bad date, fails before any request", async () => {
    await expectInputError(env, () => report({ report: "getEverything" }), /Report: "getEverything" is not a Microsoft 365 usage report/);
    await expectInputError(env, () => report({ period: "D8" }), /Period: "D8" is not one of D7, D30, D90, D180/);
    await expectInputError(env, () => report({ date: "2024-13-01" }), /Date: "2024-13-01" is not a date in the form YYYY-MM-DD/);
    await expectInputError(env, () => report({ date: daysAgo(45) }), /Date: .* is outside the last 30 days/);
    await expectInputError(env, () => report({ date: daysAgo(-2) }), /Date: .* is outside the last 30 days/);
    await expectInputError(
      env,
      () => report({ report: "getMailboxUsageDetail", date: daysAgo(1) }),
      /Date: the getMailboxUsageDetail report takes a period only/,
    );
  });
});

describe("listUserRegistrationDetails", () => {
  test("lists registration details with Graph's filter, one page or all", async () => {
    const expected = registrationDetails(env.emulator.directory.users).filter((d) => !d.isMfaRegistered);
    expect(expected.length).toBeGreaterThan(0);
    const filtered = dataOf<{ value: UserRegistrationDetails[] }>(
      await env.harness.action("listUserRegistrationDetails", { connection: env.connection, filter: "isMfaRegistered eq false" }),
    );
    expect(filtered.value.map((d) => d.id)).toEqual(expected.map((d) => d.id));

    const page = dataOf<{ value: UserRegistrationDetails[]; "@odata.nextLink"?: string }>(
      await env.harness.action("listUserRegistrationDetails", { connection: env.connection, top: "5" }),
    );
    expect(page.value).toHaveLength(5);
    expect(page["@odata.nextLink"]).toContain("$skiptoken=");
    const all = dataOf<{ value: UserRegistrationDetails[]; moreAvailable: boolean }>(
      await env.harness.action("listUserRegistrationDetails", { connection: env.connection, top: "5", fetchAll: "true" }),
    );
    expect(all.value).toHaveLength(env.emulator.directory.users.length);
    expect(all.moreAvailable).toBe(false);
    await expectInputError(
      env,
      () => env.harness.action("listUserRegistrationDetails", { connection: env.connection, top: "1000" }),
      /Page Size: 1000 is above the maximum of 999/,
    );
  });
});
