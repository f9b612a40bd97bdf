import { deltaAction } from "./deltaAction";

export const groupsDelta = deltaAction({
  resource: "groups",
  label: "Groups Delta",
  description:
    "Get the groups created, updated or deleted since the last round (GET /groups/delta), or every group on a first round, with membership changes in members@delta. Reads the whole round and returns the next delta link.",
  defaultSelect: "id,displayName,description,mail,mailEnabled,securityEnabled,groupTypes,createdDateTime,members",
  examplePayload: {
    data: {
      value: [
        {
          id: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
          displayName: "HR Taskforce",
          description: "Marketing Department Taskforce",
          mail: "HRTaskforce@contoso.com",
          mailEnabled: true,
          securityEnabled: false,
          groupTypes: ["Unified"],
          createdDateTime: "2021-03-12T10:36:14Z",
          "members@delta": [
            { "@odata.type": "#microsoft.graph.user", id: "693acd06-2877-4339-8ade-b704261fe7a0" },
            { "@odata.type": "#microsoft.graph.user", id: "49320844-be99-4164-8167-87ff5d047ace", "@removed": { reason: "deleted" } },
          ],
        },
        { id: "2aa4bf9c-6e3c-4bbf-9fc6-fc0e2e1c5a8e", "@removed": { reason: "deleted" } },
      ],
      "@odata.deltaLink":
        "https://graph.microsoft.com/v1.0/groups/delta?$deltatoken=sZs8nkx2pCBRpGqRD6XhCgHCp5NwvAqCzIMfUqsJ4R2bRmQo3aCLQ6wGOFRlTpMbrnKE6aAP7qO5BB1nLd7tQY",
      resynced: false,
      pages: 1,
    },
  },
});
