import type { Alert, SecureScore, SecureScoreControlProfile, SecurityNamespace, User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import { TENANT_ID } from "../directory/seed";
import { guidFrom, pick, seededRandom } from "../../kernel/random";
import { logTimestamp } from "../auditLogs/data";

export interface SecurityData {
  legacyAlerts: Alert[];
  alerts: SecurityNamespace.Alert[];
  incidents: SecurityNamespace.Incident[];
  secureScores: SecureScore[];
  controlProfiles: SecureScoreControlProfile[];
}

const STATE_KEY = "security";
const SEED_END = Date.UTC(2026, 0, 15, 12, 0, 0);
const DAY = 86_400_000;

const DETECTIONS = [
  ["Suspicious execution of hidden file", "DefenseEvasion", "microsoftDefenderForEndpoint", "antivirus", "T1564.001"],
  ["Impossible travel activity", "InitialAccess", "microsoftDefenderForCloudApps", "cloudAppSecurity", "T1078"],
  [
    "Email messages containing malicious URL removed after delivery",
    "InitialAccess",
    "microsoftDefenderForOffice365",
    "microsoftDefenderForOffice365",
    "T1566.002",
  ],
  ["Unfamiliar sign-in properties", "InitialAccess", "azureAdIdentityProtection", "azureAdIdentityProtection", "T1078"],
  [
    "Suspected brute-force attack (Kerberos, NTLM)",
    "CredentialAccess",
    "microsoftDefenderForIdentity",
    "microsoftDefenderForIdentity",
    "T1110",
  ],
] as const;
const SEVERITIES = ["informational", "low", "medium", "high"] as const;
const LEGACY_PROVIDERS = [
  ["MCAS", "Microsoft"],
  ["IPC", "Microsoft"],
  ["Azure Advanced Threat Protection", "Microsoft"],
  ["Office 365 Security and Compliance", "Microsoft"],
] as const;
const CONTROLS = [
  ["AdminMFAV2", "Identity", "Require MFA for administrative roles", "AzureAD", 10],
  ["MFARegistrationV2", "Identity", "Ensure all users can complete multifactor authentication", "AzureAD", 9],
  ["BlockLegacyAuthentication", "Identity", "Enable policy to block legacy authentication", "AzureAD", 8],
  ["SelfServicePasswordReset", "Identity", "Enable self-service password reset", "AzureAD", 1],
  ["mdo_safelinksforOfficeApps", "Apps", "Turn on Safe Links for Office applications", "MDO", 9],
  ["mdo_atpprotection", "Apps", "Turn on Microsoft Defender for Office 365 in SharePoint, OneDrive, and Microsoft Teams", "MDO", 8],
  ["scid_2000", "Device", "Turn on Microsoft Defender Antivirus real-time protection", "MDATP", 10],
  ["AuditLogSearch", "Data", "Turn on audit log search", "Exchange", 3],
] as const;

function webUrl(kind: "alerts" | "incidents", id: string): string {
  return `https://security.microsoft.com/${kind}/${id}?tid=${TENANT_ID}`;
}

/** The emulator's Microsoft 365 Defender and legacy security data, seeded on first use. */
export function securityData(emulator: Emulator): SecurityData {
  const existing = emulator.state.get(STATE_KEY) as SecurityData | undefined;
  if (existing) return existing;
  const random = seededRandom(777);
  const users = emulator.directory.users;
  const userAt = (i: number): User => (users.length > 0 ? users[i % users.length] : {});

  const incidents: SecurityNamespace.Incident[] = [];
  const alerts: SecurityNamespace.Alert[] = [];
  for (let i = 0; i < 12; i++) {
    const id = String(2972390 + i);
    const created = SEED_END - ((12 - i) * DAY) / 2;
    const severity = pick(random, SEVERITIES);
    incidents.push({
      id,
      incidentWebUrl: webUrl("incidents", id),
      redirectIncidentId: null,
      tenantId: TENANT_ID,
      displayName: `Multi-stage incident involving Initial access on ${1 + (i % 3)} endpoint(s)`,
      createdDateTime: logTimestamp(created, i),
      lastUpdateDateTime: logTimestamp(created + 3_600_000, i),
      assignedTo: i % 3 === 0 ? (userAt(i).userPrincipalName ?? null) : null,
      classification: "unknown",
      determination: "unknown",
      status: i % 4 === 3 ? "resolved" : "active",
      severity,
      customTags: [],
      comments: [],
      systemTags: [],
      description: null,
    });
    for (let j = 0; j < 2 + (i % 2); j++) {
      const [title, category, serviceSource, detectionSource, technique] = pick(random, DETECTIONS);
      const alertId = `da63755122767756${String(i).padStart(2, "0")}${j}_-${Math.floor(random() * 1e9)}`;
      const at = created - j * 600_000;
      alerts.push({
        id: alertId,
        providerAlertId: alertId,
        incidentId: id,
        status: i % 4 === 3 ? "resolved" : "new",
        severity,
        classification: "unknown",
        determination: "unknown",
        serviceSource,
        detectionSource,
        detectorId: guidFrom(random),
        tenantId: TENANT_ID,
        title,
        description: `${title}. Review the activity of ${userAt(i + j).displayName ?? "the user"}.`,
        recommendedActions: "Collect artifacts and determine scope.",
        category,
        assignedTo: null,
        alertWebUrl: webUrl("alerts", alertId),
        incidentWebUrl: webUrl("incidents", id),
        actorDisplayName: null,
        threatDisplayName: null,
        threatFamilyName: null,
        mitreTechniques: [technique],
        createdDateTime: logTimestamp(at, j),
        lastUpdateDateTime: logTimestamp(at + 60_000, j),
        resolvedDateTime: null,
        firstActivityDateTime: logTimestamp(at - 300_000),
        lastActivityDateTime: logTimestamp(at - 60_000),
        comments: [],
        evidence: [
          {
            "@odata.type": "#microsoft.graph.security.userEvidence",
            createdDateTime: logTimestamp(at, j),
            verdict: "suspicious",
            remediationStatus: "none",
            remediationStatusDetails: null,
            roles: [],
            tags: [],
            userAccount: {
              accountName: userAt(i + j).mailNickname ?? null,
              domainName: null,
              userSid: null,
              azureAdUserId: userAt(i + j).id ?? null,
              userPrincipalName: userAt(i + j).userPrincipalName ?? null,
              displayName: userAt(i + j).displayName ?? null,
            },
          } as SecurityNamespace.AlertEvidence,
        ],
        systemTags: [],
      });
    }
  }
  alerts.sort((a, b) => ((a.createdDateTime as string) < (b.createdDateTime as string) ? 1 : -1));
  incidents.reverse();

  const legacyAlerts: Alert[] = [];
  for (let i = 0; i < 15; i++) {
    const [provider, vendor] = LEGACY_PROVIDERS[i % LEGACY_PROVIDERS.length];
    const [title, category] = pick(random, DETECTIONS);
    const at = SEED_END - (i * DAY) / 3;
    const user = userAt(i);
    legacyAlerts.push({
      id: guidFrom(random).toUpperCase(),
      azureTenantId: TENANT_ID,
      azureSubscriptionId: null,
      category,
      createdDateTime: logTimestamp(at + 120_000, i),
      eventDateTime: logTimestamp(at, i),
      lastModifiedDateTime: logTimestamp(at + 120_000, i),
      title,
      description: `${title} for ${user.userPrincipalName ?? "a user"}.`,
      severity: pick(random, ["informational", "low", "medium", "high"] as const),
      status: "newAlert",
      feedback: null,
      assignedTo: null,
      comments: [],
      tags: [],
      closedDateTime: null,
      recommendedActions: [],
      userStates: [
        {
          aadUserId: user.id ?? null,
          userPrincipalName: user.userPrincipalName ?? null,
          logonIp: `131.107.${i}.${10 + i}`,
          logonLocation: "Redmond, US",
        },
      ],
      hostStates: [],
      vendorInformation: { provider, providerVersion: null, subProvider: null, vendor },
    });
  }

  const controlProfiles: SecureScoreControlProfile[] = CONTROLS.map(([id, controlCategory, title, service, maxScore], rank) => ({
    id,
    azureTenantId: TENANT_ID,
    actionType: "Config",
    actionUrl: "https://security.microsoft.com/securescore",
    controlCategory,
    title,
    deprecated: false,
    implementationCost: rank % 2 === 0 ? "Low" : "Moderate",
    lastModifiedDateTime: null,
    maxScore,
    rank: rank + 1,
    remediation: `${title}.`,
    remediationImpact: "Users may see a new prompt or policy.",
    service,
    threats: ["AccountBreach"],
    tier: "Core",
    userImpact: "Low",
    complianceInformation: [],
    controlStateUpdates: [],
    vendorInformation: { provider: "SecureScore", providerVersion: null, subProvider: null, vendor: "Microsoft" },
  }));

  const secureScores: SecureScore[] = [];
  for (let day = 0; day < 90; day++) {
    const date = new Date(SEED_END - day * DAY).toISOString().slice(0, 10);
    const controlScores = controlProfiles.map((c, i) => ({
      controlCategory: c.controlCategory ?? null,
      controlName: c.id ?? null,
      description: c.title ?? null,
      score: Math.max(0, (c.maxScore ?? 0) - ((day + i) % 4)),
    }));
    secureScores.push({
      id: `${TENANT_ID}_${date}`,
      azureTenantId: TENANT_ID,
      activeUserCount: users.length,
      createdDateTime: `${date}T15:20:16.3406944Z`,
      currentScore: controlScores.reduce((sum, c) => sum + (c.score ?? 0), 0),
      enabledServices: ["HasExchange", "HasSharePoint", "HasOD4B"],
      licensedUserCount: users.filter((u) => (u.assignedLicenses ?? []).length > 0).length,
      maxScore: controlProfiles.reduce((sum, c) => sum + (c.maxScore ?? 0), 0),
      averageComparativeScores: [
        { basis: "AllTenants", averageScore: 33.3 },
        { basis: "TotalSeats", averageScore: 38.5 },
      ],
      controlScores,
      vendorInformation: { provider: "SecureScore", providerVersion: null, subProvider: null, vendor: "Microsoft" },
    });
  }

  const data: SecurityData = { legacyAlerts, alerts, incidents, secureScores, controlProfiles };
  emulator.state.set(STATE_KEY, data);
  return data;
}
