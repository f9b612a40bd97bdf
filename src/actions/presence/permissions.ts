import type { PermissionsOf } from "../../permissions/types";
import type presence from "./index";

const TEAMS_NOTE = "The users must be Microsoft Teams users (a Teams licence).";

export const presencePermissions: PermissionsOf<typeof presence> = {
  getPresence: {
    endpoints: ["GET /users/{id}/presence"],
    application: ["Presence.Read.All"],
    delegated: ["Presence.Read.All"],
    notes: `Presence.Read is enough for the signed-in user. ${TEAMS_NOTE}`,
  },
  getPresences: {
    endpoints: ["POST /communications/getPresencesByUserId"],
    application: ["Presence.Read.All"],
    delegated: ["Presence.Read.All"],
    notes: TEAMS_NOTE,
  },
};
