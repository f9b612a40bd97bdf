import type { PermissionsOf } from "../../permissions/types";
import type connection from "./index";

export const connectionPermissions: PermissionsOf<typeof connection> = {
  checkConnection: {
    endpoints: ["GET /organization?$select=id (app-only)", "GET /me?$select=id (delegated)"],
    application: ["Organization.Read.All"],
    delegated: ["User.Read"],
    notes: "Without it the check still runs: its call then answers 403, which proves the token is accepted.",
  },
};
