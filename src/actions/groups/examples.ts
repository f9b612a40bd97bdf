import type { DirectoryObject, Group } from "@microsoft/microsoft-graph-types";
import type { ListResult } from "../users/listing";

/** Graph's "Get group" example (a Microsoft 365 group). */
export const groupExample: Group & { "@odata.context": string } = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups/$entity",
  id: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
  createdDateTime: "2017-07-31T18:56:16Z",
  description: "Welcome to the HR Taskforce team.",
  displayName: "HR Taskforce",
  groupTypes: ["Unified"],
  mail: "HRTaskforce@contoso.com",
  mailEnabled: true,
  mailNickname: "HRTaskforce",
  securityEnabled: false,
  visibility: "Private",
};

export const listGroupsExample: ListResult<Group> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups",
  "@odata.nextLink": "https://graph.microsoft.com/v1.0/groups?$top=1&$skiptoken=RFNwdAIAAQAAABdHcm91cF8wMmJkOWZkNg",
  value: [(({ "@odata.context": _c, ...group }) => group)(groupExample)],
};

export const membersExample: ListResult<DirectoryObject & Record<string, unknown>> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
  value: [
    {
      "@odata.type": "#microsoft.graph.user",
      id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
      businessPhones: ["+1 425 555 0109"],
      displayName: "Adele Vance",
      givenName: "Adele",
      jobTitle: "Retail Manager",
      mail: "AdeleV@contoso.com",
      mobilePhone: null,
      officeLocation: "18/2111",
      preferredLanguage: "en-US",
      surname: "Vance",
      userPrincipalName: "AdeleV@contoso.com",
    },
  ],
};

export const updatedGroupExample: Group & { "@odata.context": string } = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName,mailNickname,description)/$entity",
  id: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
  displayName: "HR Taskforce",
  mailNickname: "HRTaskforce",
  description: "HR projects and hiring",
};
