import { action, input } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, selectInput, topInput } from "../../inputs/common";
import { listUsersExample } from "./examples";
import { directoryQueryInputs, listOrCollect, odataQuery } from "./listing";
import { domainFilter, domainList } from "./shared";

/** The properties SaaS-management tools read for each user. */
export const SAAS_USER_SELECT =
  "accountEnabled,assignedLicenses,displayName,givenName,id,mail,onPremisesImmutableId,onPremisesLastSyncDateTime,surname,userPrincipalName,userType,createdDateTime,country,department";

export const listUsers = action({
  display: {
    label: "List Users",
    description: "List the tenant's users (GET /users), optionally only those whose userPrincipalName is on given domains.",
  },
  inputs: {
    connection: connectionInput,
    ...directoryQueryInputs(999, "users"),
    select: input({ ...selectInput, default: SAAS_USER_SELECT }),
    top: input({ ...topInput(999, "users"), default: "999" }),
    domains: input({
      label: "Domains",
      type: "string",
      collection: "valuelist",
      required: false,
      example: "contoso.com",
      comments:
        "Only users whose userPrincipalName ends with @<domain>, one domain per entry. * (or no entry) lists all users, including those without a mail address. Uses endsWith, so Graph's advanced query ($count=true, ConsistencyLevel: eventual) is sent.",
      clean: domainList,
    }),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const filter = domainFilter(params.domains, params.filter);
    const query = odataQuery({ ...params, filter, count: params.domains !== undefined });
    const headers = params.domains ? { ConsistencyLevel: "eventual" } : undefined;
    return { data: await listOrCollect<User>(client, { path: "/users", query, headers }, params) };
  },
  examplePayload: { data: listUsersExample },
});
