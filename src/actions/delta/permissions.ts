import type { PermissionsOf } from "../../permissions/types";
import type delta from "./index";

export const deltaPermissions: PermissionsOf<typeof delta> = {
  usersDelta: { endpoints: ["GET /users/delta"], application: ["User.Read.All"], delegated: ["User.Read.All"] },
  groupsDelta: { endpoints: ["GET /groups/delta"], application: ["GroupMember.Read.All"], delegated: ["GroupMember.Read.All"] },
};
