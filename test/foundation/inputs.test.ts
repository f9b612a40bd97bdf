import { SELECT_EXAMPLES } from "../../src/inputs/common";
import { converted } from "../helpers/converted";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

const everyInput = [...Object.entries(converted.actions), ...Object.entries(converted.triggers)].flatMap(([owner, entry]) =>
  entry.inputs.map((input) => ({ owner, input })),
);

const PICKERS: Record<string, string> = {
  userId: "selectUser",
  memberId: "selectUser",
  groupId: "selectGroup",
  skuId: "selectSubscribedSku",
  report: "selectReport",
};

test.each(Object.entries(PICKERS))("every %s input uses the %s picker", (key, picker) => {
  const found = everyInput.filter(({ input }) => input.key === key);
  expect(found.length).toBeGreaterThan(0);
  expect(converted.dataSources[picker]).toBeDefined();
  for (const { owner, input } of found) expect({ owner, dataSource: input.dataSource }).toEqual({ owner, dataSource: picker });
});

test("every id input has a placeholder and an example", () => {
  const ids = everyInput.filter(({ input }) => /(Id|^report)$/.test(input.key) && input.type === "string");
  expect(ids.length).toBeGreaterThan(15);
  for (const { owner, input } of ids) {
    expect({ owner, key: input.key, placeholder: Boolean(input.placeholder), example: Boolean(input.example) }).toEqual({
      owner,
      key: input.key,
      placeholder: true,
      example: true,
    });
  }
});

describe("Select examples fit their action's resource", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv({ userCount: 3, groupCount: 2 });
  });
  afterAll(() => env.emulator.close());

  const exampleOf = (action: string) => converted.actions[action]?.inputs.find((i) => i.key === "select")?.example;

  test.each([
    ["getGroup", SELECT_EXAMPLES.group],
    ["listGroups", SELECT_EXAMPLES.group],
    ["listSubscribedSkus", SELECT_EXAMPLES.subscribedSku],
    ["getOrganization", SELECT_EXAMPLES.organization],
    ["listUserLicenseDetails", SELECT_EXAMPLES.licenseDetails],
    ["listGroupMembers", SELECT_EXAMPLES.directoryObject],
    ["getUser", SELECT_EXAMPLES.user],
  ])("%s shows %s", (action, example) => {
    expect(exampleOf(action)).toBe(example);
  });

  test("copying Get Group's example works and returns those properties", async () => {
    const group = env.emulator.directory.groups[0];
    const result = dataOf<Record<string, unknown>>(
      await env.harness.action("getGroup", { connection: env.connection, groupId: group.id, select: exampleOf("getGroup") }),
    );
    expect(Object.keys(result).filter((k) => !k.startsWith("@"))).toEqual(expect.arrayContaining(["id", "displayName", "groupTypes"]));
    expect(result).not.toHaveProperty("userPrincipalName");
  });
});
