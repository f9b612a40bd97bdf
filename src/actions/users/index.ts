import { createUser } from "./createUser";
import { deleteUser } from "./deleteUser";
import { disableUser } from "./disableUser";
import { enableUser } from "./enableUser";
import { getManager } from "./getManager";
import { getUser } from "./getUser";
import { listUserLicenseDetails } from "./listUserLicenseDetails";
import { listUserMemberOf } from "./listUserMemberOf";
import { listUsers } from "./listUsers";
import { revokeSignInSessions } from "./revokeSignInSessions";
import { updateUser } from "./updateUser";

export default {
  listUsers,
  getUser,
  createUser,
  updateUser,
  deleteUser,
  enableUser,
  disableUser,
  revokeSignInSessions,
  getManager,
  listUserMemberOf,
  listUserLicenseDetails,
};
