import { action } from "@prismatic-io/spectral";
import type { Organization } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, selectInputFor } from "../../inputs/common";
import type { ListResult } from "../users/listing";

export const getOrganization = action({
  display: {
    label: "Get Organization",
    description:
      "Get the tenant's organization: name, verified domains, address, technical contacts (GET /organization). Graph answers a one-item collection, returned as it is. With only the delegated User.Read permission Graph fills in just id, displayName and verifiedDomains.",
  },
  inputs: { connection: connectionInput, select: selectInputFor("organization") },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<ListResult<Organization>>("/organization", { $select: params.select }) };
  },
  examplePayload: {
    data: {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#organization",
      value: [
        {
          id: "84841066-274d-4ec0-a5c1-276be684bdd3",
          displayName: "Contoso",
          city: "Redmond",
          countryLetterCode: "US",
          createdDateTime: "2019-03-14T16:40:00Z",
          preferredLanguage: "en",
          tenantType: "AAD",
          technicalNotificationMails: ["admin@contoso.com"],
          verifiedDomains: [
            {
              capabilities: "Email, OfficeCommunicationsOnline",
              isDefault: false,
              isInitial: true,
              name: "contoso.onmicrosoft.com",
              type: "Managed",
            },
            { capabilities: "Email", isDefault: true, isInitial: false, name: "contoso.com", type: "Managed" },
          ],
        },
      ],
    } satisfies ListResult<Organization>,
  },
});
