import type { SubscribedSku, User } from "@microsoft/microsoft-graph-types";
import { GraphError } from "../../src/graph";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 40 });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.requests.length = 0;
});

const E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
const EMS = "efccb6f7-5641-4e0e-bd10-b4976e1bf68e";
const FLOW = "f30db892-07e9-47e9-837c-80727f46fd3d";
const INTUNE_PLAN = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5";
const sku = (id: string) => env.emulator.directory.skus.find((s) => s.skuId === id) as SubscribedSku;
const licensedUsers = () => env.emulator.directory.users.filter((u) => u.usageLocation && (u.assignedLicenses ?? []).length > 0);
const sentBody = () => JSON.parse(env.emulator.requestsTo("/assignLicense", "POST")[0]?.body ?? "{}") as unknown;

test("listSubscribedSkus returns the tenant's SKUs in Graph's shape", async () => {
  const data = dataOf<{ value: SubscribedSku[]; "@odata.context": string }>(
    await env.harness.action("listSubscribedSkus", { connection: env.connection }),
  );
  expect(data["@odata.context"]).toMatch(/\$metadata#subscribedSkus$/);
  expect(data.value.map((s) => s.skuPartNumber)).toEqual(["ENTERPRISEPACK", "SPE_E5", "EMS", "FLOW_FREE", "POWER_BI_STANDARD"]);
  expect(data.value[0]).toMatchObject({ skuId: E3, prepaidUnits: { enabled: 250 }, capabilityStatus: "Enabled" });

  const selected = dataOf<{ value: SubscribedSku[] }>(
    await env.harness.action("listSubscribedSkus", { connection: env.connection, select: "skuId,consumedUnits" }),
  );
  expect(Object.keys(selected.value[0] as object).sort()).toEqual(["consumedUnits", "skuId"]);
});

test("assignLicenses adds a SKU with disabled plans and returns the updated user", async () => {
  const user = licensedUsers()[0];
  const consumedBefore = sku(EMS).consumedUnits ?? 0;
  const data = dataOf<User>(
    await env.harness.action("assignLicenses", {
      connection: env.connection,
      userId: user.userPrincipalName,
      skuId: EMS.toUpperCase(),
      disabledPlans: [INTUNE_PLAN],
    }),
  );
  expect(sentBody()).toEqual({ addLicenses: [{ skuId: EMS, disabledPlans: [INTUNE_PLAN] }], removeLicenses: [] });
  expect(data.id).toBe(user.id);
  expect(user.assignedLicenses).toContainEqual({ skuId: EMS, disabledPlans: [INTUNE_PLAN] });
  expect(sku(EMS).consumedUnits).toBe(consumedBefore + 1);

  const details = dataOf<{ value: { skuId: string; servicePlans: { servicePlanId: string; provisioningStatus: string }[] }[] }>(
    await env.harness.action("listUserLicenseDetails", { connection: env.connection, userId: user.id }),
  );
  const ems = details.value.find((d) => d.skuId === EMS);
  expect(ems?.servicePlans.find((p) => p.servicePlanId === INTUNE_PLAN)?.provisioningStatus).toBe("Disabled");
});

test("assignLicenses adds from JSON (objects or plain ids) and removes in the same call", async () => {
  const user = licensedUsers()[1];
  const current = user.assignedLicenses?.[0]?.skuId as string;
  await env.harness.action("assignLicenses", {
    connection: env.connection,
    userId: user.id,
    addLicenses: `[{"skuId": "${FLOW}"}, "${EMS}"]`,
    removeLicenses: [current],
  });
  expect(sentBody()).toEqual({
    addLicenses: [
      { skuId: FLOW, disabledPlans: [] },
      { skuId: EMS, disabledPlans: [] },
    ],
    removeLicenses: [current],
  });
  expect((user.assignedLicenses ?? []).map((l) => l.skuId).sort()).toEqual([EMS, FLOW].sort());
});

test("a user without usageLocation gets Graph's error, with what to do", async () => {
  const user = env.emulator.directory.users.find((u) => !u.usageLocation && u.userType === "Member") as User;
  const error = (await env.harness
    .action("assignLicenses", { connection: env.connection, userId: user.id, skuId: E3 })
    .catch((e: unknown) => e)) as GraphError;
  expect(error).toBeInstanceOf(GraphError);
  expect(error.status).toBe(400);
  expect(error.code).toBe("Request_BadRequest");
  expect(error.message).toContain("License assignment cannot be done for user with invalid usage location.");
  expect(error.message).toContain("Set the user's usageLocation");
  expect(error.requestId).toBeDefined();
  expect(user.assignedLicenses).toEqual([]);
});

test("a SKU with no units left gets Graph's error, and nothing changes", async () => {
  const target = sku(EMS);
  const saved = target.prepaidUnits?.enabled;
  (target.prepaidUnits as { enabled: number }).enabled = target.consumedUnits ?? 0;
  try {
    const user = licensedUsers().find((u) => !(u.assignedLicenses ?? []).some((l) => l.skuId === EMS)) as User;
    const before = JSON.stringify(user.assignedLicenses);
    const error = (await env.harness
      .action("assignLicenses", { connection: env.connection, userId: user.id, skuId: EMS })
      .catch((e: unknown) => e)) as GraphError;
    expect(error.status).toBe(400);
    expect(error.message).toContain(`Subscription with SKU ${EMS} does not have any available licenses.`);
    expect(error.message).toContain("prepaidUnits and consumedUnits");
    expect(JSON.stringify(user.assignedLicenses)).toBe(before);
  } finally {
    (target.prepaidUnits as { enabled: number }).enabled = saved as number;
  }
});

test("an unknown SKU and a missing user surface Graph's errors", async () => {
  const user = licensedUsers()[2];
  const unknown = "11111111-2222-4333-8444-555555555555";
  const badSku = (await env.harness
    .action("assignLicenses", { connection: env.connection, userId: user.id, skuId: unknown })
    .catch((e: unknown) => e)) as GraphError;
  expect(badSku.message).toContain(`License ${unknown} does not correspond to a valid company License.`);
  expect(badSku.message).toContain("List Subscribed SKUs gives the skuId");
  const removeUnknown = (await env.harness
    .action("assignLicenses", { connection: env.connection, userId: user.id, removeLicenses: [unknown] })
    .catch((e: unknown) => e)) as GraphError;
  expect(removeUnknown.status).toBe(400);
  expect(removeUnknown.message).toContain(`License ${unknown} does not correspond to a valid company License.`);
  const notHeld = sku(FLOW).skuId as string;
  expect((user.assignedLicenses ?? []).some((l) => l.skuId === notHeld)).toBe(false);
  const removeNotHeld = (await env.harness
    .action("assignLicenses", { connection: env.connection, userId: user.id, removeLicenses: [notHeld] })
    .catch((e: unknown) => e)) as GraphError;
  expect(removeNotHeld.message).toContain("User does not have a corresponding license.");
  const missing = (await env.harness
    .action("assignLicenses", { connection: env.connection, userId: "nobody@contoso.com", skuId: E3 })
    .catch((e: unknown) => e)) as GraphError;
  expect(missing.status).toBe(404);
  expect(missing.code).toBe("Request_ResourceNotFound");
});
