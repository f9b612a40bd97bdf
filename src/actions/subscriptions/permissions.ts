import type { PermissionsOf } from "../../permissions/types";
import type subscriptions from "./index";

export const subscriptionsPermissions: PermissionsOf<typeof subscriptions> = {
  renewSubscription: {
    endpoints: ["GET /subscriptions/{id}", "PATCH /subscriptions/{id}"],
    application: [],
    delegated: [],
    notes: "The permission the subscription's resource needs, as when it was created (users: User.Read.All; groups: Group.Read.All).",
  },
  listSubscriptions: {
    endpoints: ["GET /subscriptions"],
    application: [],
    delegated: [],
    notes:
      "No permission of its own: app-only it lists this app's subscriptions, delegated the signed-in user's subscriptions for this app.",
  },
};
