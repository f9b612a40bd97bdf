import { randomUUID } from "node:crypto";
import type { Emulator } from "../../kernel/server";
import { driveStore } from "../files/store";

export const SHAREPOINT_HOST = "contoso.sharepoint.com";

export type ColumnDefinition = Record<string, unknown> & { id: string; name: string; displayName: string; indexed?: boolean };

export interface ListItemRecord {
  id: string;
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  version: number;
}

export interface ListRecord {
  id: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  columns: ColumnDefinition[];
  items: ListItemRecord[];
  nextItemId: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  webUrl: string;
  driveId?: string;
}

export interface SiteRecord {
  id: string;
  name: string;
  displayName: string;
  description: string;
  /** "" for the root site, else "sites/name". */
  path: string;
  webUrl: string;
  createdDateTime: string;
  lists: ListRecord[];
}

export interface SitesState {
  sites: SiteRecord[];
}

function builtInColumns(): ColumnDefinition[] {
  return [
    {
      id: "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
      name: "Title",
      displayName: "Title",
      text: { allowMultipleLines: false, maxLength: 255 },
      required: true,
      indexed: false,
    },
    {
      id: "8c06beca-0777-48f7-91c7-6da68bc07b69",
      name: "Created",
      displayName: "Created",
      dateTime: { displayAs: "default", format: "dateTime" },
      readOnly: true,
      indexed: true,
    },
    {
      id: "28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f",
      name: "Modified",
      displayName: "Modified",
      dateTime: { displayAs: "default", format: "dateTime" },
      readOnly: true,
      indexed: true,
    },
  ];
}

export function newList(
  site: SiteRecord,
  spec: { displayName: string; description?: string; template?: string; columns?: ColumnDefinition[] },
): ListRecord {
  const now = new Date().toISOString();
  const name = spec.displayName.replace(/[^A-Za-z0-9]/g, "");
  return {
    id: randomUUID(),
    name,
    displayName: spec.displayName,
    description: spec.description ?? "",
    template: spec.template ?? "genericList",
    columns: [...builtInColumns(), ...(spec.columns ?? [])],
    items: [],
    nextItemId: 1,
    createdDateTime: now,
    lastModifiedDateTime: now,
    webUrl: `${site.webUrl}/Lists/${name}`,
  };
}

export function addItem(list: ListRecord, fields: Record<string, unknown>): ListItemRecord {
  const now = new Date().toISOString();
  const item: ListItemRecord = {
    id: String(list.nextItemId++),
    fields: { ...fields },
    createdDateTime: now,
    lastModifiedDateTime: now,
    version: 1,
  };
  list.items.push(item);
  return item;
}

function newSite(name: string, displayName: string, path: string): SiteRecord {
  return {
    id: `${SHAREPOINT_HOST},${randomUUID()},${randomUUID()}`,
    name,
    displayName,
    description: `${displayName} site`,
    path,
    webUrl: `https://${SHAREPOINT_HOST}${path ? `/${path}` : ""}`,
    createdDateTime: "2024-03-01T09:00:00Z",
    lists: [],
  };
}

function addLibrary(emulator: Emulator, site: SiteRecord): void {
  const files = driveStore(emulator);
  const library = newList(site, { displayName: "Documents", template: "documentLibrary" });
  library.name = "Shared Documents";
  library.webUrl = `${site.webUrl}/Shared%20Documents`;
  const drive = files.createDrive({
    name: "Documents",
    driveType: "documentLibrary",
    ownerKind: "site",
    ownerId: site.id,
    ownerName: site.displayName,
    webUrl: library.webUrl,
  });
  library.driveId = drive.id;
  site.lists.push(library);
}

function seed(emulator: Emulator): SitesState {
  const root = newSite("root", "Communication site", "");
  const integrations = newSite("integrations", "Integrations", "sites/integrations");
  const marketing = newSite("marketing", "Marketing", "sites/marketing");
  for (const site of [root, integrations, marketing]) addLibrary(emulator, site);

  const files = driveStore(emulator);
  const drive = files.drives.get(integrations.lists[0]?.driveId ?? "");
  if (drive) {
    const reports = files.addItem({ driveId: drive.id, name: "Reports", parentId: drive.rootId, isFolder: true });
    const year = files.addItem({ driveId: drive.id, name: "2026", parentId: reports.id, isFolder: true });
    files.addItem({
      driveId: drive.id,
      name: "q3.xlsx",
      parentId: year.id,
      isFolder: false,
      content: Buffer.from("PK quarterly numbers"),
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    files.addItem({
      driveId: drive.id,
      name: "readme.txt",
      parentId: drive.rootId,
      isFolder: false,
      content: Buffer.from("Integrations library\n"),
      mimeType: "text/plain",
    });
  }

  const projects = newList(integrations, {
    displayName: "Projects",
    description: "Integration projects",
    columns: [
      {
        id: randomUUID(),
        name: "Status",
        displayName: "Status",
        indexed: true,
        choice: { allowTextEntry: false, choices: ["Planned", "Active", "Done"], displayAs: "dropDownMenu" },
      },
      { id: randomUUID(), name: "Budget", displayName: "Budget", indexed: false, currency: { locale: "en-us" } },
      { id: randomUUID(), name: "Owner", displayName: "Owner", indexed: false, text: { allowMultipleLines: false, maxLength: 255 } },
    ],
  });
  const rows: [string, string, number, string][] = [
    ["Payroll sync", "Active", 12000, "Adele Vance"],
    ["CRM export", "Planned", 8000, "Alex Wilber"],
    ["Ticket bridge", "Done", 3000, "Megan Bowen"],
    ["HR onboarding", "Active", 15000, "Lee Gu"],
  ];
  for (const [Title, Status, Budget, Owner] of rows) addItem(projects, { Title, Status, Budget, Owner });
  integrations.lists.push(projects);
  return { sites: [root, integrations, marketing] };
}

const STATE_KEY = "sites";

export function sitesState(emulator: Emulator): SitesState {
  let state = emulator.state.get(STATE_KEY) as SitesState | undefined;
  if (!state) {
    state = seed(emulator);
    emulator.state.set(STATE_KEY, state);
  }
  return state;
}
