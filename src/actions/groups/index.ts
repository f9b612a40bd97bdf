import { addGroupMember } from "./addGroupMember";
import { createGroup } from "./createGroup";
import { deleteGroup } from "./deleteGroup";
import { getGroup } from "./getGroup";
import { listGroupMembers } from "./listGroupMembers";
import { listGroups } from "./listGroups";
import { removeGroupMember } from "./removeGroupMember";
import { updateGroup } from "./updateGroup";

export default { listGroups, getGroup, createGroup, updateGroup, deleteGroup, listGroupMembers, addGroupMember, removeGroupMember };
