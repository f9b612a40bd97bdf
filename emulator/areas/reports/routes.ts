import type { Emulator } from "../../kernel/server";
import type { PreAuthRequest } from "../../kernel/preAuthHost";
import type { RequestContext, Router } from "../../kernel/router";
import { type Reply, graphError } from "../../kernel/http";
import { badRequest, listCollection } from "../../kernel/odata/collection";
import { REPORT_COLUMNS, registrationDetails, reportCsv } from "./data";
import { auditLogs } from "../auditLogs/data";

const PERIODS = new Set(["D7", "D30", "D90", "D180"]);
/** Reports whose Microsoft Graph page also offers (date=YYYY-MM-DD): the per-user, per-group and per-site detail reports. */
export const DATED_REPORTS: ReadonlySet<string> = new Set([
  "getOffice365ActiveUserDetail",
  "getOffice365GroupsActivityDetail",
  "getM365AppUserDetail",
  "getEmailActivityUserDetail",
  "getEmailAppUsageUserDetail",
  "getOneDriveActivityUserDetail",
  "getOneDriveUsageAccountDetail",
  "getSharePointActivityUserDetail",
  "getSharePointSiteUsageDetail",
  "getTeamsUserActivityUserDetail",
  "getTeamsDeviceUsageUserDetail",
  "getYammerActivityUserDetail",
]);
const REPORT_FUNCTION = /^\/reports\/(?<name>get[A-Za-z0-9]+)\((?<argument>period|date)=(?<value>[^)]*)\)$/;

/** Download requests the pre-authenticated host received (reports and any other download). */
export function reportDownloads(emulator: Emulator): PreAuthRequest[] {
  return emulator.preAuth.requestsTo("/download/");
}

function usageReport(ctx: RequestContext): Reply {
  const { name = "", argument, value = "" } = ctx.params;
  if (!REPORT_COLUMNS[name]) return badRequest(ctx, "BadRequest", `Resource not found for the segment '${name}'.`);
  let reportPeriod: string;
  const today = new Date().toISOString().slice(0, 10);
  if (argument === "period") {
    const period = value.replace(/^'(.*)'$/, "$1");
    if (!PERIODS.has(period))
      return badRequest(
        ctx,
        "BadRequest",
        `Invalid value '${period}' for the parameter 'period'. The supported values are D7, D30, D90 and D180.`,
      );
    reportPeriod = period.slice(1);
  } else {
    if (!DATED_REPORTS.has(name)) return badRequest(ctx, "BadRequest", `The function '${name}' does not take a 'date' parameter.`);
    const day = Date.parse(`${value}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(day) ||
      day > Date.parse(`${today}T00:00:00Z`) ||
      day < Date.now() - 31 * 86_400_000
    ) {
      return badRequest(
        ctx,
        "BadRequest",
        `Invalid value '${value}' for the parameter 'date'. The date must be within the last 30 days, in the format YYYY-MM-DD.`,
      );
    }
    reportPeriod = "1";
  }
  const csv = reportCsv(name, ctx.emulator.directory.users, argument === "date" ? value : today, reportPeriod);
  const location = ctx.emulator.preAuth.createDownload(csv, { fileName: "report.csv", ttlMs: 5 * 60_000 });
  return { status: 302, headers: { Location: location } };
}

export function registerReportRoutes(router: Router, _emulator: Emulator): void {
  router.graph("GET", REPORT_FUNCTION, usageReport);
  router.graph("GET", "/reports/authenticationMethods/userRegistrationDetails", (ctx) => {
    // The authentication methods activity report, like the sign-in logs, needs Microsoft Entra ID P1 or P2.
    if (!auditLogs(ctx.emulator).premiumLicense) {
      return graphError(
        403,
        "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
        "Neither tenant is B2C or tenant doesn't have premium license",
        ctx.requestId,
      );
    }
    return listCollection(ctx, registrationDetails(ctx.emulator.directory.users), {
      entitySet: "reports/authenticationMethods/userRegistrationDetails",
      defaultTop: 999,
      maxTop: 999,
    });
  });
}
