import type { Alert, SecureScore, SecureScoreControlProfile } from "@microsoft/microsoft-graph-types";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import type { GraphCollection } from "../../graph";
import type { FetchAllPayload } from "./list";

export const alertV2Example: SecurityNamespace.Alert = {
  id: "da637551227677560813_-961444813",
  providerAlertId: "da637551227677560813_-961444813",
  incidentId: "28282",
  status: "new",
  severity: "low",
  classification: "unknown",
  determination: "unknown",
  serviceSource: "microsoftDefenderForEndpoint",
  detectionSource: "antivirus",
  detectorId: "e0da400f-affd-43ef-b1d5-afc2eb6f2756",
  tenantId: "b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c",
  title: "Suspicious execution of hidden file",
  description: "A hidden file has been launched. This activity could indicate a compromised host.",
  recommendedActions: "Collect artifacts and determine scope.",
  category: "DefenseEvasion",
  assignedTo: null,
  alertWebUrl: "https://security.microsoft.com/alerts/da637551227677560813_-961444813?tid=b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c",
  incidentWebUrl: "https://security.microsoft.com/incidents/28282?tid=b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c",
  actorDisplayName: null,
  threatDisplayName: null,
  threatFamilyName: null,
  mitreTechniques: ["T1564.001"],
  createdDateTime: "2021-04-27T12:19:27.7211305Z",
  lastUpdateDateTime: "2021-05-02T14:19:01.3266667Z",
  resolvedDateTime: null,
  firstActivityDateTime: "2021-04-26T07:45:50.116Z",
  lastActivityDateTime: "2021-05-02T07:56:58.222Z",
  comments: [],
  evidence: [],
  systemTags: [],
};

export const incidentExample: SecurityNamespace.Incident = {
  id: "2972395",
  incidentWebUrl: "https://security.microsoft.com/incidents/2972395?tid=12f988bf-16f1-11af-11ab-1d7cd011db47",
  redirectIncidentId: null,
  tenantId: "b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c",
  displayName: "Multi-stage incident involving Initial access & Command and control on multiple endpoints reported by multiple sources",
  createdDateTime: "2021-08-13T08:43:35.5533333Z",
  lastUpdateDateTime: "2021-09-30T09:35:45.1133333Z",
  assignedTo: "KaiC@contoso.onmicrosoft.com",
  classification: "truePositive",
  determination: "multiStagedAttack",
  status: "active",
  severity: "medium",
  customTags: ["Demo"],
  comments: [
    { comment: "Demo incident", createdByDisplayName: "DavidS@contoso.onmicrosoft.com", createdDateTime: "2021-09-30T12:07:37.2756993Z" },
  ],
  systemTags: ["Defender Experts"],
  description: "Microsoft observed Raspberry Robin worm activity spreading through infected USB on multiple devices in your environment.",
};

export const legacyAlertExample: Alert = {
  id: "6C9C3B6D-8F2E-4E0B-9A43-1D8F0B2C7E11",
  azureTenantId: "b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c",
  azureSubscriptionId: null,
  category: "ImpossibleTravel",
  createdDateTime: "2024-03-11T09:18:22.1234567Z",
  eventDateTime: "2024-03-11T09:10:05.0000000Z",
  lastModifiedDateTime: "2024-03-11T09:18:22.1234567Z",
  title: "Impossible travel activity",
  description: "The user signed in from two distant locations within a short time.",
  severity: "medium",
  status: "newAlert",
  feedback: null,
  assignedTo: null,
  comments: [],
  tags: [],
  closedDateTime: null,
  recommendedActions: [],
  userStates: [
    {
      aadUserId: "26be570a-ae82-4189-b4e2-a37c6808512d",
      userPrincipalName: "testaccount1@contoso.com",
      logonIp: "131.107.159.37",
      logonLocation: "Redmond, US",
    },
  ],
  hostStates: [],
  vendorInformation: { provider: "MCAS", providerVersion: null, subProvider: null, vendor: "Microsoft" },
};

export const secureScoreExample: SecureScore = {
  id: "00000001-0001-0001-0001-000000000001_2019-03-19",
  azureTenantId: "00000001-0001-0001-0001-000000000001",
  activeUserCount: 34,
  createdDateTime: "2019-03-19T15:20:16.3406944Z",
  currentScore: 142,
  enabledServices: ["HasExchange", "HasSharePoint", "HasOD4B"],
  licensedUserCount: 101,
  maxScore: 290,
  averageComparativeScores: [
    { basis: "AllTenants", averageScore: 33.3 },
    { basis: "TotalSeats", averageScore: 38.5 },
  ],
  controlScores: [
    { controlCategory: "Identity", controlName: "AdminMFAV2", description: "Require MFA for administrative roles", score: 10 },
  ],
  vendorInformation: { provider: "SecureScore", providerVersion: null, subProvider: null, vendor: "Microsoft" },
};

export const controlProfileExample: SecureScoreControlProfile = {
  id: "AdminMFAV2",
  azureTenantId: "00000001-0001-0001-0001-000000000001",
  actionType: "Config",
  actionUrl: "https://portal.azure.com/#blade/Microsoft_AAD_IAM/ConditionalAccessBlade/Policies",
  controlCategory: "Identity",
  title: "Require MFA for administrative roles",
  deprecated: false,
  implementationCost: "Low",
  lastModifiedDateTime: null,
  maxScore: 10,
  rank: 1,
  remediation: "Create a Conditional Access policy that requires multifactor authentication for administrative roles.",
  remediationImpact: "Administrators are prompted for a second factor at sign-in.",
  service: "AzureAD",
  threats: ["AccountBreach", "ElevationOfPrivilege"],
  tier: "Core",
  userImpact: "Low",
  complianceInformation: [],
  controlStateUpdates: [],
  vendorInformation: { provider: "SecureScore", providerVersion: null, subProvider: null, vendor: "Microsoft" },
};

/** A list action's example: one page as Graph answers it. */
export function pageExample<T>(item: T, entitySet: string): { data: GraphCollection<T> | FetchAllPayload<T> } {
  return { data: { "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#${entitySet}`, value: [item] } };
}
