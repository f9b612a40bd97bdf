import { deltaAction } from "./deltaAction";

export const usersDelta = deltaAction({
  resource: "users",
  label: "Users Delta",
  description:
    "Get the users created, updated or deleted since the last round (GET /users/delta), or every user on a first round. Reads the whole round and returns the next delta link; deleted users carry @removed.",
  defaultSelect: "id,displayName,givenName,surname,userPrincipalName,mail,accountEnabled,createdDateTime",
  examplePayload: {
    data: {
      value: [
        {
          id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
          displayName: "Adele Vance",
          givenName: "Adele",
          surname: "Vance",
          userPrincipalName: "AdeleV@contoso.com",
          mail: "AdeleV@contoso.com",
          accountEnabled: true,
          createdDateTime: "2021-03-12T10:36:14Z",
        },
        { id: "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0", "@removed": { reason: "changed" } },
      ],
      "@odata.deltaLink":
        "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=oEcOySpF_hWYmTIUZBOIfPzcwisr_rPe8o9M54L45qEXQGmvQC6T2dbL-9O7nSU-njKhFiGlAZqewNAThmCVnNxqPu5gOBegrm1CaVZ-ZtFZ2tPOAO98OD9y0ao460",
      resynced: false,
      pages: 1,
    },
  },
});
