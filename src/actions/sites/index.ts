import { createList } from "./createList";
import { createListColumn } from "./createListColumn";
import { createListItem } from "./createListItem";
import { deleteListItem } from "./deleteListItem";
import { getList } from "./getList";
import { getListItem } from "./getListItem";
import { getSite } from "./getSite";
import { listListColumns } from "./listListColumns";
import { listListItems } from "./listListItems";
import { listLists } from "./listLists";
import { searchSites } from "./searchSites";
import { updateListItem } from "./updateListItem";

export default {
  getSite,
  searchSites,
  listLists,
  getList,
  createList,
  createListColumn,
  listListColumns,
  listListItems,
  getListItem,
  createListItem,
  updateListItem,
  deleteListItem,
};
