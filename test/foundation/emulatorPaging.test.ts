import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 20 });
  // Exactly 40 users: the last page of $top=10 is full.
  const { directory } = env.emulator;
  for (let i = directory.users.length; i < 40; i++)
    directory.createUser({ displayName: `Pad ${i}`, userPrincipalName: `pad${i}@contoso.com` });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
});

interface Page {
  value: { id: string }[];
  "@odata.nextLink"?: string;
}

function raw(url: string) {
  return env.harness.action("rawRequest", { connection: env.connection, url, maxRetries: "0" });
}

test("a collection that is an exact multiple of $top ends on a full page without @odata.nextLink", async () => {
  expect(env.emulator.directory.users).toHaveLength(40);
  const pages: Page[] = [];
  let url: string | undefined = "/users?$top=10&$select=id";
  while (url) {
    const page: Page = dataOf<Page>(await raw(url));
    pages.push(page);
    url = page["@odata.nextLink"];
  }
  expect(pages.map((p) => p.value.length)).toEqual([10, 10, 10, 10]);
  expect(pages[3]?.["@odata.nextLink"]).toBeUndefined();
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(4);
  expect(new Set(pages.flatMap((p) => p.value.map((u) => u.id))).size).toBe(40);

  env.emulator.requests.length = 0;
  const all = dataOf<{ value: unknown[]; moreAvailable: boolean }>(
    await env.harness.action("listUsers", { connection: env.connection, top: "10", fetchAll: "true", limit: "1000", select: "id" }),
  );
  expect(all.value).toHaveLength(40);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(4);
});

test("$top above the users maximum (999) is answered 400 by the emulator itself, as Graph does", async () => {
  await expect(raw("/users?$top=1000")).rejects.toThrow(/400 .*Invalid page size specified: '1000'. Must be between 1 and 999 inclusive/);
  expect(env.emulator.requestsTo("/v1.0/users")).toHaveLength(1);
  await expect(raw("/users?$top=999&$select=id")).resolves.toBeDefined();
});
