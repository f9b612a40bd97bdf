import type { Router } from "../../kernel/router";
import { either } from "../../kernel/permissions";
import { REPORT_FUNCTION } from "./routes";

export function registerReportPermissions(router: Router): void {
  router.requirePermissions("GET", REPORT_FUNCTION, either("Reports.Read.All"));
  router.requirePermissions("GET", "/reports/authenticationMethods/userRegistrationDetails", either("AuditLog.Read.All"));
}
