import component from "../../src";
import { allPermissions, holdsGrant, permissionsFor } from "../../src/permissions";

interface Converted {
  examplePayload?: unknown;
}
const converted = component as unknown as {
  actions: Record<string, Converted>;
  triggers: Record<string, Converted>;
  dataSources: Record<string, Converted>;
};

const everyKey = [
  ...Object.keys(converted.actions).map((key) => ["action", key, converted.actions[key]] as const),
  ...Object.keys(converted.triggers).map((key) => ["trigger", key, converted.triggers[key]] as const),
  ...Object.keys(converted.dataSources).map((key) => ["data source", key, converted.dataSources[key]] as const),
];

// Graph permission names: User.Read.All, Group.Create, Group-NestingSupport.ReadWrite.All, RoleManagement.Read.Directory.
const PERMISSION_NAME = /^[A-Z][A-Za-z-]*(\.[A-Z][A-Za-z]*)+$/;

test.each(everyKey)("%s %s declares its permissions and has an example payload", (_type, key, definition) => {
  const permissions = permissionsFor(key);
  expect(permissions).toBeDefined();
  expect(definition?.examplePayload).toBeDefined();
  if (!permissions) return;
  for (const grant of [...permissions.application, ...permissions.delegated]) {
    for (const name of typeof grant === "string" ? [grant] : grant) expect(name).toMatch(PERMISSION_NAME);
  }
  // A call without a named permission must say why (the endpoint's own permission, not supported, no call).
  const silent = permissions.endpoints.length > 0 && (permissions.application.length === 0 || permissions.delegated.length === 0);
  if (silent) expect(permissions.notes?.length).toBeGreaterThan(20);
});

test("no permissions are recorded for a key the component does not have", () => {
  const keys = new Set(everyKey.map(([, key]) => key));
  expect(Object.keys(allPermissions).filter((key) => !keys.has(key))).toEqual([]);
});

test("the least-privileged permissions the docs name for the directory's core calls", () => {
  expect(permissionsFor("listUsers")).toMatchObject({ application: ["User.Read.All"], delegated: ["User.Read.All"] });
  expect(permissionsFor("enableUser")?.application).toEqual([["User.EnableDisableAccount.All", "User.Read.All"]]);
  expect(permissionsFor("listDirectoryAudits")?.application).toEqual([["AuditLog.Read.All", "Directory.Read.All"]]);
  expect(permissionsFor("listUserLicenseDetails")).toMatchObject({ application: [], delegated: ["LicenseAssignment.Read.All"] });
  expect(permissionsFor("checkConnection")).toMatchObject({ application: ["Organization.Read.All"], delegated: ["User.Read"] });
});

test("higher-privileged permissions count where Microsoft's docs accept them, and only there", () => {
  const held = (...names: string[]) => new Set(names);
  expect(holdsGrant(held("Directory.Read.All"), "User.Read.All", "application")).toBe(true);
  expect(holdsGrant(held("SecurityEvents.ReadWrite.All"), "SecurityEvents.Read.All", "application")).toBe(true);
  expect(holdsGrant(held("Group.ReadWrite.All"), "GroupMember.Read.All", "delegated")).toBe(true);
  expect(holdsGrant(held("User.Read.All"), "User.ReadWrite.All", "application")).toBe(false);
  expect(holdsGrant(held("AuditLog.Read.All"), ["AuditLog.Read.All", "Directory.Read.All"], "application")).toBe(false);
  expect(holdsGrant(held("AuditLog.Read.All", "Directory.ReadWrite.All"), ["AuditLog.Read.All", "Directory.Read.All"], "application")).toBe(
    true,
  );
  // Revoking sessions: User.ReadWrite.All stands in for delegated calls only.
  expect(holdsGrant(held("User.ReadWrite.All"), "User.RevokeSessions.All", "delegated")).toBe(true);
  expect(holdsGrant(held("User.ReadWrite.All"), "User.RevokeSessions.All", "application")).toBe(false);
});
