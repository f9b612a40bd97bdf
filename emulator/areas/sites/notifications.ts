import type { Emulator } from "../../kernel/server";
import type { ListRecord, SiteRecord } from "./store";

/** A SharePoint list as Graph accepts it for subscriptions: `sites/{site-id}/lists/{list-id}` (or `lists('{list-id}')`). */
const LIST_RESOURCE = /^sites\/([^/]+)\/lists(?:\('([^']+)'\)|\/([^/]+))$/i;

function covers(site: SiteRecord, list: ListRecord, subscribed: string): boolean {
  const match = LIST_RESOURCE.exec(subscribed);
  if (!match) return false;
  const [, siteRef, quotedList, listSegment] = match;
  const listRef = (quotedList ?? listSegment).toLowerCase();
  return (
    siteRef.toLowerCase() === site.id.toLowerCase() && [list.id, list.name.toLowerCase(), list.displayName.toLowerCase()].includes(listRef)
  );
}

/** Announces a change of a list's items. Like drives, lists notify only `updated`, name the subscribed resource and carry no resource data. */
export function announceListChange(emulator: Emulator, site: SiteRecord, list: ListRecord): void {
  emulator.changes.publish({
    changeType: "updated",
    resource: `sites/${site.id}/lists/${list.id}`,
    covers: (subscribed) => (covers(site, list, subscribed) ? subscribed : undefined),
  });
}
