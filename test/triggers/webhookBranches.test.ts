import { subscriptionService } from "../../emulator/areas/subscriptions/routes";
import { SUBSCRIPTION_STATE_KEY, SubscriptionState } from "../../src/triggers/changeNotifications";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";
import { WebhookReceiver } from "./webhookReceiver";

interface NotificationBody {
  notifications: { resourceData: { id: string } }[];
  lifecycleEvents: unknown[];
  rejected: number;
  rejectedByReason: Record<string, number>;
}

const MINUTE = 60_000;
let env: TestEnv;
let receiver: WebhookReceiver;

beforeEach(async () => {
  env = await startTestEnv({ userCount: 5, groupCount: 1 });
  receiver = await new WebhookReceiver(env, "changeNotifications", {
    connection: env.connection,
    resource: "users",
    changeTypes: "updated,deleted",
  }).start();
  await receiver.deploy();
});
afterEach(() => env.emulator.close());

function state(): SubscriptionState {
  return receiver.instanceState[SUBSCRIPTION_STATE_KEY] as SubscriptionState;
}

function last() {
  return receiver.outcomes[receiver.outcomes.length - 1];
}

function notification(fields: Record<string, unknown> = {}) {
  return {
    subscriptionId: state().subscriptionId,
    clientState: state().clientState,
    changeType: "updated",
    resource: "Users/u1",
    resourceData: { id: "u1" },
    ...fields,
  };
}

describe("the URL Validation branch", () => {
  test("a validation request with a forged body answers the token and hands the flow nothing the caller sent", async () => {
    const forged = { value: [notification({ resourceData: { id: "injected" } })] };
    const answer = await receiver.post(forged, "?validationToken=tok%201&extra=smuggled", { "X-Smuggled": "header-value" });
    expect(answer).toEqual({ status: 200, contentType: "text/plain", text: "tok 1" });
    const outcome = last();
    expect(outcome.branch).toBe("URL Validation");
    expect(outcome.payload.body.data).toEqual({ validation: true });
    expect(outcome.payload.rawBody.data).toBeNull();
    expect(outcome.payload.headers).toEqual({});
    expect(outcome.payload.queryParameters).toEqual({});
    const seen = JSON.stringify(outcome.payload);
    for (const text of ["injected", "smuggled", "header-value", state().clientState]) expect(seen).not.toContain(text);
  });
});

describe("the Notification branch", () => {
  test.each([
    ["missing", (n: Record<string, unknown>) => ({ ...n, clientState: undefined })],
    ["empty", (n: Record<string, unknown>) => ({ ...n, clientState: "" })],
    ["null", (n: Record<string, unknown>) => ({ ...n, clientState: null })],
    ["a prefix of the secret", (n: Record<string, unknown>) => ({ ...n, clientState: state().clientState.slice(0, 20) })],
    ["the secret with more after it", (n: Record<string, unknown>) => ({ ...n, clientState: `${state().clientState}x` })],
  ])("a notification whose clientState is %s is rejected", async (_case, forge) => {
    await receiver.post({ value: [forge(notification())] });
    expect(last().payload.body.data).toMatchObject({ notifications: [], rejected: 1, rejectedByReason: { wrongClientState: 1 } });
  });

  test("null, numbers, arrays and objects without a notification's fields are counted as rejected; the valid one passes", async () => {
    const items = [
      null,
      42,
      [1, 2],
      "text",
      {},
      { subscriptionId: state().subscriptionId, clientState: state().clientState },
      { subscriptionId: state().subscriptionId, clientState: state().clientState, lifecycleEvent: "somethingElse" },
      { subscriptionId: 7, clientState: state().clientState, changeType: "updated", resource: "Users/x" },
      notification(),
    ];
    const answer = await receiver.post({ value: items });
    expect(answer.status).toBe(202);
    const body = last().payload.body.data as NotificationBody;
    expect(body.rejectedByReason).toEqual({ notAnObject: 4, missingFields: 4, wrongClientState: 0 });
    expect(body.rejected).toBe(8);
    expect(body.notifications.map((n) => n.resourceData.id)).toEqual(["u1"]);
  });

  test.each([null, 5, "[]", { value: "no" }, { value: null }])("a body of %p is refused with 400 and no crash", async (body) => {
    const answer = await receiver.post(body);
    expect(answer.status).toBe(400);
    expect(last().payload.body.data).toBeNull();
  });

  test("20,000 forged items give one cleaned, bounded summary line, and nothing reaches the flow", async () => {
    const hostile = `evil\r\nINFO forged line\u001b[31m${"x".repeat(5000)}`;
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      subscriptionId: `${hostile}${i}`,
      clientState: "guess",
      changeType: "updated",
      resource: "r",
    }));
    const answer = await receiver.post({ value: items });
    expect(answer.status).toBe(202);
    expect(last().payload.body.data).toMatchObject({ notifications: [], rejected: 20_000 });
    const logged = Object.values(receiver.logger).flatMap((fn) => fn.mock.calls.map((args) => String(args[0])));
    const duringPost = logged.filter((line) => line.startsWith("Rejected"));
    expect(duringPost).toHaveLength(1);
    const line = duringPost[0];
    expect(line).toContain("Rejected 20000 of the request's items (20000 without this flow's clientState");
    expect(line).not.toMatch(/\p{Cc}/u);
    expect(line.length).toBeLessThan(600);
    expect(logged.length).toBeLessThanOrEqual(3);
  });

  test("a delivery never waits on Graph: lifecycle events make no Graph request while Graph waits for the answer", async () => {
    const before = env.emulator.requests.length;
    const lifecycle = (event: string) => ({
      subscriptionId: state().subscriptionId,
      clientState: state().clientState,
      lifecycleEvent: event,
    });
    await receiver.post({ value: [lifecycle("subscriptionRemoved"), lifecycle("reauthorizationRequired"), lifecycle("missed")] });
    expect(env.emulator.requests.length).toBe(before);
    expect(last().payload.body.data).toMatchObject({ pending: "recreate", resyncNeeded: true });
  });
});

describe("the Scheduled Renewal branch", () => {
  test("a scheduled run renews the flow's subscription found through crossFlowState, and hands the flow no caller data", async () => {
    const id = state().subscriptionId;
    expect(receiver.crossFlowState).toEqual({ [Buffer.from(receiver.url).toString("base64")]: id });
    const sub = subscriptionService(env.emulator).subscriptions.get(id)!;
    sub.expirationDateTime = new Date(Date.now() + 60 * MINUTE).toISOString();

    await receiver.post({ value: [notification({ resourceData: { id: "smuggled" } })] }, "", { "prismatic-invoke-type": "Scheduled" });
    const run = last();
    expect(run.branch).toBe("Scheduled Renewal");
    expect(env.emulator.requestsTo(`/subscriptions/${id}`, "PATCH")).toHaveLength(1);
    expect(Date.parse(sub.expirationDateTime)).toBeGreaterThan(Date.now() + (41760 - 10) * MINUTE);
    expect(run.payload.body.data).toEqual({ subscriptionId: id, expirationDateTime: sub.expirationDateTime, recreated: false });
    expect(JSON.stringify(run.payload)).not.toContain("smuggled");
  });

  test("a subscription Graph no longer has (expired) is created again by the scheduled run", async () => {
    const gone = state().subscriptionId;
    subscriptionService(env.emulator).subscriptions.delete(gone);
    const run = await receiver.scheduled();
    expect(run.payload.body.data).toMatchObject({ recreated: true });
    expect(state().subscriptionId).not.toBe(gone);
    expect(subscriptionService(env.emulator).subscriptions.has(state().subscriptionId)).toBe(true);
  });
});

describe("instance clean-up", () => {
  const create = (notificationUrl: string) =>
    env.harness.action(
      "createSubscription",
      { connection: env.connection, resource: "groups", changeTypes: "updated", notificationUrl },
      receiver.context,
    );

  test("deleting the instance removes the flow's subscription and any other left calling its URL", async () => {
    const leftover = dataOf<{ id: string; clientState: unknown }>(await create(receiver.url));
    expect(leftover.clientState).toBeNull();
    await receiver.remove();
    expect(subscriptionService(env.emulator).subscriptions.size).toBe(0);
    expect(Object.values(receiver.crossFlowState)).toEqual([null]);
  });

  test("deleteInstanceSubscriptions deletes the subscriptions calling this instance's webhook URLs and leaves others", async () => {
    const other = await new WebhookReceiver(env, "changeNotifications", receiver.params).start();
    const foreign = dataOf<{ id: string }>(await create(other.url));
    await create(receiver.url);
    const result = dataOf<{ deleted: string[] }>(
      await env.harness.action("deleteInstanceSubscriptions", { connection: env.connection }, receiver.context),
    );
    expect(result.deleted).toHaveLength(2);
    expect([...subscriptionService(env.emulator).subscriptions.keys()]).toEqual([foreign.id]);
  });
});

describe("subscription actions", () => {
  test("get, update and delete one subscription, never showing its clientState", async () => {
    const id = state().subscriptionId;
    const got = dataOf<{ id: string; resource: string; clientState: unknown }>(
      await env.harness.action("getSubscription", { connection: env.connection, subscriptionId: id }),
    );
    expect(got).toMatchObject({ id, resource: "users", clientState: null });
    const updated = dataOf<{ expirationDateTime: string }>(
      await env.harness.action("updateSubscription", { connection: env.connection, subscriptionId: id, expirationMinutes: "90" }),
    );
    expect(Math.abs(Date.parse(updated.expirationDateTime) - (Date.now() + 90 * MINUTE))).toBeLessThan(MINUTE);
    const deleted = await env.harness.action("deleteSubscription", { connection: env.connection, subscriptionId: id });
    expect(dataOf(deleted)).toEqual({ id, deleted: true });
    const again = await env.harness.action("deleteSubscription", { connection: env.connection, subscriptionId: id });
    expect(dataOf(again)).toEqual({ id, deleted: false });
  });

  test("update with nothing to change, and create with an unsupported change type, fail before any request", async () => {
    const before = env.emulator.requests.length;
    await expect(
      env.harness.action("updateSubscription", { connection: env.connection, subscriptionId: state().subscriptionId }),
    ).rejects.toThrow(/Expiration Minutes: or Notification URL is required/);
    await expect(
      env.harness.action("createSubscription", {
        connection: env.connection,
        resource: "sites/s1/lists/l1",
        changeTypes: "created",
        notificationUrl: receiver.url,
      }),
    ).rejects.toThrow(/Change Types: sites\/s1\/lists\/l1 supports only updated/);
    expect(env.emulator.requests.length).toBe(before);
  });
});
