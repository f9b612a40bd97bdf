import type { User } from "@microsoft/microsoft-graph-types";
import type { BatchResponseItem } from "../../graph";
import type { UsersByIdsResult } from "./getUsersByIds";
import type { LicenseOutcome } from "./assignLicensesBulk";

const JSON_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

const adele: User = {
  id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
  displayName: "Adele Vance",
  userPrincipalName: "AdeleV@contoso.com",
  mail: "AdeleV@contoso.com",
  accountEnabled: true,
};

const notFoundBody = {
  error: {
    code: "Request_ResourceNotFound",
    message: "Resource 'gone@contoso.com' does not exist or one of its queried reference-property objects are not present.",
    innerError: {
      date: "2024-05-02T09:13:42",
      "request-id": "c8e2a1f4-5b7d-4e3a-9c1f-2d4b6a8e0f13",
      "client-request-id": "c8e2a1f4-5b7d-4e3a-9c1f-2d4b6a8e0f13",
    },
  },
};

export const batchRequestExample: { responses: BatchResponseItem[] } = {
  responses: [
    {
      id: "1",
      status: 200,
      headers: { "Cache-Control": "no-cache", "OData-Version": "4.0", "Content-Type": JSON_TYPE },
      body: { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity", ...adele },
    },
    {
      id: "2",
      status: 200,
      headers: { "Cache-Control": "no-cache", "OData-Version": "4.0", "Content-Type": JSON_TYPE },
      body: {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity",
        "@odata.type": "#microsoft.graph.user",
        id: "5bde3e51-d13b-4db1-9948-fe4b109d11a7",
        displayName: "Megan Bowen",
        userPrincipalName: "MeganB@contoso.com",
      },
    },
  ],
};

export const getUsersByIdsExample: UsersByIdsResult = {
  value: [
    {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,mail,accountEnabled)/$entity",
      ...adele,
    } as User,
  ],
  notFound: ["gone@contoso.com"],
  failed: [
    {
      user: "MeganB@contoso.com",
      status: 403,
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
      requestId: "4f1b2c3d-6a7e-4b8c-9d0e-1f2a3b4c5d6e",
      hint: "getUsersByIds needs the application permission User.Read.All; the token holds roles Mail.Read. Add it in the app registration under API permissions → Microsoft Graph → Application permissions and grant admin consent; a new token carries it.",
    },
  ],
};

export const assignLicensesBulkExample: { results: LicenseOutcome[]; succeeded: number; failed: number } = {
  results: [
    {
      user: "AdeleV@contoso.com",
      status: 200,
      success: true,
      result: { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity", businessPhones: [], ...adele } as User,
    },
    {
      user: "gone@contoso.com",
      status: 404,
      success: false,
      error: {
        status: 404,
        code: notFoundBody.error.code,
        message: notFoundBody.error.message,
        requestId: notFoundBody.error.innerError["request-id"],
      },
    },
  ],
  succeeded: 1,
  failed: 1,
};
