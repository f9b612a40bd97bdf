/** Graph's enumerations for the security actions (microsoft.graph.security.* and the legacy microsoft.graph.alert). */

export const ALERT_V2_STATUSES = ["new", "inProgress", "resolved"] as const;

export const ALERT_CLASSIFICATIONS = ["unknown", "falsePositive", "truePositive", "informationalExpectedActivity"] as const;

export const ALERT_DETERMINATIONS = [
  "unknown",
  "apt",
  "malware",
  "securityPersonnel",
  "securityTesting",
  "unwantedSoftware",
  "other",
  "multiStagedAttack",
  "compromisedUser",
  "phishing",
  "maliciousUserActivity",
  "clean",
  "insufficientData",
  "confirmedUserActivity",
  "lineOfBusinessApplication",
] as const;

export const INCIDENT_STATUSES = ["active", "inProgress", "awaitingAction", "resolved", "redirected"] as const;

export const LEGACY_ALERT_STATUSES = ["unknown", "newAlert", "inProgress", "resolved"] as const;

export const LEGACY_ALERT_FEEDBACK = ["unknown", "truePositive", "falsePositive", "benignPositive"] as const;
