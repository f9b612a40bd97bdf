import type { PermissionsOf } from "../../permissions/types";
import type groups from "./index";

const read = { application: ["GroupMember.Read.All"], delegated: ["GroupMember.Read.All"] };
const write = { application: ["Group.ReadWrite.All"], delegated: ["Group.ReadWrite.All"] };
const membership = {
  application: ["GroupMember.ReadWrite.All"],
  delegated: ["GroupMember.ReadWrite.All"],
  notes: "Delegated: the signed-in user must own the group or hold a role such as Groups Administrator.",
};

export const groupsPermissions: PermissionsOf<typeof groups> = {
  listGroups: { endpoints: ["GET /groups"], ...read },
  getGroup: { endpoints: ["GET /groups/{id}"], ...read },
  createGroup: { endpoints: ["POST /groups"], application: ["Group.Create"], delegated: ["Group.ReadWrite.All"] },
  updateGroup: { endpoints: ["PATCH /groups/{id}", "GET /groups/{id}"], ...write },
  deleteGroup: { endpoints: ["DELETE /groups/{id}"], ...write },
  listGroupMembers: { endpoints: ["GET /groups/{id}/members", "GET /groups/{id}/transitiveMembers"], ...read },
  addGroupMember: { endpoints: ["POST /groups/{id}/members/$ref"], ...membership },
  removeGroupMember: { endpoints: ["DELETE /groups/{id}/members/{memberId}/$ref"], ...membership },
};
