import type { Router } from "../../kernel/router";
import { either } from "../../kernel/permissions";

// Microsoft's Permissions tables for the directory, least privileged first, then the higher ones they accept.
const DIRECTORY_READ = ["Directory.Read.All", "Directory.ReadWrite.All"];
const USER_READ_ALL = ["User.Read.All", "User.ReadWrite.All", ...DIRECTORY_READ];
const USER_WRITE = ["User.ReadWrite.All", "Directory.ReadWrite.All"];
const GROUP_READ = ["GroupMember.Read.All", "Group.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All", ...DIRECTORY_READ];
const GROUP_WRITE = ["Group.ReadWrite.All", "Directory.ReadWrite.All"];
const LICENSE_READ = [
  "LicenseAssignment.Read.All",
  "LicenseAssignment.ReadWrite.All",
  "Organization.Read.All",
  "Organization.ReadWrite.All",
  ...DIRECTORY_READ,
];
const ORGANIZATION_READ = ["Organization.Read.All", "Organization.ReadWrite.All", ...DIRECTORY_READ];
const PRESENCE_READ = ["Presence.Read.All", "Presence.ReadWrite.All"];

/** Users, groups, licences, presence, roles and the organization. Delta first: `/users/:id` would take "delta" for an id. */
export function registerDirectoryPermissions(router: Router): void {
  router.requirePermissions("GET", /^\/users\/(?:microsoft\.graph\.)?delta(?:\(\))?$/i, either(...USER_READ_ALL));
  router.requirePermissions("GET", /^\/groups\/(?:microsoft\.graph\.)?delta(?:\(\))?$/i, either(...GROUP_READ));

  router.requirePermissions("GET", "/users", { application: USER_READ_ALL, delegated: ["User.ReadBasic.All", ...USER_READ_ALL] });
  router.requirePermissions("POST", "/users", either(...USER_WRITE));
  router.requirePermissions("GET", "/users/:id", { application: USER_READ_ALL, delegated: ["User.ReadBasic.All", ...USER_READ_ALL] });
  // Enabling or disabling alone needs only User.EnableDisableAccount.All; the emulator does not tell the properties apart.
  router.requirePermissions("PATCH", "/users/:id", either("User.EnableDisableAccount.All", ...USER_WRITE));
  router.requirePermissions("DELETE", "/users/:id", either(...USER_WRITE));
  router.requirePermissions("POST", "/users/:id/revokeSignInSessions", {
    application: ["User.RevokeSessions.All"],
    delegated: ["User.RevokeSessions.All", ...USER_WRITE],
  });
  router.requirePermissions("GET", "/users/:id/manager", either(...USER_READ_ALL));
  router.requirePermissions("GET", "/users/:id/memberOf", {
    application: DIRECTORY_READ,
    delegated: ["GroupMember.Read.All", ...USER_READ_ALL],
  });
  // Microsoft lists no application permission here, yet app-only calls with User.Read.All are answered: so is the emulator.
  router.requirePermissions("GET", "/users/:id/licenseDetails", either("LicenseAssignment.Read.All", ...USER_READ_ALL));
  // App-only /me is Graph's 400, which the handler answers.
  router.requirePermissions("GET", "/me", { delegated: ["User.Read", "User.ReadBasic.All", ...USER_READ_ALL] });

  router.requirePermissions("GET", "/subscribedSkus", either(...LICENSE_READ));
  router.requirePermissions("POST", "/users/:id/assignLicense", either("LicenseAssignment.ReadWrite.All", ...USER_WRITE));

  router.requirePermissions("GET", "/groups", either(...GROUP_READ));
  router.requirePermissions("POST", "/groups", { application: ["Group.Create", ...GROUP_WRITE], delegated: GROUP_WRITE });
  router.requirePermissions("GET", "/groups/:id", either(...GROUP_READ));
  router.requirePermissions("PATCH", "/groups/:id", either(...GROUP_WRITE));
  router.requirePermissions("DELETE", "/groups/:id", either(...GROUP_WRITE));
  router.requirePermissions("GET", "/groups/:id/members", either(...GROUP_READ));
  router.requirePermissions("GET", "/groups/:id/transitiveMembers", either(...GROUP_READ));
  router.requirePermissions("POST", "/groups/:id/members/$ref", either("GroupMember.ReadWrite.All", ...GROUP_WRITE));
  router.requirePermissions("DELETE", "/groups/:id/members/:memberId/$ref", either("GroupMember.ReadWrite.All", ...GROUP_WRITE));

  router.requirePermissions("GET", "/users/:id/presence", { application: PRESENCE_READ, delegated: ["Presence.Read", ...PRESENCE_READ] });
  router.requirePermissions("GET", "/communications/presences/:id", either(...PRESENCE_READ));
  router.requirePermissions("POST", "/communications/getPresencesByUserId", either(...PRESENCE_READ));

  router.requirePermissions("GET", "/organization", { application: ORGANIZATION_READ, delegated: ["User.Read", ...ORGANIZATION_READ] });
  router.requirePermissions("GET", "/organization/:id", { application: ORGANIZATION_READ, delegated: ["User.Read", ...ORGANIZATION_READ] });
  router.requirePermissions(
    "GET",
    "/directoryRoles",
    either("RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory", ...DIRECTORY_READ),
  );
}
