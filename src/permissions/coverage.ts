import type { TokenClaims } from "../graph";
import { formatGrants, holdsGrant } from "./grants";
import type { PermissionKind } from "./denied";
import type { ActionPermissions, PermissionsMap } from "./types";

/**
 * granted: the token holds what the docs name (or a higher permission); missing: it does not;
 * seeNotes: Microsoft names no permission of this kind (it depends on the call, or the kind is not supported);
 * noneNeeded: no Graph call; unknown: the token's claims could not be read.
 */
export type CoverageStatus = "granted" | "missing" | "seeNotes" | "noneNeeded" | "unknown";

export interface Coverage {
  key: string;
  type: "action" | "trigger" | "dataSource";
  status: CoverageStatus;
  /** What this kind of connection needs, as the docs write it ("AuditLog.Read.All and Directory.Read.All"). */
  needs: string;
  notes?: string;
}

export function coverageOf(permissions: ActionPermissions, kind: PermissionKind, held: ReadonlySet<string> | undefined): CoverageStatus {
  if (permissions.endpoints.length === 0) return "noneNeeded";
  const grants = permissions[kind];
  if (grants.length === 0) return "seeNotes";
  if (!held) return "unknown";
  return grants.some((grant) => holdsGrant(held, grant, kind)) ? "granted" : "missing";
}

/** For each key of each map: whether a token of `kind` holding these claims may run it. */
export function coverageReport(
  maps: { type: Coverage["type"]; permissions: PermissionsMap }[],
  kind: PermissionKind,
  claims: TokenClaims | undefined,
): Coverage[] {
  const held = claims && new Set(kind === "application" ? claims.roles : claims.scopes);
  return maps.flatMap(({ type, permissions }) =>
    Object.entries(permissions).map(([key, p]) => ({
      key,
      type,
      status: coverageOf(p, kind, held),
      needs: p[kind].length > 0 ? formatGrants(p[kind]) : "",
      ...(p.notes ? { notes: p.notes } : {}),
    })),
  );
}
