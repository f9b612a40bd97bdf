import type { ActionPermissions, PermissionsMap } from "../../permissions/types";
import type sites from "./index";

/**
 * Sites.Selected: an app granted only Sites.Selected reaches no site until an administrator grants it specific
 * sites (POST /sites/{site-id}/permissions with the role read, write, manage or fullcontrol). On those sites it
 * stands in for Sites.Read.All (read), Sites.ReadWrite.All (write) and Sites.Manage.All (manage); searching and
 * listing across the tenant's sites find only the granted ones.
 */
const SELECTED = "Sites.Selected works instead, on the sites an administrator granted the app";
const read = {
  application: ["Sites.Read.All"],
  delegated: ["Sites.Read.All"],
  notes: `${SELECTED} (role read or higher).`,
};
const write = {
  application: ["Sites.ReadWrite.All"],
  delegated: ["Sites.ReadWrite.All"],
  notes: `${SELECTED} (role write or higher).`,
};
const manage = {
  application: ["Sites.Manage.All"],
  delegated: ["Sites.Manage.All"],
  notes: `${SELECTED} (role manage or fullcontrol).`,
};

const LIST = "/sites/{site-id}/lists/{list-id}";

export const sitesPermissions: Record<keyof typeof sites, ActionPermissions> = {
  getSite: { endpoints: ["GET /sites/{site-id}", "GET /sites/{hostname}:/{server-relative-path}"], ...read },
  searchSites: {
    endpoints: ["GET /sites?search={query}"],
    application: ["Sites.Read.All"],
    delegated: ["Sites.Read.All"],
    notes: "With Sites.Selected only the sites granted to the app can be found.",
  },
  listLists: { endpoints: ["GET /sites/{site-id}/lists"], ...read },
  getList: { endpoints: [`GET ${LIST}`], ...read },
  createList: { endpoints: ["POST /sites/{site-id}/lists"], ...manage },
  createListColumn: { endpoints: [`POST ${LIST}/columns`], ...manage },
  listListColumns: { endpoints: [`GET ${LIST}/columns`], ...read },
  listListItems: { endpoints: [`GET ${LIST}/items?$expand=fields`], ...read },
  getListItem: { endpoints: [`GET ${LIST}/items/{item-id}?$expand=fields`], ...read },
  createListItem: { endpoints: [`POST ${LIST}/items`], ...write },
  updateListItem: { endpoints: [`PATCH ${LIST}/items/{item-id}/fields`], ...write },
  deleteListItem: { endpoints: [`DELETE ${LIST}/items/{item-id}`], ...write },
};

/** The site and list pickers. */
export const sitesDataSourcePermissions: PermissionsMap = {
  selectSite: {
    endpoints: ["GET /sites?search={query}"],
    application: ["Sites.Read.All"],
    delegated: ["Sites.Read.All"],
    notes: "With Sites.Selected only the granted sites are listed.",
  },
  selectList: { endpoints: ["GET /sites/{site-id}/lists"], ...read },
};
