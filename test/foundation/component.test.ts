import component from "../../src";

interface ConvertedInput {
  key: string;
  label: string;
  comments?: string;
  type: string;
}
interface ConvertedAction {
  key: string;
  display: { label: string; description: string };
  inputs: ConvertedInput[];
  examplePayload?: unknown;
}

const converted = component as unknown as {
  key: string;
  display: { label: string; iconPath: string };
  connections: { key: string; inputs: ConvertedInput[]; oauth2Type: string }[];
  actions: Record<string, ConvertedAction>;
  triggers: Record<string, ConvertedAction>;
  dataSources: Record<string, ConvertedAction>;
};

/** The public interface: integrations depend on these keys. */
const PUBLIC_ACTIONS = [
  "rawRequest",
  "listUsers",
  "getUser",
  "createUser",
  "updateUser",
  "deleteUser",
  "enableUser",
  "disableUser",
  "revokeSignInSessions",
  "getManager",
  "listUserMemberOf",
  "listUserLicenseDetails",
  "listSubscribedSkus",
  "assignLicenses",
  "getPresence",
  "getPresences",
  "listGroups",
  "getGroup",
  "createGroup",
  "updateGroup",
  "deleteGroup",
  "listGroupMembers",
  "addGroupMember",
  "removeGroupMember",
  "getOrganization",
  "usersDelta",
  "groupsDelta",
  "listProvisioningAudits",
  "listDirectoryAudits",
  "listSignIns",
  "listAlerts",
  "getAlert",
  "updateAlert",
  "listAlertsV2",
  "getAlertV2",
  "updateAlertV2",
  "addAlertComment",
  "listIncidents",
  "getIncident",
  "updateIncident",
  "listSecureScores",
  "listSecureScoreControlProfiles",
  "getSecureScoreControlProfile",
  "getUsageReport",
  "listUserRegistrationDetails",
  "renewSubscription",
  "listSubscriptions",
  "batchRequest",
  "getUsersByIds",
  "assignLicensesBulk",
];

test("the component's key, label and icon", () => {
  expect(converted.key).toBe("ms-graph");
  expect(converted.display.label).toBe("Microsoft Graph API");
  expect(converted.display.iconPath).toBe("icon.png");
});

const NETWORK_INPUTS = ["caCertificate", "httpProxy", "verifySsl"];

test("every connection keeps its public key and inputs", () => {
  const byKey = Object.fromEntries(converted.connections.map((c) => [c.key, c]));
  const inputsOf = (key: string) => byKey[key]?.inputs.map((i) => i.key).sort();
  expect(Object.keys(byKey).sort()).toEqual(["certificateCredentials", "oauth", "oauthClientCredentials", "passwordGrant", "refreshToken"]);
  expect(inputsOf("oauth")).toEqual(
    ["authorizeUrl", "baseUrl", "clientId", "clientSecret", "scopes", "tokenUrl", ...NETWORK_INPUTS].sort(),
  );
  expect(inputsOf("oauthClientCredentials")).toEqual(
    ["baseUrl", "clientId", "clientSecret", "entraIdEndpoint", "scopes", "tenant", "tokenUrl", ...NETWORK_INPUTS].sort(),
  );
  const tenantApp = ["baseUrl", "clientId", "entraIdEndpoint", "scopes", "tenant", ...NETWORK_INPUTS];
  expect(inputsOf("certificateCredentials")).toEqual(
    [...tenantApp, "certificate", "certificateThumbprint", "publicCertificate", "privateKeyPassphrase"].sort(),
  );
  expect(inputsOf("passwordGrant")).toEqual([...tenantApp, "clientSecret", "username", "password"].sort());
  expect(inputsOf("refreshToken")).toEqual([...tenantApp, "clientSecret", "refreshToken"].sort());
  const verifySsl = byKey.certificateCredentials?.inputs.find((i) => i.key === "verifySsl") as ConvertedInput & { default: string };
  expect(verifySsl.default).toBe("true");
  const tokenUrl = byKey.oauthClientCredentials?.inputs.find((i) => i.key === "tokenUrl") as ConvertedInput & { default: string };
  expect(tokenUrl.type).toBe("template");
  expect(tokenUrl.default).toBe("{{#entraIdEndpoint}}/{{#tenant}}/oauth2/v2.0/token");
});

test("every public action key is present", () => {
  expect(Object.keys(converted.actions).sort()).toEqual(expect.arrayContaining([...PUBLIC_ACTIONS].sort()));
});

test("the triggers and data sources keep their public keys", () => {
  expect(Object.keys(converted.triggers).sort()).toEqual(["auditEvents", "changeNotifications", "groupChanges", "userChanges"]);
  expect(Object.keys(converted.dataSources).sort()).toEqual(["selectGroup", "selectReport", "selectSubscribedSku", "selectUser"]);
});

test("Raw Request keeps every input of Prismatic's Raw Request", () => {
  const keys = converted.actions.rawRequest?.inputs.map((i) => i.key);
  for (const key of [
    "connection",
    "apiVersion",
    "url",
    "method",
    "data",
    "formData",
    "fileData",
    "fileDataFileNames",
    "queryParams",
    "headers",
    "responseType",
    "timeout",
    "debugRequest",
    "retryDelayMS",
    "retryAllErrors",
    "maxRetries",
    "useExponentialBackoff",
  ]) {
    expect(keys).toContain(key);
  }
});

describe.each([
  ["action", converted.actions],
  ["trigger", converted.triggers],
  ["data source", converted.dataSources],
])("every %s", (_kind, entries) => {
  test.each(Object.keys(entries))("%s has a label, a description, an example payload and commented inputs", (key) => {
    const entry = entries[key];
    expect(entry.display.label.length).toBeGreaterThan(2);
    expect(entry.display.description.length).toBeGreaterThan(10);
    expect(entry.examplePayload).toBeDefined();
    for (const input of entry.inputs) {
      expect({ input: input.key, comments: (input.comments ?? "").length > 10 }).toEqual({ input: input.key, comments: true });
    }
  });
});
