import type { Presence, User } from "@microsoft/microsoft-graph-types";
import type { Emulator } from "../../kernel/server";
import type { RequestContext, Router } from "../../kernel/router";
import { Reply, json } from "../../kernel/http";
import { badRequest } from "../../kernel/odata/collection";
import { isReply, objectBody, serviceRoot, userNotFound } from "./users";

/** Graph's limit on ids per getPresencesByUserId call. */
export const MAX_PRESENCE_IDS = 650;

const STATES: readonly [string, string][] = [
  ["Available", "Available"],
  ["Busy", "InACall"],
  ["Busy", "InAMeeting"],
  ["Away", "Away"],
  ["BeRightBack", "BeRightBack"],
  ["DoNotDisturb", "Presenting"],
  ["Offline", "OffWork"],
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable presence per user, derived from the user id; disabled accounts are offline. */
export function presenceOf(user: User): Presence {
  const id = user.id as string;
  const hash = [...id].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const [availability, activity] = user.accountEnabled === false ? ["Offline", "Offline"] : STATES[hash % STATES.length];
  return {
    id,
    availability,
    activity,
    statusMessage: null,
    outOfOfficeSettings: { message: null, isOutOfOffice: activity === "OffWork" && hash % 2 === 0 },
  };
}

/** Presence is addressed by object id only; a userPrincipalName is not accepted. */
function presenceUser(ctx: RequestContext, id: string): User | Reply {
  if (!GUID.test(id)) return badRequest(ctx, "BadRequest", `The provided user id '${id}' is not a valid GUID.`);
  return ctx.emulator.directory.findUser(id) ?? userNotFound(ctx, id);
}

function getPresence(ctx: RequestContext): Reply {
  const user = presenceUser(ctx, ctx.params.id);
  if (isReply(user)) return user;
  return json(200, {
    "@odata.context": `${serviceRoot(ctx)}/$metadata#users('${user.id as string}')/presence/$entity`,
    ...presenceOf(user),
  });
}

function getPresencesByUserId(ctx: RequestContext): Reply {
  const body = objectBody(ctx);
  if (isReply(body)) return body;
  const ids = body.ids;
  if (!Array.isArray(ids) || ids.length === 0)
    return badRequest(ctx, "BadRequest", "The ids parameter is required and must be a non-empty array of user ids.");
  if (ids.length > MAX_PRESENCE_IDS)
    return badRequest(ctx, "BadRequest", `The number of ids (${ids.length}) exceeds the maximum of ${MAX_PRESENCE_IDS}.`);
  const bad = ids.find((id) => typeof id !== "string" || !GUID.test(id));
  if (bad !== undefined) return badRequest(ctx, "BadRequest", `The provided user id '${String(bad)}' is not a valid GUID.`);
  const value = (ids as string[]).map((id) => {
    const user = ctx.emulator.directory.findUser(id);
    return user ? presenceOf(user) : { id, availability: "PresenceUnknown", activity: "PresenceUnknown", statusMessage: null };
  });
  return json(200, { "@odata.context": `${serviceRoot(ctx)}/$metadata#Collection(microsoft.graph.presence)`, value });
}

export function registerPresenceRoutes(router: Router, _emulator: Emulator): void {
  router.graph("GET", "/users/:id/presence", getPresence);
  router.graph("GET", "/communications/presences/:id", getPresence);
  router.graph("POST", "/communications/getPresencesByUserId", getPresencesByUserId);
}
