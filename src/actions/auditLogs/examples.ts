import type { DirectoryAudit, ProvisioningObjectSummary, SignIn } from "@microsoft/microsoft-graph-types";

const EXAMPLE_CHECKPOINT =
  "mgcp1.eyJmIjoic2lnbklucyIsInQiOiIyMDIwLTAzLTEzVDE5OjE1OjQxLjYxOTU4MzNaIiwicyI6eyIyMDIwLTAzLTEzVDE5OjE1OjQxLjYxOTU4MzNaIjpbIjY2ZWE1NGViLTYzMDEtNGVlNS1iZTYyLWZmNWE3NTliMDEwMCJdfX0.A4TtlZvEd_GmtUhC";

export const signInExample: SignIn = {
  id: "66ea54eb-6301-4ee5-be62-ff5a759b0100",
  createdDateTime: "2020-03-13T19:15:41.6195833Z",
  userDisplayName: "Test contoso",
  userPrincipalName: "testaccount1@contoso.com",
  userId: "26be570a-ae82-4189-b4e2-a37c6808512d",
  appId: "de8bc8b5-d9f9-48b1-a8ad-b748da725064",
  appDisplayName: "Graph Explorer",
  ipAddress: "131.107.159.37",
  clientAppUsed: "Browser",
  correlationId: "d79f5bee-5860-4832-928f-3133e22ae912",
  conditionalAccessStatus: "notApplied",
  isInteractive: true,
  riskDetail: "none",
  riskLevelAggregated: "none",
  riskLevelDuringSignIn: "none",
  riskState: "none",
  riskEventTypes_v2: [],
  resourceDisplayName: "Microsoft Graph",
  resourceId: "00000003-0000-0000-c000-000000000000",
  status: { errorCode: 0, failureReason: "Other.", additionalDetails: null },
  deviceDetail: {
    deviceId: "",
    displayName: null,
    operatingSystem: "Windows 10",
    browser: "Edge 80.0.361",
    isCompliant: null,
    isManaged: null,
    trustType: null,
  },
  location: {
    city: "Redmond",
    state: "Washington",
    countryOrRegion: "US",
    geoCoordinates: { altitude: null, latitude: 47.68050003051758, longitude: -122.12094116210938 },
  },
  appliedConditionalAccessPolicies: [],
};

export const directoryAuditExample: DirectoryAudit = {
  id: "Directory_ce4a5b5a-4a4f-4bff-9e8a-3b4f1c5f5d71_XJ2NN_362452851",
  category: "UserManagement",
  correlationId: "ce4a5b5a-4a4f-4bff-9e8a-3b4f1c5f5d71",
  result: "success",
  resultReason: "",
  activityDisplayName: "Update user",
  activityDateTime: "2018-01-09T21:20:02.7215374Z",
  loggedByService: "Core Directory",
  operationType: "Update",
  initiatedBy: {
    app: null,
    user: { id: "728309ae-9ef6-4d1b-8a0e-2cf3d1ab13c4", displayName: null, userPrincipalName: "admin@contoso.com", ipAddress: "127.0.0.1" },
  },
  targetResources: [
    {
      id: "ef7e527d-6c92-4234-8c6d-cf6fdfb57f95",
      displayName: null,
      type: "User",
      userPrincipalName: "johndoe@contoso.com",
      groupType: null,
      modifiedProperties: [{ displayName: "AccountEnabled", oldValue: "[true]", newValue: "[false]" }],
    },
  ],
  additionalDetails: [{ key: "UserType", value: "Member" }],
};

export const provisioningExample: ProvisioningObjectSummary = {
  id: "75b5b0ae-9fc5-8d0e-e0a9-7y6a4728de56",
  activityDateTime: "2019-04-24T00:53:07.1960839Z",
  changeId: "eaad2f8b-e6e3-409b-83bd-e4e2e57177d5",
  cycleId: "44576a50-8cbe-4d51-bd88-6a4bd8a1ab5b",
  durationInMilliseconds: 703,
  initiatedBy: { id: "", displayName: "Azure AD Provisioning Service", initiatorType: "system" },
  jobId: "scim.a5b2b85f76d148ef9ff0b3bbd8ce1f44.3b9f5ad1-5d3b-4ae2-9c3c-6d4b2a2f5c4e",
  modifiedProperties: [{ displayName: "accountEnabled", oldValue: null, newValue: "True" }],
  provisioningAction: "update",
  provisioningStatusInfo: { status: "success", errorInformation: null },
  provisioningSteps: [
    {
      name: "EntryImportAdd",
      provisioningStepType: "import",
      status: "success",
      description: "Received User 'johndoe@contoso.com' change of type (Add) from Azure Active Directory",
      details: {},
    },
  ],
  servicePrincipal: { id: "72acf8c1-2bd6-4b27-8a2f-4d2f0c7e3e56", displayName: "Salesforce" },
  sourceIdentity: { id: "ef7e527d-6c92-4234-8c6d-cf6fdfb57f95", displayName: "John Doe", identityType: "User", details: {} },
  sourceSystem: { id: "0d1f8ac5-8f5f-4e3d-9c38-4b8a7c1e2f3d", displayName: "Azure Active Directory", details: {} },
  targetIdentity: { id: "005B0000003gm7VIAQ", displayName: "John Doe", identityType: "User", details: {} },
  targetSystem: { id: "5a8e7f1b-3d4c-4e2a-9b6f-8c7d1e2f3a4b", displayName: "Salesforce", details: {} },
  tenantId: "74beb175-6a8f-4f8f-9c9b-2d8f1e3a4b5c",
};

/** The audit log actions' result: the events (oldest first) and where to continue. */
export function feedExample<T>(event: T) {
  return { data: { value: [event], checkpoint: EXAMPLE_CHECKPOINT, moreAvailable: false } };
}
