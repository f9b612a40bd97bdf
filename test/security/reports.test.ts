import type { UserRegistrationDetails } from "@microsoft/microsoft-graph-types";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";
import { DATED_REPORTS, reportDownloads } from "../../emulator/areas/reports/routes";
import { USAGE_REPORTS } from "../../src/reports/catalog";
import { registrationDetails } from "../../emulator/areas/reports/data";
import { auditLogs } from "../../emulator/areas/auditLogs/data";
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
    const before = reportDownloads(env.emulator).length;
    const result = await report({});
    expect(result.report).toBe("getOffice365ActiveUserDetail");
    expect(result.period).toBe("D7");
    expect(result.columns[0]).toBe("Report Refresh Date");
    expect(result.rows).toHaveLength(env.emulator.directory.users.length);
    expect(result.rows[0]).toMatchObject({
      "User Principal Name": env.emulator.directory.users[0]?.userPrincipalName,
      "Is Deleted": "False",
    });
    expect(result.columns.at(-1)).toBe("Assigned Products");
    expect(result.csv).toBeUndefined();

    const graphRequest = env.emulator.requestsTo("/v1.0/reports/getOffice365ActiveUserDetail(period='D7')", "GET").at(-1);
    expect(graphRequest?.headers.authorization).toBe(`Bearer ${env.token}`);
    const downloads = reportDownloads(env.emulator);
    expect(downloads).toHaveLength(before + 1);
    expect(downloads.at(-1)?.path).toMatch(/^\/download\/[0-9a-f-]{36}$/);
    expect(downloads.at(-1)?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(downloads.at(-1)?.headers)).not.toContain(env.token);
  });

  test("each picker report comes with the CSV columns of its Microsoft Graph page, in order", async () => {
    const licenceColumns = (suffix: string) =>
      ["Exchange", "OneDrive", "SharePoint", "Skype For Business", "Yammer", "Teams"].map((w) => `${w} ${suffix}`);
    const apps = ["Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams"];
    const expected: Record<string, string[]> = {
      getOffice365ActiveUserDetail: [
        "Report Refresh Date",
        "User Principal Name",
        "Display Name",
        "Is Deleted",
        "Deleted Date",
        ...["Exchange", "OneDrive", "SharePoint", "Skype For Business", "Yammer", "Teams"].map((w) => `Has ${w} License`),
        ...licenceColumns("Last Activity Date"),
        ...licenceColumns("License Assign Date"),
        "Assigned Products",
      ],
      getM365AppUserDetail: [
        "Report Refresh Date",
        "User Principal Name",
        "Last Activation Date",
        "Last Activity Date",
        "Report Period",
        "Windows",
        "Mac",
        "Mobile",
        "Web",
        ...apps,
        ...["Windows", "Mac", "Mobile", "Web"].flatMap((platform) => apps.map((app) => `${app} (${platform})`)),
      ],
      getEmailActivityUserDetail: [
        "Report Refresh Date",
        "User Principal Name",
        "Display Name",
        "Is Deleted",
        "Deleted Date",
        "Last Activity Date",
        "Send Count",
        "Receive Count",
        "Read Count",
        "Meeting Created Count",
        "Meeting Interacted Count",
        "Assigned Products",
        "Report Period",
      ],
      getMailboxUsageDetail: [
        "Report Refresh Date",
        "User Principal Name",
        "Display Name",
        "Is Deleted",
        "Deleted Date",
        "Created Date",
        "Last Activity Date",
        "Item Count",
        "Storage Used (Byte)",
        "Issue Warning Quota (Byte)",
        "Prohibit Send Quota (Byte)",
        "Prohibit Send/Receive Quota (Byte)",
        "Deleted Item Count",
        "Deleted Item Size (Byte)",
        "Deleted Item Quota (Byte)",
        "Has Archive",
        "Report Period",
      ],
      getTeamsUserActivityUserDetail: [
        "Report Refresh Date",
        "Tenant Display Name",
        "Shared Channel Tenant Display Names",
        "User Id",
        "User Principal Name",
        "Last Activity Date",
        "Is Deleted",
        "Deleted Date",
        "Assigned Products",
        "Team Chat Message Count",
        "Private Chat Message Count",
        "Call Count",
        "Meeting Count",
        "Post Messages",
        "Reply Messages",
        "Urgent Messages",
        "Meetings Organized Count",
        "Meetings Attended Count",
        "Ad Hoc Meetings Organized Count",
        "Ad Hoc Meetings Attended Count",
        "Scheduled One-time Meetings Organized Count",
        "Scheduled One-time Meetings Attended Count",
        "Scheduled Recurring Meetings Organized Count",
        "Scheduled Recurring Meetings Attended Count",
        "Audio Duration",
        "Video Duration",
        "Screen Share Duration",
        "Audio Duration In Seconds",
        "Video Duration In Seconds",
        "Screen Share Duration In Seconds",
        "Has Other Action",
        "Is Licensed",
        "Report Period",
      ],
      getOneDriveUsageAccountDetail: [
        "Report Refresh Date",
        "Site URL",
        "Owner Display Name",
        "Is Deleted",
        "Last Activity Date",
        "File Count",
        "Active File Count",
        "Storage Used (Byte)",
        "Storage Allocated (Byte)",
        "Owner Principal Name",
        "Report Period",
      ],
      getSharePointSiteUsageDetail: [
        "Report Refresh Date",
        "Site Id",
        "Site URL",
        "Owner Display Name",
        "Is Deleted",
        "Last Activity Date",
        "File Count",
        "Active File Count",
        "Page View Count",
        "Visited Page Count",
        "Storage Used (Byte)",
        "Storage Allocated (Byte)",
        "Root Web Template",
        "Owner Principal Name",
        "Report Period",
      ],
    };
    for (const [name, columns] of Object.entries(expected)) {
      const result = await report({ report: name });
      expect({ name, columns: result.columns }).toEqual({ name, columns });
      expect(Object.keys(result.rows[0] ?? {})).toEqual(columns);
    }
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

  test("the catalog and the emulator agree on which reports take a date", () => {
    expect(USAGE_REPORTS.filter((r) => r.acceptsDate).map((r) => r.name)).toEqual(
      USAGE_REPORTS.map((r) => r.name).filter((n) => DATED_REPORTS.has(n)),
    );
    expect([...DATED_REPORTS].every((n) => USAGE_REPORTS.some((r) => r.name === n))).toBe(true);
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

  test("a tenant without Entra ID P1/P2 gets Graph's 403 with its code and request-id", async () => {
    auditLogs(env.emulator).premiumLicense = false;
    try {
      await expect(env.harness.action("listUserRegistrationDetails", { connection: env.connection })).rejects.toThrow(
        /403 Authentication_RequestFromNonPremiumTenantOrB2CTenant: Neither tenant is B2C.*request-id: [0-9a-f-]{36}/,
      );
    } finally {
      auditLogs(env.emulator).premiumLicense = true;
    }
  });
});
