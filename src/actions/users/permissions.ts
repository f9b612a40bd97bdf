import type { PermissionsOf } from "../../permissions/types";
import type users from "./index";

const DELEGATED_ROLE_NOTE =
  "Delegated: the signed-in user also needs a Microsoft Entra role that may change users, such as User Administrator; privileged administrators need a higher role.";

export const usersPermissions: PermissionsOf<typeof users> = {
  listUsers: {
    endpoints: ["GET /users"],
    application: ["User.Read.All"],
    delegated: ["User.Read.All"],
    notes:
      "User.ReadBasic.All (delegated) reads only id, displayName, givenName, surname, mail, photo and userPrincipalName, not the default Select.",
  },
  getUser: {
    endpoints: ["GET /users/{id | userPrincipalName}"],
    application: ["User.Read.All"],
    delegated: ["User.ReadBasic.All"],
    notes:
      "User.ReadBasic.All reads only id, displayName, givenName, surname, mail, photo and userPrincipalName; User.Read.All for the rest. User.Read is enough for the signed-in user.",
  },
  createUser: {
    endpoints: ["POST /users"],
    application: ["User.ReadWrite.All"],
    delegated: ["User.ReadWrite.All"],
    notes: DELEGATED_ROLE_NOTE,
  },
  updateUser: {
    endpoints: ["PATCH /users/{id}", "GET /users/{id}"],
    application: ["User.ReadWrite.All"],
    delegated: ["User.ReadWrite.All"],
    notes: DELEGATED_ROLE_NOTE,
  },
  deleteUser: {
    endpoints: ["DELETE /users/{id}"],
    application: ["User.ReadWrite.All"],
    delegated: ["User.ReadWrite.All"],
    notes: DELEGATED_ROLE_NOTE,
  },
  enableUser: {
    endpoints: ["PATCH /users/{id} (accountEnabled)", "GET /users/{id}"],
    application: [["User.EnableDisableAccount.All", "User.Read.All"]],
    delegated: [["User.EnableDisableAccount.All", "User.Read.All"]],
    notes: DELEGATED_ROLE_NOTE,
  },
  disableUser: {
    endpoints: ["PATCH /users/{id} (accountEnabled)", "GET /users/{id}"],
    application: [["User.EnableDisableAccount.All", "User.Read.All"]],
    delegated: [["User.EnableDisableAccount.All", "User.Read.All"]],
    notes: DELEGATED_ROLE_NOTE,
  },
  revokeSignInSessions: {
    endpoints: ["POST /users/{id}/revokeSignInSessions"],
    application: ["User.RevokeSessions.All"],
    delegated: ["User.RevokeSessions.All"],
    notes: DELEGATED_ROLE_NOTE,
  },
  getManager: {
    endpoints: ["GET /users/{id}/manager"],
    application: ["User.Read.All"],
    delegated: ["User.Read.All"],
  },
  listUserMemberOf: {
    endpoints: ["GET /users/{id}/memberOf"],
    application: ["Directory.Read.All"],
    delegated: ["User.Read.All"],
    notes: "User.Read is enough for the signed-in user. Objects of a type the app may not read come back with only id and @odata.type.",
  },
  listUserLicenseDetails: {
    endpoints: ["GET /users/{id}/licenseDetails"],
    application: [],
    delegated: ["LicenseAssignment.Read.All"],
    notes:
      "Microsoft lists no application permission for this call: with an app-only connection read assignedLicenses with Get User and match them against List Subscribed SKUs.",
  },
};
