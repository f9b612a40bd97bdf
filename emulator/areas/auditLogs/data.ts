import type { DirectoryAudit, ProvisioningObjectSummary, SignIn, User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import { TENANT_ID } from "../directory/seed";
import { guidFrom, pick, seededRandom } from "../../kernel/random";

export type AuditLogName = "signIns" | "directoryAudits" | "provisioning";
export type SignInEventType = "interactiveUser" | "nonInteractiveUser" | "servicePrincipal" | "managedIdentity";

/** Beta sign-ins carry signInEventTypes; v1.0 answers strip it. */
export type EmulatedSignIn = SignIn & { signInEventTypes: SignInEventType[] };

export interface AuditLogs {
  signIns: EmulatedSignIn[];
  directoryAudits: DirectoryAudit[];
  provisioning: ProvisioningObjectSummary[];
  random: () => number;
  /** Sign-in logs need a Microsoft Entra ID P1 or P2 licence; false makes /auditLogs/signIns answer Graph's 403. */
  premiumLicense: boolean;
}

const STATE_KEY = "auditLogs";
/** Seeded events fall in the week before this instant, so runs are identical. */
const SEED_END = Date.UTC(2026, 0, 15, 12, 0, 0);
const SEED_EVENTS_PER_LOG = 60;

const APPS = [
  ["de8bc8b5-d9f9-48b1-a8ad-b748da725064", "Graph Explorer"],
  ["00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"],
  ["1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams"],
  ["89bee1f7-5e6e-4d8a-9f3d-ecd601259da7", "Office365 Shell WCSS-Client"],
] as const;
const CITIES = [
  ["Redmond", "Washington", "US"],
  ["London", "England", "GB"],
  ["Munich", "Bavaria", "DE"],
  ["Tokyo", "Tokyo", "JP"],
] as const;
const ACTIVITIES = [
  ["UserManagement", "Update user", "Update"],
  ["UserManagement", "Add user", "Add"],
  ["GroupManagement", "Add member to group", "Assign"],
  ["UserManagement", "Reset user password", "Update"],
  ["ApplicationManagement", "Consent to application", "Assign"],
] as const;

/** A DateTimeOffset as Graph writes log times: UTC with seven fractional digits. */
export function logTimestamp(epochMs: number, ticks = 0): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}${String(ticks % 10000).padStart(4, "0")}Z`;
}

/** Rewrites the unquoted date-time literals of a $filter into that form, so they compare with stored times as text. */
export function canonicalizeFilterTimes(filter: string): string {
  return filter
    .split(/('(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /\b(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2})?)?(\.\d+)?(Z|[+-]\d{2}:\d{2})?\b/gi,
            (text, date: string, time?: string, fraction?: string, zone?: string) => {
              const base = Date.parse(`${date}${time ?? "T00:00:00"}${zone ?? "Z"}`);
              if (Number.isNaN(base)) return text;
              const digits = (fraction ?? ".").slice(1).padEnd(7, "0").slice(0, 7);
              return `${new Date(Math.floor(base / 1000) * 1000).toISOString().slice(0, 19)}.${digits}Z`;
            },
          ),
    )
    .join("");
}

function signIn(random: () => number, user: User, createdDateTime: string, eventType: SignInEventType): EmulatedSignIn {
  const [appId, appDisplayName] = pick(random, APPS);
  const [city, state, countryOrRegion] = pick(random, CITIES);
  const failed = random() < 0.15;
  return {
    id: guidFrom(random),
    createdDateTime,
    userDisplayName: user.displayName ?? null,
    userPrincipalName: user.userPrincipalName ?? null,
    userId: user.id ?? undefined,
    appId,
    appDisplayName,
    ipAddress: `131.107.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
    clientAppUsed: eventType === "interactiveUser" ? "Browser" : "Mobile Apps and Desktop clients",
    correlationId: guidFrom(random),
    conditionalAccessStatus: "notApplied",
    isInteractive: eventType === "interactiveUser",
    riskDetail: "none",
    riskLevelAggregated: "none",
    riskLevelDuringSignIn: "none",
    riskState: "none",
    riskEventTypes_v2: [],
    resourceDisplayName: "Microsoft Graph",
    resourceId: "00000003-0000-0000-c000-000000000000",
    status: failed
      ? { errorCode: 50126, failureReason: "Error validating credentials due to invalid username or password.", additionalDetails: null }
      : { errorCode: 0, failureReason: "Other.", additionalDetails: null },
    deviceDetail: {
      deviceId: "",
      displayName: null,
      operatingSystem: "Windows 10",
      browser: "Edge 120.0.0",
      isCompliant: null,
      isManaged: null,
      trustType: null,
    },
    location: {
      city,
      state,
      countryOrRegion,
      geoCoordinates: { altitude: null, latitude: 47.68050003051758, longitude: -122.12094116210938 },
    },
    appliedConditionalAccessPolicies: [],
    signInEventTypes: [eventType],
  };
}

function directoryAudit(random: () => number, actor: User, target: User, activityDateTime: string): DirectoryAudit {
  const [category, activityDisplayName, operationType] = pick(random, ACTIVITIES);
  const correlationId = guidFrom(random);
  return {
    id: `Directory_${correlationId}_${Math.floor(random() * 1e9)}`,
    category,
    correlationId,
    result: "success",
    resultReason: "",
    activityDisplayName,
    activityDateTime,
    loggedByService: "Core Directory",
    operationType,
    initiatedBy: {
      app: null,
      user: { id: actor.id ?? null, displayName: null, userPrincipalName: actor.userPrincipalName ?? null, ipAddress: "127.0.0.1" },
    },
    targetResources: [
      {
        id: target.id ?? null,
        displayName: null,
        type: "User",
        userPrincipalName: target.userPrincipalName ?? null,
        groupType: null,
        modifiedProperties: [],
      },
    ],
    additionalDetails: [{ key: "UserType", value: target.userType ?? "Member" }],
  };
}

function provisioningEvent(random: () => number, user: User, activityDateTime: string): ProvisioningObjectSummary {
  const action = pick(random, ["create", "update", "delete", "disable"] as const);
  return {
    id: guidFrom(random),
    activityDateTime,
    changeId: guidFrom(random),
    cycleId: guidFrom(random),
    durationInMilliseconds: 100 + Math.floor(random() * 2000),
    initiatedBy: { id: "", displayName: "Azure AD Provisioning Service", initiatorType: "system" },
    jobId: `scim.${guidFrom(random).replace(/-/g, "")}.${TENANT_ID}`,
    modifiedProperties: [{ displayName: "accountEnabled", oldValue: null, newValue: String(user.accountEnabled ?? true) }],
    provisioningAction: action,
    provisioningStatusInfo: { status: "success", errorInformation: null },
    provisioningSteps: [
      {
        name: "EntryImportAdd",
        provisioningStepType: "import",
        status: "success",
        description: `Received User '${user.userPrincipalName ?? ""}' change from Azure Active Directory`,
        details: {},
      },
    ],
    servicePrincipal: { id: "72acf8c1-2bd6-4b27-8a2f-4d2f0c7e3e56", displayName: "Salesforce" },
    sourceIdentity: { id: user.id ?? null, displayName: user.displayName ?? null, identityType: "User", details: {} },
    sourceSystem: { id: "0d1f8ac5-8f5f-4e3d-9c38-4b8a7c1e2f3d", displayName: "Azure Active Directory", details: {} },
    targetIdentity: { id: `005B${Math.floor(random() * 1e10)}`, displayName: user.displayName ?? null, identityType: "User", details: {} },
    targetSystem: { id: "5a8e7f1b-3d4c-4e2a-9b6f-8c7d1e2f3a4b", displayName: "Salesforce", details: {} },
    tenantId: TENANT_ID,
  };
}

const SIGN_IN_TYPES: SignInEventType[] = [
  "interactiveUser",
  "interactiveUser",
  "nonInteractiveUser",
  "servicePrincipal",
  "managedIdentity",
];

/** The emulator's audit logs, seeded on first use from its directory. */
export function auditLogs(emulator: Emulator): AuditLogs {
  let logs = emulator.state.get(STATE_KEY) as AuditLogs | undefined;
  if (logs) return logs;
  const random = seededRandom(4242);
  const users = emulator.directory.users;
  logs = { signIns: [], directoryAudits: [], provisioning: [], random, premiumLicense: true };
  for (let i = 0; i < SEED_EVENTS_PER_LOG && users.length > 0; i++) {
    const at = SEED_END - Math.floor(random() * 7 * 86_400_000);
    const user = users[i % users.length];
    logs.signIns.push(signIn(random, user, logTimestamp(at, i), SIGN_IN_TYPES[i % SIGN_IN_TYPES.length]));
    logs.directoryAudits.push(directoryAudit(random, users[0], user, logTimestamp(at + 1234, i)));
    logs.provisioning.push(provisioningEvent(random, user, logTimestamp(at + 4321, i)));
  }
  emulator.state.set(STATE_KEY, logs);
  return logs;
}

export interface AppendOptions {
  /** Sign-ins only: the event type. Default interactiveUser. */
  signInEventType?: SignInEventType;
}

/** Adds `count` events to a log, all at the same time (ISO text, kept as given): events arriving late, or in a burst. */
export function appendAuditEvents(
  emulator: Emulator,
  log: AuditLogName,
  at: string,
  count = 1,
  options: AppendOptions = {},
): { id: string; time: string }[] {
  const logs = auditLogs(emulator);
  const users = emulator.directory.users;
  const added: { id: string; time: string }[] = [];
  for (let i = 0; i < count; i++) {
    const user = users[Math.floor(logs.random() * users.length)];
    const event =
      log === "signIns"
        ? signIn(logs.random, user, at, options.signInEventType ?? "interactiveUser")
        : log === "directoryAudits"
          ? directoryAudit(logs.random, users[0], user, at)
          : provisioningEvent(logs.random, user, at);
    (logs[log] as { id?: string | null }[]).push(event);
    added.push({ id: event.id as string, time: at });
  }
  return added;
}
