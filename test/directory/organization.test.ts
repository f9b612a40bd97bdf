import type { Organization } from "@microsoft/microsoft-graph-types";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 10 });
});
afterAll(() => env.emulator.close());

test("getOrganization returns Graph's one-item collection", async () => {
  const data = dataOf<{ value: Organization[]; "@odata.context": string }>(
    await env.harness.action("getOrganization", { connection: env.connection }),
  );
  expect(data["@odata.context"]).toMatch(/\$metadata#organization$/);
  expect(data.value).toHaveLength(1);
  expect(data.value[0]).toMatchObject({ id: env.emulator.app.tenantId, displayName: "Contoso" });
  expect(data.value[0]?.verifiedDomains?.map((d) => d.name)).toContain("o'brien.example");
});

test("getOrganization with $select returns only those properties", async () => {
  env.emulator.requests.length = 0;
  const data = dataOf<{ value: Organization[] }>(
    await env.harness.action("getOrganization", { connection: env.connection, select: "id,verifiedDomains" }),
  );
  expect(Object.keys(data.value[0] as object).sort()).toEqual(["id", "verifiedDomains"]);
  expect(new URLSearchParams(env.emulator.requests[0]?.search).get("$select")).toBe("id,verifiedDomains");
});
