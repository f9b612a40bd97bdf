import { TestEnv, expectInputError, startTestEnv } from "../helpers/setup";

interface Option {
  label: string;
  key: string;
}

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 2100, groupCount: 1050 });
});
afterAll(() => env.emulator.close());

async function options(key: string, params: Record<string, unknown> = {}): Promise<Option[]> {
  const { result } = (await env.harness.dataSource(key, { connection: env.connection, ...params })) as { result: Option[] };
  return result;
}

function sent(path: string, since: number) {
  return env.emulator.requests.slice(since).filter((r) => r.path === path);
}

describe("selectUser", () => {
  test("pages through every user in pages of 999: label is name and UPN, key is the object id", async () => {
    const before = env.emulator.requests.length;
    const users = await options("selectUser");
    expect(users).toHaveLength(2100);
    expect(new Set(users.map((u) => u.key)).size).toBe(2100);
    const first = env.emulator.directory.users[0];
    expect(users).toContainEqual({ label: `${first.displayName} (${first.userPrincipalName})`, key: first.id });
    const requests = sent("/v1.0/users", before);
    expect(requests).toHaveLength(3);
    expect(decodeURIComponent(requests[0].search)).toContain("$top=999");
    const labels = users.map((u) => u.label.toLowerCase());
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  });

  test("Max Results caps the list and the pages fetched", async () => {
    const before = env.emulator.requests.length;
    expect(await options("selectUser", { maxResults: "1000" })).toHaveLength(1000);
    expect(sent("/v1.0/users", before)).toHaveLength(2);
  });

  test("a search text goes to Graph as $search with ConsistencyLevel: eventual", async () => {
    const zeb = env.emulator.directory.createUser({ displayName: "Zebulon Quux", userPrincipalName: "zq@contoso.com" });
    const before = env.emulator.requests.length;
    expect(await options("selectUser", { search: "zebul" })).toEqual([{ label: "Zebulon Quux (zq@contoso.com)", key: zeb.id }]);
    const [request] = sent("/v1.0/users", before);
    expect(request?.headers.consistencylevel).toBe("eventual");
    expect(new URLSearchParams(request?.search).get("$search")).toBe('"displayName:zebul" OR "userPrincipalName:zebul"');
  });

  test("quotes in the search text are escaped, not passed through", async () => {
    const before = env.emulator.requests.length;
    expect(await options("selectUser", { search: 'x" OR "displayName:a' })).toEqual([]);
    expect(new URLSearchParams(sent("/v1.0/users", before)[0]?.search).get("$search")).toContain('\\"');
  });

  test("a bad Max Results fails before any request", async () => {
    await expectInputError(env, () => options("selectUser", { maxResults: "lots" }), /Max Results/);
  });
});

describe("selectGroup", () => {
  test("pages through every group and searches by name", async () => {
    const before = env.emulator.requests.length;
    const groups = await options("selectGroup");
    expect(groups).toHaveLength(1050);
    expect(sent("/v1.0/groups", before)).toHaveLength(2);
    const unified = env.emulator.directory.groups.find((g) => g.mail)!;
    expect(groups).toContainEqual({ label: `${unified.displayName} (${unified.mail})`, key: unified.id });

    const legal = await options("selectGroup", { search: "legal" });
    expect(legal.length).toBeGreaterThan(0);
    expect(legal.every((g) => /legal/i.test(g.label))).toBe(true);
    expect(legal.length).toBe(
      env.emulator.directory.groups.filter((g) => /^legal/i.test(g.displayName ?? "") || /^legal/i.test(g.mail ?? "")).length,
    );
  });
});

describe("selectSubscribedSku", () => {
  test("lists the tenant's SKUs by part number with the skuId as key, and filters by search text", async () => {
    const skus = await options("selectSubscribedSku");
    expect(skus).toHaveLength(env.emulator.directory.skus.length);
    expect(skus).toContainEqual({
      label: expect.stringMatching(/^ENTERPRISEPACK \(\d+\/250 used\)$/),
      key: "6fd2c87f-b296-42f0-b197-1e91e994b900",
    });
    expect((await options("selectSubscribedSku", { search: "power" })).map((s) => s.key)).toEqual(["a403ebcc-fae0-4ca2-8c8c-7a907fd6c235"]);
  });
});

describe("selectReport", () => {
  test("lists usage report names and filters by search text, without calling Graph", async () => {
    const before = env.emulator.requests.length;
    const reports = await options("selectReport");
    expect(reports).toContainEqual({ label: "Microsoft 365: Microsoft 365 active user detail", key: "getOffice365ActiveUserDetail" });
    const teams = await options("selectReport", { search: "teams" });
    expect(teams.map((r) => r.key).sort()).toEqual([
      "getTeamsDeviceUsageUserDetail",
      "getTeamsUserActivityCounts",
      "getTeamsUserActivityUserDetail",
    ]);
    expect(env.emulator.requests.length).toBe(before);
  });
});
