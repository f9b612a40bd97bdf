import { TestEnv, startTestEnv } from "./helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.emulator.close());

test("raw request lists users", async () => {
  const result = await env.harness.action("rawRequest", { connection: env.connection, url: "/users", queryParams: [{ key: "$top", value: "5" }] });
  const data = (result as { data: { value: unknown[]; "@odata.nextLink": string } }).data;
  expect(data.value).toHaveLength(5);
  expect(data["@odata.nextLink"]).toContain("$skiptoken=");
});
