import { deltaChangesTrigger } from "./deltaTrigger";

export const groupChanges = deltaChangesTrigger({
  resource: "groups",
  noun: "group",
  label: "Group Changes",
  description:
    "Polls Microsoft Graph's groups delta query and starts the flow with the groups created, updated (including membership, in members@delta) or deleted since the last poll, each exactly once.",
  defaultSelect: "id,displayName,description,mail,mailEnabled,securityEnabled,groupTypes,createdDateTime,members",
  exampleChanges: [
    {
      changeType: "updated",
      id: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
      object: {
        id: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
        displayName: "HR Taskforce",
        createdDateTime: "2021-03-12T10:36:14Z",
        "members@delta": [{ "@odata.type": "#microsoft.graph.user", id: "693acd06-2877-4339-8ade-b704261fe7a0" }],
      },
    },
  ],
});
