import type { Presence } from "@microsoft/microsoft-graph-types";

/** Graph's "Get presence" example. */
export const presenceExample: Presence & { "@odata.context": string } = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('66825e03-7ef5-42da-9069-724602c31f6b')/presence/$entity",
  id: "66825e03-7ef5-42da-9069-724602c31f6b",
  availability: "Busy",
  activity: "InAMeeting",
  statusMessage: null,
  outOfOfficeSettings: { message: null, isOutOfOffice: false },
};
