import type { Router } from "../../kernel/router";
import { either } from "../../kernel/permissions";

function readAndWrite(router: Router, family: string, read: string[], write: string[]): void {
  for (const path of read) router.requirePermissions("GET", path, either(`${family}.Read.All`, `${family}.ReadWrite.All`));
  for (const [method, path] of write.map((w) => w.split(" "))) router.requirePermissions(method, path, either(`${family}.ReadWrite.All`));
}

export function registerSecurityPermissions(router: Router): void {
  readAndWrite(
    router,
    "SecurityEvents",
    [
      "/security/alerts",
      "/security/alerts/:id",
      "/security/secureScores",
      "/security/secureScoreControlProfiles",
      "/security/secureScoreControlProfiles/:id",
    ],
    ["PATCH /security/alerts/:id"],
  );
  readAndWrite(
    router,
    "SecurityAlert",
    ["/security/alerts_v2", "/security/alerts_v2/:id"],
    ["PATCH /security/alerts_v2/:id", "POST /security/alerts_v2/:id/comments"],
  );
  readAndWrite(router, "SecurityIncident", ["/security/incidents", "/security/incidents/:id"], ["PATCH /security/incidents/:id"]);
}
