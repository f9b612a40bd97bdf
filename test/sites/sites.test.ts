import type { ColumnDefinition, FieldValueSet, List, ListItem, Site } from "@microsoft/microsoft-graph-types";
import { GraphError } from "../../src/graph";
import { COLUMN_FACETS } from "../../src/actions/sites/columns";
import { sitesState } from "../../emulator/areas/sites/store";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";

type Page<T> = { value: T[]; "@odata.nextLink"?: string; moreAvailable?: boolean };

let env: TestEnv;
let integrations: Site;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 5, groupCount: 2 });
  integrations = dataOf<Site>(
    await env.harness.action("getSite", { connection: env.connection, hostname: "contoso.sharepoint.com", sitePath: "sites/integrations" }),
  );
});
afterAll(() => env.emulator.close());

const run = <T>(key: string, params: Record<string, unknown>) =>
  env.harness.action(key, { connection: env.connection, ...params }).then((r) => dataOf<T>(r));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as Error,
  );

describe("getSite", () => {
  test("finds a site by hostname and path, as GET /sites/{hostname}:/{path}", () => {
    expect(integrations.displayName).toBe("Integrations");
    expect(integrations.id).toMatch(/^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(env.emulator.requestsTo("/v1.0/sites/contoso.sharepoint.com:/sites/integrations", "GET").length).toBeGreaterThan(0);
  });

  test("splits a whole site URL pasted into Hostname", async () => {
    const before = env.emulator.requests.length;
    const site = await run<Site>("getSite", {
      hostname: "https://contoso.sharepoint.com/sites/integrations/Lists/Projects/AllItems.aspx",
    });
    expect(site.id).toBe(integrations.id);
    expect(env.emulator.requests.slice(before).map((r) => r.path)).toEqual(["/v1.0/sites/contoso.sharepoint.com:/sites/integrations"]);
  });

  test("the root site for an empty path, and by id", async () => {
    const root = await run<Site>("getSite", { hostname: "contoso.sharepoint.com" });
    expect(root.root).toEqual({});
    expect((await run<Site>("getSite", { siteId: integrations.id })).name).toBe("integrations");
  });

  test("refuses both or neither of Site and Hostname, and a bad hostname, before any request", async () => {
    await expectInputError(env, () => run("getSite", {}), /exactly one of Site/);
    await expectInputError(env, () => run("getSite", { siteId: integrations.id, hostname: "contoso.sharepoint.com" }), /exactly one/);
    await expectInputError(env, () => run("getSite", { hostname: "not a host" }), /Hostname: "not a host" is not a hostname/);
    await expectInputError(env, () => run("getSite", { siteId: "contoso/../x" }), /Site: .* is not a site id/);
  });
});

test("searchSites finds sites by keyword", async () => {
  const page = await run<Page<Site>>("searchSites", { search: "market" });
  expect(page.value.map((s) => s.name)).toEqual(["marketing"]);
  expect(env.emulator.requestsTo("/v1.0/sites", "GET").at(-1)?.search).toBe("?search=market");
});

describe("lists", () => {
  test("listLists and getList with its columns", async () => {
    const lists = await run<Page<List>>("listLists", { siteId: integrations.id });
    expect(lists.value.map((l) => l.displayName)).toEqual(["Documents", "Projects"]);
    const projects = lists.value.find((l) => l.displayName === "Projects") as List;
    const list = await run<List>("getList", { siteId: integrations.id, listId: projects.id, includeColumns: true });
    expect(list.columns?.map((c) => c.name)).toEqual(["Title", "Created", "Modified", "Status", "Budget", "Owner"]);
  });

  /** One column of every type Graph defines. */
  const everyType: Record<string, unknown>[] = [
    { name: "Approved", boolean: {} },
    { name: "Margin", calculated: { formula: "=[Cost]*0.2", outputType: "currency" } },
    { name: "Stage", choice: { choices: ["New", "Won"], displayAs: "radioButtons" }, indexed: true },
    {
      name: "Cost",
      currency: { locale: "en-us" },
      validation: { formula: "=[Cost]>=0", descriptions: [{ languageTag: "en-us", displayName: "Cost cannot be negative" }] },
    },
    { name: "Due", dateTime: { format: "dateOnly", displayAs: "friendly" } },
    { name: "Office", geolocation: {} },
    { name: "Parent", lookup: { listId: "b23974d6-5a1b-4d8f-9e2a-4f7e5c1d2a3b", columnName: "Title" } },
    { name: "Score", number: { minimum: 0, maximum: 10, decimalPlaces: "one" } },
    { name: "Reviewer", personOrGroup: { chooseFromType: "peopleOnly" } },
    { name: "Notes", text: { allowMultipleLines: true, maxLength: 255 } },
    { name: "Link", hyperlinkOrPicture: { isPicture: false } },
    { name: "Topic", term: { allowMultipleValues: false } },
    { name: "Preview", thumbnail: {} },
    { name: "Approval", contentApprovalStatus: {} },
  ];

  test("createList sends one column of each of Graph's types", async () => {
    expect(everyType.map((c) => Object.keys(c).find((k) => k in COLUMN_FACETS)).sort()).toEqual(Object.keys(COLUMN_FACETS).sort());
    const list = await run<List>("createList", {
      siteId: integrations.id,
      displayName: "Deals",
      description: "Sales deals",
      columns: JSON.stringify(everyType),
    });
    expect(list.list?.template).toBe("genericList");
    expect(list.columns?.slice(3).map((c) => c.name)).toEqual(everyType.map((c) => c.name));
    const sent = JSON.parse(env.emulator.requestsTo("/lists", "POST").at(-1)?.body ?? "{}") as { columns: unknown[]; list: unknown };
    expect(sent.columns).toEqual(everyType);
    expect(sent.list).toEqual({ template: "genericList" });
  });

  test.each([
    [[{ name: "Budget", currency: {}, number: {} }], /column 1 "Budget": has 2 types \(currency, number\)/],
    [[{ name: "Budget" }], /column 1 "Budget": needs a type/],
    [[{ text: {} }], /column 1: name is required/],
    [[{ name: "Has space", text: {} }], /"Has space": name must start with a letter/],
    [
      [
        { name: "Ok", text: {} },
        { name: "Stage", choice: {} },
      ],
      /column 2 "Stage": choice.choices is required/,
    ],
    [
      [{ name: "Stage", choice: { choices: ["a"], displayAs: "list" } }],
      /"Stage": choice.displayAs must be one of checkBoxes, dropDownMenu, radioButtons/,
    ],
    [[{ name: "Score", number: { minimum: 5, maximum: 1 } }], /"Score": number.minimum is greater than number.maximum/],
    [[{ name: "Score", number: { decimals: 2 } }], /"Score": number.decimals is not a property Graph defines here/],
    [[{ name: "Code", text: {}, enforceUniqueValues: true }], /"Code": enforceUniqueValues needs indexed: true/],
    [[{ name: "Cost", currency: {}, validation: { formula: "Cost>0" } }], /"Cost": validation.formula is required/],
    [[{ name: "Parent", lookup: { listId: "x" } }], /"Parent": lookup.columnName is required/],
    [
      [
        { name: "A", text: {} },
        { name: "a", boolean: {} },
      ],
      /"a" appears twice/,
    ],
  ])("createList refuses a bad column, naming it, before any request (%j)", async (columns, message) => {
    await expectInputError(
      env,
      () => run("createList", { siteId: integrations.id, displayName: "Bad", columns: JSON.stringify(columns) }),
      message,
    );
  });

  test("createListColumn adds a validated column; listListColumns shows it", async () => {
    const projects = sitesState(env.emulator).sites[1]?.lists[1] as { id: string };
    const column = await run<ColumnDefinition>("createListColumn", {
      siteId: integrations.id,
      listId: projects.id,
      column: JSON.stringify({ name: "Priority", number: { minimum: 1, maximum: 5 }, indexed: true }),
    });
    expect(column.number).toEqual({ minimum: 1, maximum: 5 });
    const columns = await run<Page<ColumnDefinition>>("listListColumns", { siteId: integrations.id, listId: projects.id });
    expect(columns.value.map((c) => c.name)).toContain("Priority");
    await expectInputError(
      env,
      () => run("createListColumn", { siteId: integrations.id, listId: projects.id, column: '{"name":"X","colour":{}}' }),
      /Column: "X": needs a type/,
    );
  });
});

describe("list items", () => {
  const projectsId = () => (sitesState(env.emulator).sites[1]?.lists.find((l) => l.displayName === "Projects") as { id: string }).id;

  test("filters on an indexed column, selecting fields through $expand=fields($select=…)", async () => {
    const page = await run<Page<ListItem>>("listListItems", {
      siteId: integrations.id,
      listId: projectsId(),
      filter: "fields/Status eq 'Active'",
      select: "Title,Status",
    });
    expect(page.value.map((i) => (i.fields as Record<string, unknown> | undefined)?.Title)).toEqual(["Payroll sync", "HR onboarding"]);
    expect(Object.keys(page.value[0]?.fields ?? {}).sort()).toEqual(["@odata.etag", "Status", "Title"]);
    const sent = new URLSearchParams(env.emulator.requestsTo("/items", "GET").at(-1)?.search);
    expect(sent.get("$expand")).toBe("fields($select=Title,Status)");
    expect(env.emulator.requestsTo("/items", "GET").at(-1)?.headers.prefer).toBeUndefined();
  });

  test("a filter on a non-indexed column is refused with the column and both fixes, then accepted with the toggle", async () => {
    const params = { siteId: integrations.id, listId: projectsId(), filter: "fields/Budget ge 10000" };
    const error = await failure(run("listListItems", params));
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(400);
    expect(error?.message).toMatch(/column 'Budget' is not indexed/);
    expect(error?.message).toMatch(/indexing 'Budget'/);
    expect(error?.message).toMatch(/Allow Non-Indexed Queries \(Prefer: HonorNonIndexedQueriesWarningMayFailRandomly\)/);
    expect(error?.message).toMatch(/request-id: [0-9a-f-]{36}/);

    const page = await run<Page<ListItem>>("listListItems", { ...params, allowNonIndexedQueries: true, orderBy: "fields/Budget desc" });
    expect(page.value.map((i) => (i.fields as Record<string, unknown> | undefined)?.Budget)).toEqual([15000, 12000]);
    expect(env.emulator.requestsTo("/items", "GET").at(-1)?.headers.prefer).toBe("HonorNonIndexedQueriesWarningMayFailRandomly");
  });

  test("pages with fetch all and a limit", async () => {
    const page = await run<Page<ListItem>>("listListItems", {
      siteId: integrations.id,
      listId: projectsId(),
      top: "1",
      fetchAll: true,
      limit: "3",
    });
    expect(page.value).toHaveLength(3);
    expect(page.moreAvailable).toBe(true);
  });

  test("create, get, update and delete an item", async () => {
    const ids = { siteId: integrations.id, listId: projectsId() };
    const created = await run<ListItem>("createListItem", {
      ...ids,
      fields: JSON.stringify({ Title: "Vendor portal", Status: "Planned", Budget: 500 }),
    });
    expect(created.fields).toMatchObject({ Title: "Vendor portal", Budget: 500 });
    const itemId = created.id as string;
    const updated = await run<FieldValueSet>("updateListItem", { ...ids, itemId, fields: '{"Status":"Active"}' });
    expect(updated).toMatchObject({ Title: "Vendor portal", Status: "Active" });
    expect(JSON.parse(env.emulator.requestsTo(`/items/${itemId}/fields`, "PATCH").at(-1)?.body ?? "{}")).toEqual({ Status: "Active" });
    const read = await run<ListItem>("getListItem", { ...ids, itemId, select: "Status" });
    expect(read.fields).toEqual({ "@odata.etag": expect.any(String) as string, Status: "Active" });
    await run("deleteListItem", { ...ids, itemId });
    const gone = await failure(run("getListItem", { ...ids, itemId }));
    expect((gone as GraphError).status).toBe(404);
    await expectInputError(env, () => run("getListItem", { ...ids, itemId: "7; DROP" }), /Item: "7; DROP" is not a list item id/);
    await expectInputError(env, () => run("createListItem", { ...ids, fields: "{}" }), /Fields: is required/);
  });
});

describe("pickers", () => {
  test("selectSite and selectList (which depends on the site)", async () => {
    const sites = (await env.harness.dataSource("selectSite", { connection: env.connection })) as {
      result: { label: string; key: string }[];
    };
    expect(sites.result.map((o) => o.label)).toContain("Integrations (https://contoso.sharepoint.com/sites/integrations)");
    const lists = (await env.harness.dataSource("selectList", { connection: env.connection, siteId: integrations.id })) as {
      result: { label: string; key: string }[];
    };
    expect(lists.result.map((o) => o.label)).toEqual(expect.arrayContaining(["Documents (documentLibrary)", "Projects (genericList)"]));
  });
});
