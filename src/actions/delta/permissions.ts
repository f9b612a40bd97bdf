import type { PermissionsOf } from "../../permissions/types";
import type delta from "./index";

/** Why the delegated permission of a users delta round is not the one Microsoft's table starts with. */
export const USERS_DELTA_NOTE =
  "Microsoft's table starts the delegated column at User.Read, which reaches only the signed-in user's own profile; a round over every user with the default Select (accountEnabled, createdDateTime) needs User.Read.All.";

export const deltaPermissions: PermissionsOf<typeof delta> = {
  usersDelta: { endpoints: ["GET /users/delta"], application: ["User.Read.All"], delegated: ["User.Read.All"], notes: USERS_DELTA_NOTE },
  groupsDelta: { endpoints: ["GET /groups/delta"], application: ["GroupMember.Read.All"], delegated: ["GroupMember.Read.All"] },
};
