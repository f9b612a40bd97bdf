import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, json, noContent } from "../../kernel/http";
import { badRequest, listCollection, notFound, parseSelect, selectProperties } from "../../kernel/odata/collection";
import { securityData } from "./data";

/**
 * microsoft.graph.security.alertDetermination as Graph's metadata defines it; the spellings on the "Update alert"
 * page (compromisedUser, clean, insufficientData, confirmedUserActivity) are refused like any unknown literal.
 */
const DETERMINATIONS = [
  "unknown",
  "apt",
  "malware",
  "securityPersonnel",
  "securityTesting",
  "unwantedSoftware",
  "other",
  "multiStagedAttack",
  "compromisedAccount",
  "phishing",
  "maliciousUserActivity",
  "notMalicious",
  "notEnoughDataToValidate",
  "confirmedActivity",
  "lineOfBusinessApplication",
] as const;

/** Graph's enum members for the fields the security PATCH endpoints accept. */
const ENUMS: Record<string, Record<string, readonly string[]>> = {
  legacyAlert: {
    status: ["unknown", "newAlert", "inProgress", "resolved", "dismissed"],
    feedback: ["unknown", "truePositive", "falsePositive", "benignPositive"],
  },
  alert: {
    status: ["unknown", "new", "inProgress", "resolved"],
    classification: ["unknown", "falsePositive", "truePositive", "informationalExpectedActivity"],
    determination: DETERMINATIONS,
  },
  incident: {
    status: ["active", "resolved", "inProgress", "redirected", "awaitingAction"],
    classification: ["unknown", "falsePositive", "truePositive", "informationalExpectedActivity"],
    determination: DETERMINATIONS,
  },
};

const EDITABLE: Record<string, readonly string[]> = {
  legacyAlert: ["assignedTo", "closedDateTime", "comments", "feedback", "status", "tags", "vendorInformation"],
  alert: ["assignedTo", "classification", "determination", "status"],
  incident: [
    "assignedTo",
    "classification",
    "determination",
    "status",
    "customTags",
    "description",
    "displayName",
    "severity",
    "resolvingComment",
    "summary",
  ],
};

const ENUM_TYPES: Record<string, string> = {
  legacyAlert: "microsoft.graph",
  alert: "microsoft.graph.security",
  incident: "microsoft.graph.security",
};

function entity(ctx: RequestContext, entitySet: string, item: object, extra: Record<string, unknown> = {}): Reply {
  const select = parseSelect(ctx);
  const context = `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#${entitySet}${select ? `(${select.join(",")})` : ""}/$entity`;
  return json(200, { "@odata.context": context, ...selectProperties(item, select), ...extra });
}

/** Checks a PATCH body against the fields and enum members Graph accepts; the error reply, or undefined when valid. */
function invalidPatch(ctx: RequestContext, kind: string): Reply | undefined {
  const body = ctx.body;
  if (!body || typeof body !== "object" || Array.isArray(body))
    return badRequest(ctx, "BadRequest", "Empty Payload. JSON content expected.");
  for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
    if (!(EDITABLE[kind] ?? []).includes(field))
      return badRequest(ctx, "BadRequest", `The property '${field}' does not exist on type or cannot be updated.`);
    const members = ENUMS[kind]?.[field];
    if (members && !(typeof value === "string" && members.includes(value))) {
      return badRequest(
        ctx,
        "BadRequest",
        `Cannot convert the literal '${String(value)}' to the expected type '${ENUM_TYPES[kind] ?? ""}.${kind === "incident" && field === "status" ? "incidentStatus" : `alert${field[0]?.toUpperCase() ?? ""}${field.slice(1)}`}'.`,
      );
    }
  }
  return undefined;
}

function alertsOf(ctx: RequestContext, incidentId: string | null | undefined) {
  return securityData(ctx.emulator).alerts.filter((a) => a.incidentId === incidentId);
}

function wantsAlerts(ctx: RequestContext): boolean {
  return (ctx.query.get("$expand") ?? "").split(",").some((e) => e.trim().toLowerCase() === "alerts");
}

export function registerSecurityRoutes(router: Router, _emulator: Emulator): void {
  // Legacy alerts (microsoft.graph.alert).
  router.graph("GET", "/security/alerts", (ctx) =>
    listCollection(ctx, securityData(ctx.emulator).legacyAlerts, { entitySet: "security/alerts", defaultTop: 1000, maxTop: 1000 }),
  );
  router.graph("GET", "/security/alerts/:id", (ctx) => {
    const alert = securityData(ctx.emulator).legacyAlerts.find((a) => a.id === ctx.params.id);
    return alert ? entity(ctx, "security/alerts", alert) : notFound(ctx, `Alert '${ctx.params.id ?? ""}' was not found.`, "NotFound");
  });
  router.graph("PATCH", "/security/alerts/:id", (ctx) => {
    const alert = securityData(ctx.emulator).legacyAlerts.find((a) => a.id === ctx.params.id);
    if (!alert) return notFound(ctx, `Alert '${ctx.params.id ?? ""}' was not found.`, "NotFound");
    const invalid = invalidPatch(ctx, "legacyAlert");
    if (invalid) return invalid;
    const body = ctx.body as Record<string, unknown>;
    const vendor = body.vendorInformation as { provider?: unknown; vendor?: unknown } | undefined;
    if (!vendor || vendor.provider !== alert.vendorInformation?.provider || vendor.vendor !== alert.vendorInformation?.vendor) {
      return badRequest(ctx, "BadRequest", "vendorInformation with the alert's provider and vendor is required.");
    }
    Object.assign(alert, body, { lastModifiedDateTime: new Date().toISOString() });
    const prefer = String(ctx.headers.prefer ?? "");
    return /return=representation/i.test(prefer) ? entity(ctx, "security/alerts", alert) : noContent();
  });

  // Microsoft 365 Defender alerts (microsoft.graph.security.alert).
  router.graph("GET", "/security/alerts_v2", (ctx) =>
    listCollection(ctx, securityData(ctx.emulator).alerts, { entitySet: "security/alerts_v2", defaultTop: 2000, maxTop: 2000 }),
  );
  router.graph("GET", "/security/alerts_v2/:id", (ctx) => {
    const alert = securityData(ctx.emulator).alerts.find((a) => a.id === ctx.params.id);
    return alert ? entity(ctx, "security/alerts_v2", alert) : notFound(ctx, `Alert '${ctx.params.id ?? ""}' was not found.`, "NotFound");
  });
  router.graph("PATCH", "/security/alerts_v2/:id", (ctx) => {
    const alert = securityData(ctx.emulator).alerts.find((a) => a.id === ctx.params.id);
    if (!alert) return notFound(ctx, `Alert '${ctx.params.id ?? ""}' was not found.`, "NotFound");
    const invalid = invalidPatch(ctx, "alert");
    if (invalid) return invalid;
    Object.assign(alert, ctx.body, { lastUpdateDateTime: new Date().toISOString() });
    if (alert.status === "resolved" && !alert.resolvedDateTime) alert.resolvedDateTime = new Date().toISOString();
    return entity(ctx, "security/alerts_v2", alert);
  });
  router.graph("POST", "/security/alerts_v2/:id/comments", (ctx) => {
    const alert = securityData(ctx.emulator).alerts.find((a) => a.id === ctx.params.id);
    if (!alert) return notFound(ctx, `Alert '${ctx.params.id ?? ""}' was not found.`, "NotFound");
    const comment = (ctx.body as { comment?: unknown } | undefined)?.comment;
    if (typeof comment !== "string" || comment.trim() === "") return badRequest(ctx, "BadRequest", "The comment is required.");
    const author =
      ctx.auth?.kind === "delegated" && ctx.auth.userId
        ? (ctx.emulator.directory.findUser(ctx.auth.userId)?.userPrincipalName ?? "user")
        : "Graph Emulator App";
    alert.comments = [...(alert.comments ?? []), { comment, createdByDisplayName: author, createdDateTime: new Date().toISOString() }];
    return json(200, {
      "@odata.context": `${ctx.url.origin}/${ctx.version ?? "v1.0"}/$metadata#security/alerts_v2('${alert.id ?? ""}')/comments`,
      value: alert.comments,
    });
  });

  // Incidents.
  router.graph("GET", "/security/incidents", (ctx) =>
    listCollection(ctx, securityData(ctx.emulator).incidents, {
      entitySet: "security/incidents",
      defaultTop: 50,
      maxTop: 50,
      decorate: (out, source) => {
        if (wantsAlerts(ctx)) out.alerts = alertsOf(ctx, (source as { id?: string }).id);
      },
    }),
  );
  router.graph("GET", "/security/incidents/:id", (ctx) => {
    const incident = securityData(ctx.emulator).incidents.find((i) => i.id === ctx.params.id);
    if (!incident) return notFound(ctx, `Incident '${ctx.params.id ?? ""}' was not found.`, "NotFound");
    return entity(ctx, "security/incidents", incident, wantsAlerts(ctx) ? { alerts: alertsOf(ctx, incident.id) } : {});
  });
  router.graph("PATCH", "/security/incidents/:id", (ctx) => {
    const incident = securityData(ctx.emulator).incidents.find((i) => i.id === ctx.params.id);
    if (!incident) return notFound(ctx, `Incident '${ctx.params.id ?? ""}' was not found.`, "NotFound");
    const invalid = invalidPatch(ctx, "incident");
    if (invalid) return invalid;
    Object.assign(incident, ctx.body, { lastUpdateDateTime: new Date().toISOString() });
    return entity(ctx, "security/incidents", incident);
  });

  // Secure Score.
  router.graph("GET", "/security/secureScores", (ctx) =>
    listCollection(ctx, securityData(ctx.emulator).secureScores, { entitySet: "security/secureScores", defaultTop: 90, maxTop: 1000 }),
  );
  router.graph("GET", "/security/secureScoreControlProfiles", (ctx) =>
    listCollection(ctx, securityData(ctx.emulator).controlProfiles, {
      entitySet: "security/secureScoreControlProfiles",
      defaultTop: 1000,
      maxTop: 1000,
    }),
  );
  router.graph("GET", "/security/secureScoreControlProfiles/:id", (ctx) => {
    const profile = securityData(ctx.emulator).controlProfiles.find((p) => p.id?.toLowerCase() === ctx.params.id?.toLowerCase());
    return profile
      ? entity(ctx, "security/secureScoreControlProfiles", profile)
      : notFound(ctx, `Control profile '${ctx.params.id ?? ""}' was not found.`, "NotFound");
  });
}
