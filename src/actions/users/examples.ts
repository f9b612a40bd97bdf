import type { DirectoryObject, LicenseDetails, User } from "@microsoft/microsoft-graph-types";
import type { ListResult } from "./listing";

type WithContext<T> = T & { "@odata.context"?: string; "@odata.type"?: string };

/** Graph's "Get a user" example. */
export const userExample: WithContext<User> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
  businessPhones: ["+1 425 555 0109"],
  displayName: "Adele Vance",
  givenName: "Adele",
  jobTitle: "Retail Manager",
  mail: "AdeleV@contoso.com",
  mobilePhone: "+1 425 555 0109",
  officeLocation: "18/2111",
  preferredLanguage: "en-US",
  surname: "Vance",
  userPrincipalName: "AdeleV@contoso.com",
  id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
};

/** A page of `GET /users` with the SaaS-management $select. */
export const listUsersExample: ListResult<User> = {
  "@odata.context":
    "https://graph.microsoft.com/v1.0/$metadata#users(accountEnabled,assignedLicenses,displayName,givenName,id,mail,onPremisesImmutableId,onPremisesLastSyncDateTime,surname,userPrincipalName,userType,createdDateTime,country,department)",
  "@odata.count": 2,
  "@odata.nextLink":
    "https://graph.microsoft.com/v1.0/users?$select=accountEnabled,assignedLicenses,displayName,givenName,id,mail,onPremisesImmutableId,onPremisesLastSyncDateTime,surname,userPrincipalName,userType,createdDateTime,country,department&$top=1&$count=true&$skiptoken=RFNwdAIAAQAAACpBZGVsZVZAY29udG9zby5jb20",
  value: [
    {
      accountEnabled: true,
      assignedLicenses: [{ disabledPlans: [], skuId: "6fd2c87f-b296-42f0-b197-1e91e994b900" }],
      displayName: "Adele Vance",
      givenName: "Adele",
      id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
      mail: "AdeleV@contoso.com",
      onPremisesImmutableId: null,
      onPremisesLastSyncDateTime: null,
      surname: "Vance",
      userPrincipalName: "AdeleV@contoso.com",
      userType: "Member",
      createdDateTime: "2019-06-24T09:54:01Z",
      country: "United States",
      department: "Retail",
    },
  ],
};

export const updatedUserExample: WithContext<User> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,jobTitle,department)/$entity",
  id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
  displayName: "Adele Vance",
  userPrincipalName: "AdeleV@contoso.com",
  jobTitle: "Sales Manager",
  department: "Sales",
};

export const accountStateExample: WithContext<User> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,accountEnabled)/$entity",
  id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
  displayName: "Adele Vance",
  userPrincipalName: "AdeleV@contoso.com",
  accountEnabled: false,
};

export const managerExample: WithContext<User> = {
  ...userExample,
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity",
  "@odata.type": "#microsoft.graph.user",
  displayName: "Patti Fernandez",
  givenName: "Patti",
  surname: "Fernandez",
  jobTitle: "President",
  mail: "PattiF@contoso.com",
  userPrincipalName: "PattiF@contoso.com",
  id: "b1a5bd6f-3a3a-4c7b-9b4b-2c3d9e7f6a10",
};

export const memberOfExample: ListResult<WithContext<DirectoryObject & Record<string, unknown>>> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
  value: [
    {
      "@odata.type": "#microsoft.graph.group",
      id: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
      displayName: "HR Taskforce",
      groupTypes: ["Unified"],
      mailEnabled: true,
      securityEnabled: false,
      mail: "HRTaskforce@contoso.com",
    },
    {
      "@odata.type": "#microsoft.graph.directoryRole",
      id: "9ed3a0c4-53e1-498c-ab4d-2473476fde14",
      displayName: "Global Administrator",
      roleTemplateId: "62e90394-69f5-4237-9190-012177145e10",
    },
    {
      "@odata.type": "#microsoft.graph.administrativeUnit",
      id: "4d7bd0d2-a8c1-4d0b-9c56-3e2a1f0b6c7d",
      displayName: "Contoso West",
    },
  ],
};

export const licenseDetailsExample: ListResult<LicenseDetails> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/licenseDetails",
  value: [
    {
      id: "f7dn9xeMNkCe8YcZ9PiIU4PL0m8-tmxJsXq2Jq-xuSk",
      skuId: "6fd2c87f-b296-42f0-b197-1e91e994b900",
      skuPartNumber: "ENTERPRISEPACK",
      servicePlans: [
        {
          servicePlanId: "efb87545-963c-4e0d-99df-69c6916d9eb0",
          servicePlanName: "EXCHANGE_S_ENTERPRISE",
          provisioningStatus: "Success",
          appliesTo: "User",
        },
        {
          servicePlanId: "57ff2da0-773e-42df-b2af-ffb7a2317929",
          servicePlanName: "TEAMS1",
          provisioningStatus: "Disabled",
          appliesTo: "User",
        },
      ],
    },
  ],
};
