import type { ColumnDefinition, FieldValueSet, List, ListItem, Site } from "@microsoft/microsoft-graph-types";
import type { ListResult } from "../users/listing";

const SITE_ID = "contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe";
const LIST_ID = "b23974d6-5a1b-4d8f-9e2a-4f7e5c1d2a3b";

/** Graph's "Get a site resource" example. */
export const siteExample: Site = {
  id: SITE_ID,
  name: "integrations",
  displayName: "Integrations",
  description: "Integration projects and their documents",
  createdDateTime: "2024-03-01T09:00:00Z",
  lastModifiedDateTime: "2026-01-12T10:15:00Z",
  webUrl: "https://contoso.sharepoint.com/sites/integrations",
  siteCollection: { hostname: "contoso.sharepoint.com" },
};

export const sitesExample: ListResult<Site> = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#sites",
  value: [siteExample],
};

export const columnExamples: ColumnDefinition[] = [
  {
    id: "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
    name: "Title",
    displayName: "Title",
    required: true,
    indexed: false,
    text: { allowMultipleLines: false, maxLength: 255 },
  },
  {
    id: "11dfef35-e1b4-43c5-9a2e-1f0f8e1b2c3d",
    name: "Status",
    displayName: "Status",
    indexed: true,
    choice: { allowTextEntry: false, choices: ["Planned", "Active", "Done"], displayAs: "dropDownMenu" },
  },
];

export const listExample: List & { "@odata.etag": string } = {
  "@odata.etag": `"${LIST_ID},1"`,
  id: LIST_ID,
  name: "Projects",
  displayName: "Projects",
  description: "Integration projects",
  createdDateTime: "2026-01-12T10:15:00Z",
  lastModifiedDateTime: "2026-01-12T10:15:00Z",
  eTag: `"${LIST_ID},1"`,
  webUrl: "https://contoso.sharepoint.com/sites/integrations/Lists/Projects",
  createdBy: { user: { displayName: "Megan Bowen" } },
  parentReference: { siteId: SITE_ID },
  list: { contentTypesEnabled: false, hidden: false, template: "genericList" },
};

export const listWithColumnsExample: List = { ...listExample, columns: columnExamples };

export const listsExample: ListResult<List> = {
  "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#sites('${SITE_ID}')/lists`,
  value: [listExample],
};

export const columnsExample: ListResult<ColumnDefinition> = {
  "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#sites('${SITE_ID}')/lists('${LIST_ID}')/columns`,
  value: columnExamples,
};

export const fieldsExample: FieldValueSet & Record<string, unknown> = {
  "@odata.etag": `"${LIST_ID},2"`,
  id: "7",
  Title: "Payroll sync",
  Status: "Active",
  Budget: 12000,
  Created: "2026-01-12T10:15:00Z",
  Modified: "2026-01-14T08:02:11Z",
};

export const listItemExample: ListItem & { "@odata.etag": string } = {
  "@odata.etag": `"${LIST_ID},2"`,
  id: "7",
  createdDateTime: "2026-01-12T10:15:00Z",
  lastModifiedDateTime: "2026-01-14T08:02:11Z",
  eTag: `"${LIST_ID},2"`,
  webUrl: "https://contoso.sharepoint.com/sites/integrations/Lists/Projects/DispForm.aspx?ID=7",
  createdBy: { user: { displayName: "Megan Bowen" } },
  parentReference: { id: LIST_ID, siteId: SITE_ID },
  contentType: { id: "0x0100D5E3A9D6B6A3E74BA1C1A6CBA0A4B2E4", name: "Item" },
  fields: fieldsExample,
};

export const listItemsExample: ListResult<ListItem> = {
  "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#sites('${SITE_ID}')/lists('${LIST_ID}')/items`,
  "@odata.nextLink": `https://graph.microsoft.com/v1.0/sites/${SITE_ID}/lists/${LIST_ID}/items?$expand=fields&$top=1&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTc`,
  value: [listItemExample],
};
