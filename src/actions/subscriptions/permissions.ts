import type { PermissionsMap } from "../../permissions/types";

/**
 * Graph has no permission of its own for subscriptions: creating, reading, renewing and deleting one needs the read
 * permission of the subscribed resource ("Create subscription", "Permissions" table).
 */
const RESOURCE_PERMISSION_NOTE =
  "The subscribed resource's own read permission: users User.Read.All; groups Group.Read.All; mail messages Mail.ReadBasic (Mail.ReadBasic.All for apps); drive items Files.Read.All (delegated) or Files.Read.All (application); lists Sites.Read.All; Teams channel messages ChannelMessage.Read.All; security alerts SecurityEvents.Read.All.";

function forResource(endpoint: string, extra?: string) {
  return {
    endpoints: [endpoint],
    application: ["User.Read.All", "Group.Read.All", "Mail.ReadBasic.All", "Files.Read.All", "Sites.Read.All", "ChannelMessage.Read.All"],
    delegated: ["User.Read.All", "Group.Read.All", "Mail.ReadBasic", "Files.Read.All", "Sites.Read.All", "ChannelMessage.Read.All"],
    notes: extra ? `${RESOURCE_PERMISSION_NOTE} ${extra}` : RESOURCE_PERMISSION_NOTE,
  };
}

export const subscriptionPermissions: PermissionsMap = {
  createSubscription: forResource("POST /subscriptions", "Graph validates the notification URL before it answers."),
  getSubscription: forResource("GET /subscriptions/{id}"),
  updateSubscription: forResource(
    "PATCH /subscriptions/{id}",
    "Reads the subscription first (GET /subscriptions/{id}) when the expiration changes.",
  ),
  deleteSubscription: forResource("DELETE /subscriptions/{id}"),
  listSubscriptions: forResource(
    "GET /subscriptions",
    "With application permissions Graph lists the subscriptions this app created; delegated, those the signed-in user created.",
  ),
  renewSubscription: forResource("PATCH /subscriptions/{id}", "Reads the subscription first to learn its resource's lifetime."),
  deleteInstanceSubscriptions: forResource(
    "GET /subscriptions",
    "Then DELETE /subscriptions/{id} for each subscription calling this instance.",
  ),
};
