import type { Coverage } from "../../permissions/coverage";
import type { PermissionKind } from "../../permissions/denied";

/** What Check Connection returns. */
export interface ConnectionCheck {
  kind: PermissionKind;
  connectionType: string;
  tenantId: string | null;
  appId: string | null;
  appName: string | null;
  user: { id: string | null; userPrincipalName: string | null } | null;
  expiresAt: string | null;
  cloud: string;
  graphUrl: string;
  /** False when the access token is not a JWT, so its roles and scopes could not be read. */
  claimsReadable: boolean;
  roles: string[];
  scopes: string[];
  tokenWorks: boolean;
  probe: { request: string; status: number; code?: string; message?: string };
  /** Keys whose permission the token lacks. */
  missing: string[];
  coverage: Coverage[];
}

export const checkConnectionExample: ConnectionCheck = {
  kind: "application",
  connectionType: "oauthClientCredentials",
  tenantId: "84841066-274d-4ec0-a5c1-276be684bdd3",
  appId: "0f4a6c2e-9b1d-4c3a-8e7f-5a6b7c8d9e0f",
  appName: "Contoso Provisioning",
  user: null,
  expiresAt: "2024-05-01T13:04:05.000Z",
  cloud: "Global (graph.microsoft.com)",
  graphUrl: "https://graph.microsoft.com",
  claimsReadable: true,
  roles: ["User.Read.All", "GroupMember.Read.All", "Organization.Read.All"],
  scopes: [],
  tokenWorks: true,
  probe: { request: "GET /organization?$select=id", status: 200 },
  missing: ["createUser"],
  coverage: [
    { key: "listUsers", type: "action", status: "granted", needs: "User.Read.All" },
    { key: "createUser", type: "action", status: "missing", needs: "User.ReadWrite.All" },
    {
      key: "rawRequest",
      type: "action",
      status: "seeNotes",
      needs: "",
      notes: "The permission of the endpoint called: see the Permissions table on its page in Microsoft's Graph reference.",
    },
    { key: "selectReport", type: "dataSource", status: "noneNeeded", needs: "", notes: "No Graph call: the catalog of usage reports." },
  ],
};
