import type { PermissionsOf } from "../../permissions/types";
import type raw from "./index";

export const rawPermissions: PermissionsOf<typeof raw> = {
  rawRequest: {
    endpoints: ["any Graph call"],
    application: [],
    delegated: [],
    notes: "The permission of the endpoint called: see the Permissions table on its page in Microsoft's Graph reference.",
  },
};
