/** Graph's enumerations for the security actions (microsoft.graph.security.* and the legacy microsoft.graph.alert). */

export const ALERT_V2_STATUSES = ["new", "inProgress", "resolved"] as const;

export const ALERT_CLASSIFICATIONS = ["unknown", "falsePositive", "truePositive", "informationalExpectedActivity"] as const;

/** microsoft.graph.security.alertDetermination as Graph's metadata defines it (the alert resource's table). */
export const ALERT_DETERMINATIONS = [
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

/**
 * The names Microsoft's "Update alert" page lists for four members, which Graph's metadata does not have (Graph
 * refuses them): accepted and sent as the member Graph knows.
 */
export const ALERT_DETERMINATION_ALIASES: Readonly<Record<string, (typeof ALERT_DETERMINATIONS)[number]>> = {
  compromisedUser: "compromisedAccount",
  clean: "notMalicious",
  insufficientData: "notEnoughDataToValidate",
  confirmedUserActivity: "confirmedActivity",
};

export const INCIDENT_STATUSES = ["active", "inProgress", "awaitingAction", "resolved", "redirected"] as const;

export const LEGACY_ALERT_STATUSES = ["unknown", "newAlert", "inProgress", "resolved"] as const;

export const LEGACY_ALERT_FEEDBACK = ["unknown", "truePositive", "falsePositive", "benignPositive"] as const;
