import { deltaChangesTrigger } from "./deltaTrigger";

export const userChanges = deltaChangesTrigger({
  resource: "users",
  noun: "user",
  label: "User Changes",
  description:
    "Polls Microsoft Graph's users delta query and starts the flow with the users created, updated or deleted since the last poll, each exactly once. An expired delta link starts a full round and says resynced: true.",
  defaultSelect: "id,displayName,givenName,surname,userPrincipalName,mail,accountEnabled,department,jobTitle,createdDateTime",
  exampleChanges: [
    {
      changeType: "created",
      id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
      object: {
        id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
        displayName: "Adele Vance",
        userPrincipalName: "AdeleV@contoso.com",
        accountEnabled: true,
        createdDateTime: "2026-01-15T09:58:12Z",
      },
    },
    {
      changeType: "deleted",
      id: "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0",
      removedReason: "changed",
      object: { id: "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0", "@removed": { reason: "changed" } },
    },
  ],
});
