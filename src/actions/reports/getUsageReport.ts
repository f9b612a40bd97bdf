import { action, input } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { InputError, encodeSegment } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { boolean, oneOf, optionalString } from "../../inputs/clean";
import { REPORT_PERIODS, USAGE_REPORTS, UsageReport, findUsageReport } from "../../reports/catalog";
import { csvToObjects } from "./csv";

/** The reports the designer's picker offers first; any report of the catalog (see the Select Usage Report data source) is accepted. */
const PICKER_REPORTS = [
  "getOffice365ActiveUserDetail",
  "getM365AppUserDetail",
  "getEmailActivityUserDetail",
  "getMailboxUsageDetail",
  "getTeamsUserActivityUserDetail",
  "getOneDriveUsageAccountDetail",
  "getSharePointSiteUsageDetail",
] as const;

export interface UsageReportResult {
  report: string;
  period?: string;
  date?: string;
  /** The CSV's header row, in order. */
  columns: string[];
  /** One object per CSV row, keyed by column name; values as Graph wrote them. */
  rows: Record<string, string>[];
  csv?: string;
}

const DAY_MS = 86_400_000;
/** Graph keeps the per-day detail for the last 30 days. */
const DATE_RANGE_DAYS = 30;

function reportInputClean(value: unknown): UsageReport {
  const name = optionalString(value);
  if (!name) throw new InputError("Report", `is required; for example ${PICKER_REPORTS.join(", ")}`);
  const report = findUsageReport(name);
  if (!report)
    throw new InputError(
      "Report",
      `"${name}" is not a Microsoft 365 usage report; known reports: ${USAGE_REPORTS.map((r) => r.name).join(", ")}`,
    );
  return report;
}

function dateInputClean(value: unknown): string | undefined {
  const text = optionalString(value);
  if (text === undefined) return undefined;
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw new InputError("Date", `"${text}" is not a date in the form YYYY-MM-DD`);
  }
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  if (parsed.getTime() > today || parsed.getTime() < today - DATE_RANGE_DAYS * DAY_MS) {
    throw new InputError("Date", `${text} is outside the last ${DATE_RANGE_DAYS} days, the only days Graph reports by date`);
  }
  return text;
}

const usageReportExample: UsageReportResult = {
  report: "getEmailActivityUserDetail",
  period: "D7",
  columns: [
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
  rows: [
    {
      "Report Refresh Date": "2024-05-01",
      "User Principal Name": "AdeleV@contoso.com",
      "Display Name": "Adele Vance",
      "Is Deleted": "False",
      "Deleted Date": "",
      "Last Activity Date": "2024-04-30",
      "Send Count": "12",
      "Receive Count": "87",
      "Read Count": "64",
      "Meeting Created Count": "1",
      "Meeting Interacted Count": "3",
      "Assigned Products": "OFFICE 365 E3",
      "Report Period": "7",
    },
  ],
  csv: "\uFEFFReport Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Last Activity Date,Send Count,Receive Count,Read Count,Meeting Created Count,Meeting Interacted Count,Assigned Products,Report Period\r\n2024-05-01,AdeleV@contoso.com,Adele Vance,False,,2024-04-30,12,87,64,1,3,OFFICE 365 E3,7\r\n",
};

export const getUsageReport = action({
  display: {
    label: "Get Usage Report",
    description:
      "Download a Microsoft 365 usage report (active users, apps, email, mailboxes, Teams, OneDrive, SharePoint) for a period or a day, as rows keyed by the CSV's column names. Graph redirects to a pre-authenticated download that never receives the access token.",
  },
  inputs: {
    connection: connectionInput,
    report: input({
      label: "Report",
      type: "string",
      required: true,
      dataSource: "selectReport",
      placeholder: "Report function name",
      example: "getOffice365ActiveUserDetail",
      default: "getOffice365ActiveUserDetail",
      model: PICKER_REPORTS.map((name) => ({ label: findUsageReport(name)?.label ?? name, value: name })),
      comments:
        "The report function, e.g. getOffice365ActiveUserDetail. Any report of the Select Usage Report data source is accepted. Needs Reports.Read.All.",
      clean: reportInputClean,
    }),
    period: input({
      label: "Period",
      type: "string",
      required: false,
      default: "D7",
      model: REPORT_PERIODS.map((p) => ({ label: p, value: p })),
      comments: "The number of days the report covers, counted back from the last refresh: D7, D30, D90 or D180. Ignored when Date is set.",
      clean: oneOf("Period", REPORT_PERIODS, "D7"),
    }),
    date: input({
      label: "Date",
      type: "string",
      required: false,
      example: "2024-05-01",
      comments:
        "One day (YYYY-MM-DD, within the last 30 days) instead of a period. Only the per-user and per-site detail reports take a date.",
      clean: dateInputClean,
    }),
    rawCsv: input({
      label: "Include Raw CSV",
      type: "boolean",
      required: false,
      default: "false",
      comments: "Also return the CSV text as Graph produced it.",
      clean: boolean("Include Raw CSV"),
    }),
  },
  perform: async (context, params) => {
    const { report, period, date } = params;
    if (date && !report.acceptsDate) throw new InputError("Date", `the ${report.name} report takes a period only, not a date`);
    const argument = date ? `date=${encodeSegment(date, "Date")}` : `period='${encodeSegment(period, "Period")}'`;
    const client = createGraphClient(params.connection, { logger: context.logger });
    const response = await client.request<string>({
      path: `/reports/${report.name}(${argument})`,
      responseType: "text",
      headers: { Accept: "text/csv, application/octet-stream" },
    });
    const { columns, rows } = csvToObjects(response.data);
    const result: UsageReportResult = { report: report.name, ...(date ? { date } : { period }), columns, rows };
    if (params.rawCsv) result.csv = response.data;
    return { data: result };
  },
  examplePayload: { data: usageReportExample },
});
