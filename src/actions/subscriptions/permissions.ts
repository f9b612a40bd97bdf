import type { PermissionsOf } from "../../permissions/types";
import type subscriptions from "./index";

/**
 * Graph has no permission of its own for subscriptions: creating, reading, renewing and deleting one needs the read
 * permission of the subscribed resource ("Create subscription", "Permissions" table), so the lists stay empty and
 * the notes say which.
 */
export const RESOURCE_PERMISSION_NOTE =
  "The subscribed resource's own read permission: users User.Read.All; groups Group.Read.All; mail messages Mail.ReadBasic (Mail.ReadBasic.All for apps); drive items Files.Read.All; lists Sites.Read.All; Teams channel messages ChannelMessage.Read.All; legacy security alerts SecurityEvents.Read.All.";

function forResource(endpoints: string[], extra?: string) {
  return { endpoints, application: [], delegated: [], notes: extra ? `${RESOURCE_PERMISSION_NOTE} ${extra}` : RESOURCE_PERMISSION_NOTE };
}

export const subscriptionsPermissions: PermissionsOf<typeof subscriptions> = {
  createSubscription: forResource(["POST /subscriptions"], "Graph validates the notification URL before it answers."),
  getSubscription: forResource(["GET /subscriptions/{id}"]),
  updateSubscription: forResource(
    ["GET /subscriptions/{id}", "PATCH /subscriptions/{id}"],
    "Reads the subscription first when the expiration changes.",
  ),
  deleteSubscription: forResource(["DELETE /subscriptions/{id}"]),
  listSubscriptions: forResource(
    ["GET /subscriptions"],
    "App-only, Graph lists the subscriptions this app created; delegated, those the signed-in user created for this app.",
  ),
  renewSubscription: forResource(
    ["GET /subscriptions/{id}", "PATCH /subscriptions/{id}"],
    "Reads the subscription first to learn its resource's lifetime.",
  ),
  deleteInstanceSubscriptions: forResource(
    ["GET /subscriptions", "DELETE /subscriptions/{id}"],
    "Deletes each subscription that calls this instance.",
  ),
};
