import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { type Reply, graphError } from "../../kernel/http";
import { badRequest, listCollection } from "../../kernel/odata/collection";
import { REPORT_COLUMNS, registrationDetails, reportCsv } from "./data";
import { auditLogs } from "../auditLogs/data";

/** A request the report download host received, for tests to inspect. */
export interface DownloadRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

interface DownloadHost {
  url: string;
  files: Map<string, string>;
  requests: DownloadRequest[];
}

const HOST_KEY = "reports.downloadHost";
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
export const REPORT_FUNCTION = /^\/reports\/(?<name>get[A-Za-z0-9]+)\((?<argument>period|date)=(?<value>[^)]*)\)$/;

/**
 * The pre-authenticated download host, a second server on another port (another origin, as Graph's reports
 * host is another domain). Started on the first report request; stopped with the emulator.
 */
async function downloadHost(emulator: Emulator): Promise<DownloadHost> {
  const existing = emulator.state.get(HOST_KEY) as Promise<DownloadHost> | undefined;
  if (existing) return existing;
  const starting = new Promise<DownloadHost>((resolve) => {
    const files = new Map<string, string>();
    const requests: DownloadRequest[] = [];
    const server = http.createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      requests.push({ method: req.method ?? "GET", path, headers: req.headers });
      const csv = files.get(path.split("/").pop() ?? "");
      if (!csv) {
        res.writeHead(404, { "Content-Type": "text/plain" });
        res.end("The download link has expired or is not valid.");
        return;
      }
      res.writeHead(200, {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": "attachment; filename=report.csv",
        "Content-Length": Buffer.byteLength(csv),
      });
      res.end(csv);
    });
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, files, requests });
    });
    emulator.onClose(
      () =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
    );
  });
  emulator.state.set(HOST_KEY, starting);
  return starting;
}

/** Requests the report download host received (empty before the first report). */
export async function reportDownloads(emulator: Emulator): Promise<DownloadRequest[]> {
  return emulator.state.has(HOST_KEY) ? (await downloadHost(emulator)).requests : [];
}

async function usageReport(ctx: RequestContext): Promise<Reply> {
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
  const host = await downloadHost(ctx.emulator);
  const token = randomUUID();
  host.files.set(token, reportCsv(name, ctx.emulator.directory.users, argument === "date" ? value : today, reportPeriod));
  return { status: 302, headers: { Location: `${host.url}/data/download/${token}` } };
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
