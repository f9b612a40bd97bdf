import type { Router } from "../../kernel/router";
import { either } from "../../kernel/permissions";

/** Directory audits and provisioning logs need both permissions together; sign-ins take Directory.Read.All as the higher one. */
export function registerAuditLogPermissions(router: Router): void {
  const both = either(["AuditLog.Read.All", "Directory.Read.All"]);
  const signIns = either("AuditLog.Read.All", "Directory.Read.All");
  for (const [log, permissions] of [
    ["directoryAudits", both],
    ["provisioning", both],
    ["signIns", signIns],
  ] as const) {
    router.requirePermissions("GET", `/auditLogs/${log}`, permissions);
    router.requirePermissions("GET", `/auditLogs/${log}/:id`, permissions);
  }
}
