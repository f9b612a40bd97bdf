import { maxSubscriptionMinutes, subscriptionService } from "../../emulator/areas/subscriptions/routes";
import { maxLifetimeMinutes } from "../../src/actions/subscriptions/lifetimes";
import { SUBSCRIPTION_STATE_KEY, SubscriptionState } from "../../src/triggers/changeNotifications";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";
import { WebhookReceiver } from "./webhookReceiver";

interface NotificationBody {
  notifications: { subscriptionId: string; changeType: string; resourceData: { id: string } }[];
  lifecycleEvents: { lifecycleEvent: string; subscriptionId: string }[];
  rejected: number;
  resyncNeeded: boolean;
}

const MINUTE = 60_000;
let env: TestEnv;
let receiver: WebhookReceiver;

beforeEach(async () => {
  env = await startTestEnv({ userCount: 10, groupCount: 2 });
  receiver = await new WebhookReceiver(env, "changeNotifications", {
    connection: env.connection,
    resource: "users",
    changeTypes: "updated,deleted",
  }).start();
});
afterEach(() => env.emulator.close());

function state(): SubscriptionState {
  return receiver.instanceState[SUBSCRIPTION_STATE_KEY] as SubscriptionState;
}

function lastBody(): NotificationBody {
  return receiver.outcomes[receiver.outcomes.length - 1]?.payload.body.data as NotificationBody;
}

describe("changeNotifications: deploy and delete", () => {
  test("deploying creates a subscription for the flow's webhook URL with a random clientState and the longest lifetime", async () => {
    const before = Date.now();
    await receiver.deploy();
    const service = subscriptionService(env.emulator);
    const [validation] = service.deliveries;
    expect(validation).toMatchObject({ kind: "validation", status: 200, contentType: "text/plain" });
    expect(validation?.responseBody).toBe(new URL(validation.url).searchParams.get("validationToken"));

    const sub = service.subscriptions.get(state().subscriptionId)!;
    expect(sub).toMatchObject({
      resource: "users",
      changeType: "updated,deleted",
      notificationUrl: receiver.url,
      lifecycleNotificationUrl: receiver.url,
    });
    expect(sub.clientState).toBe(state().clientState);
    expect(state().clientState).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const lifetime = Date.parse(sub.expirationDateTime!) - before;
    expect(lifetime).toBeGreaterThan((41760 - 10) * MINUTE);
    expect(lifetime).toBeLessThanOrEqual(41760 * MINUTE);

    const other = await new WebhookReceiver(env, "changeNotifications", receiver.params).start();
    await other.deploy();
    expect((other.instanceState[SUBSCRIPTION_STATE_KEY] as SubscriptionState).clientState).not.toBe(state().clientState);
  });

  test("deleting the instance deletes the subscription", async () => {
    await receiver.deploy();
    const id = state().subscriptionId;
    await receiver.remove();
    expect(subscriptionService(env.emulator).subscriptions.has(id)).toBe(false);
    expect(env.emulator.requestsTo(`/subscriptions/${id}`, "DELETE")).toHaveLength(1);
  });

  test("redeploying replaces the old subscription rather than leaving it behind", async () => {
    await receiver.deploy();
    const first = state().subscriptionId;
    await receiver.deploy();
    const service = subscriptionService(env.emulator);
    expect([...service.subscriptions.keys()]).toEqual([state().subscriptionId]);
    expect(state().subscriptionId).not.toBe(first);
  });

  test("when Graph refuses the table's longest lifetime, the deploy and renewals use the limit Graph names", async () => {
    const service = subscriptionService(env.emulator);
    service.lifetimeOverrides.set("users", 4230);
    await receiver.deploy();
    const posts = env.emulator.requestsTo("/subscriptions", "POST");
    expect(posts).toHaveLength(2);
    const asked = posts.map((p) => Date.parse((JSON.parse(p.body) as { expirationDateTime: string }).expirationDateTime) - Date.now());
    expect(asked[0]).toBeGreaterThan(40000 * MINUTE);
    expect(asked[1]).toBeLessThanOrEqual(4230 * MINUTE);
    expect(asked[1]).toBeGreaterThan(4200 * MINUTE);
    expect(service.subscriptions.get(state().subscriptionId)).toBeDefined();

    await env.harness.action("renewSubscription", { connection: env.connection, subscriptionId: state().subscriptionId });
    expect(env.emulator.requestsTo(`/subscriptions/${state().subscriptionId}`, "PATCH")).toHaveLength(2);
  });

  test("a mail folder's messages get Microsoft's 10080-minute (7-day) limit, less a margin, in one request", async () => {
    const user = env.emulator.directory.users[0];
    const before = Date.now();
    await receiver.deploy({ resource: `users/${user.id}/mailFolders('inbox')/messages`, changeTypes: "created" });
    expect(env.emulator.requestsTo("/subscriptions", "POST")).toHaveLength(1);
    const lifetime = Date.parse(state().expirationDateTime) - before;
    expect(lifetime).toBeGreaterThan((10080 - 10) * MINUTE);
    expect(lifetime).toBeLessThan(10080 * MINUTE);
  });

  test("a resource with a query, as security alerts take, is accepted with its spaces", async () => {
    const resource = "security/alerts?$filter=status eq 'newAlert'";
    await receiver.deploy({ resource, changeTypes: "created,updated" });
    const sub = subscriptionService(env.emulator).subscriptions.get(state().subscriptionId)!;
    expect(sub.resource).toBe(resource);
    expect(Date.parse(sub.expirationDateTime!) - Date.now()).toBeGreaterThan((43200 - 10) * MINUTE);
  });

  test("an endpoint that fails Graph's validation makes the deploy fail with Graph's error", async () => {
    receiver.override = (res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("{}");
    };
    await expect(receiver.deploy()).rejects.toThrow(/400 ValidationError: Subscription validation request failed.*request-id/);
  });

  test("bad input fails before any request", async () => {
    await expectInputError(env, () => receiver.deploy({ changeTypes: "created,moved" }), /Change Types: "moved"/);
    await expectInputError(
      env,
      () => receiver.deploy({ changeTypes: "created,updated" }),
      /Change Types: users supports only updated and deleted/,
    );
    await expectInputError(
      env,
      () => receiver.deploy({ resource: "drives/b!abc/root", changeTypes: "created,updated" }),
      /Change Types: drives\/b!abc\/root supports only updated \(not created\)/,
    );
    await expectInputError(env, () => receiver.deploy({ resource: "https://graph.microsoft.com/v1.0/users" }), /Resource/);
    await expectInputError(env, () => receiver.deploy({ resource: "users/some one" }), /Resource/);
    await expectInputError(env, () => receiver.deploy({ expirationMinutes: "50000" }), /Expiration Minutes/);
  });
});

describe("changeNotifications: perform", () => {
  test("answers the validation handshake with 200 text/plain and the decoded token only", async () => {
    const token = "Validation: Testing client application reachability for subscription Request-Id: 1+2 &x";
    const answer = await receiver.post(undefined, `?validationToken=${encodeURIComponent(token)}`);
    expect(answer).toEqual({ status: 200, contentType: "text/plain", text: token });
  });

  test("a real notification is passed on and answered 202", async () => {
    await receiver.deploy();
    const user = env.emulator.directory.users[1];
    env.emulator.directory.updateUser(user, { jobTitle: "Director" });
    await subscriptionService(env.emulator).idle();
    const delivery = subscriptionService(env.emulator).deliveries.find((d) => d.kind === "notification");
    expect(delivery?.status).toBe(202);
    expect(lastBody()).toMatchObject({ rejected: 0, resyncNeeded: false, lifecycleEvents: [] });
    expect(lastBody().notifications).toEqual([
      expect.objectContaining({
        subscriptionId: state().subscriptionId,
        changeType: "updated",
        resource: `Users/${user.id}`,
        resourceData: expect.objectContaining({ id: user.id }),
      }),
    ]);
    expect(JSON.stringify(receiver.outcomes[receiver.outcomes.length - 1]?.payload)).not.toContain(state().clientState);
  });

  test("a forged notification (wrong clientState) is rejected and logged once, not passed on", async () => {
    await receiver.deploy();
    const forged = {
      value: [
        {
          subscriptionId: state().subscriptionId,
          clientState: "guessed",
          changeType: "deleted",
          resource: "Users/x",
          resourceData: { id: "x" },
        },
      ],
    };
    const answer = await receiver.post(forged);
    expect(answer.status).toBe(202);
    expect(lastBody()).toMatchObject({ notifications: [], lifecycleEvents: [], rejected: 1, resyncNeeded: false });
    expect(receiver.logger.warn).toHaveBeenCalledTimes(1);
    expect(receiver.logger.warn).toHaveBeenCalledWith(expect.stringContaining("1 without this flow's clientState"));

    const mixed = { value: [forged.value[0], { ...forged.value[0], clientState: state().clientState, resourceData: { id: "y" } }] };
    await receiver.post(mixed);
    expect(lastBody().rejected).toBe(1);
    expect(lastBody().notifications.map((n) => n.resourceData.id)).toEqual(["y"]);
  });

  test("reauthorizationRequired is answered without calling Graph and queued; the scheduled run renews", async () => {
    await receiver.deploy();
    const service = subscriptionService(env.emulator);
    const sub = service.subscriptions.get(state().subscriptionId)!;
    sub.expirationDateTime = new Date(Date.now() + 30 * MINUTE).toISOString();
    const delivery = await service.fireLifecycle(sub.id!, "reauthorizationRequired");
    expect(delivery.status).toBe(202);
    expect(env.emulator.requestsTo(`/subscriptions/${sub.id}`, "PATCH")).toHaveLength(0);
    expect(lastBody()).toMatchObject({
      pending: "renew",
      lifecycleEvents: [expect.objectContaining({ lifecycleEvent: "reauthorizationRequired" })],
    });
    expect(state().pending).toBe("renew");

    const run = await receiver.scheduled();
    expect(run.branch).toBe("Scheduled Renewal");
    expect(env.emulator.requestsTo(`/subscriptions/${sub.id}`, "PATCH")).toHaveLength(1);
    expect(Date.parse(sub.expirationDateTime)).toBeGreaterThan(Date.now() + (41760 - 10) * MINUTE);
    expect(state()).toMatchObject({ expirationDateTime: sub.expirationDateTime });
    expect(state().pending).toBeUndefined();
  });

  test("subscriptionRemoved is queued; the scheduled run recreates the subscription with the same secret, and notifications flow again", async () => {
    await receiver.deploy();
    const service = subscriptionService(env.emulator);
    const removed = state().subscriptionId;
    const secret = state().clientState;
    await service.fireLifecycle(removed, "subscriptionRemoved");
    expect(env.emulator.requestsTo("/subscriptions", "POST")).toHaveLength(1);
    expect(state()).toMatchObject({ subscriptionId: removed, pending: "recreate" });

    const run = await receiver.scheduled();
    expect(run.payload.body.data).toMatchObject({ recreated: true, subscriptionId: state().subscriptionId });
    expect(state().subscriptionId).not.toBe(removed);
    expect(receiver.crossFlowState[Buffer.from(receiver.url).toString("base64")]).toBe(state().subscriptionId);
    expect([...service.subscriptions.keys()]).toEqual([state().subscriptionId]);
    expect(service.subscriptions.get(state().subscriptionId)?.clientState).toBe(secret);

    env.emulator.directory.createUser({ displayName: "After Recreate" });
    await service.idle();
    expect(lastBody().notifications).toEqual([expect.objectContaining({ subscriptionId: state().subscriptionId, changeType: "updated" })]); // Graph notifies a new user as updated
  });

  test("missed is passed on so the flow can resync", async () => {
    await receiver.deploy();
    await subscriptionService(env.emulator).fireLifecycle(state().subscriptionId, "missed");
    expect(lastBody()).toMatchObject({ resyncNeeded: true, lifecycleEvents: [expect.objectContaining({ lifecycleEvent: "missed" })] });
  });

  test("a forged lifecycle event changes nothing", async () => {
    await receiver.deploy();
    const before = { ...state() };
    await receiver.post({ value: [{ subscriptionId: before.subscriptionId, clientState: "nope", lifecycleEvent: "subscriptionRemoved" }] });
    expect(state()).toEqual(before);
    expect(env.emulator.requestsTo("/subscriptions", "POST")).toHaveLength(1);
  });
});

describe("subscription lifetimes", () => {
  test.each([
    ["users", 41760],
    ["groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/members", 41760],
    ["groups('02bd9fd6-8f93-4758-87c3-1fb73740a315')/conversations", 4230],
    ["me/mailFolders('inbox')/messages", 10080],
    ["users/87d349ed-44d7-43e1-9a83-5f2406dee5bd/mailFolders/AAMkAGI2=/messages", 10080],
    ["users/87d349ed-44d7-43e1-9a83-5f2406dee5bd/events", 10080],
    ["sites/contoso.sharepoint.com,1,2/lists/d7689e2b-941a-4cd3-bb24-55cddee54294", 42300],
    ["teams/02bd9fd6-8f93-4758-87c3-1fb73740a315/channels/19:abc@thread.tacv2/messages", 4320],
    ["security/alerts?$filter=status eq 'newAlert'", 43200],
    ["drives/b!abc/root", 42300],
    ["chats/getAllMessages", 4320],
    ["teams/02bd9fd6-8f93-4758-87c3-1fb73740a315/schedule/shifts", 360],
    ["communications/presences/87d349ed-44d7-43e1-9a83-5f2406dee5bd", 60],
    ["communications/callRecords", 4230],
  ])("%s: %i minutes, as Microsoft's table says, in the component and the emulator", (resource, minutes) => {
    expect(maxLifetimeMinutes(resource)).toBe(minutes);
    expect(maxSubscriptionMinutes(resource)).toBe(minutes);
  });
});

describe("the emulator's POST /subscriptions follows Graph's rules", () => {
  const post = (data: Record<string, unknown>) =>
    env.harness.action("rawRequest", {
      connection: env.connection,
      url: "/subscriptions",
      method: "POST",
      data: JSON.stringify({ changeType: "updated", notificationUrl: receiver.url, clientState: "s", ...data }),
      headers: [{ key: "Content-Type", value: "application/json" }],
    });

  test("an expiration under 45 minutes is raised to 45 minutes", async () => {
    const result = dataOf<{ expirationDateTime: string }>(
      await post({ resource: "users", expirationDateTime: new Date(Date.now() + 10 * MINUTE).toISOString() }),
    );
    expect(Math.abs(Date.parse(result.expirationDateTime) - (Date.now() + 45 * MINUTE))).toBeLessThan(MINUTE);
  });

  test("a Teams resource over one hour needs a lifecycleNotificationUrl", async () => {
    const expirationDateTime = new Date(Date.now() + 120 * MINUTE).toISOString();
    await expect(post({ resource: "chats/getAllMessages", expirationDateTime })).rejects.toThrow(
      /400 ValidationError: lifecycleNotificationUrl is a required property/,
    );
    await expect(
      post({ resource: "chats/getAllMessages", expirationDateTime, lifecycleNotificationUrl: receiver.url }),
    ).resolves.toBeDefined();
  });
});

describe("renewSubscription and listSubscriptions", () => {
  test("list returns the app's subscriptions; renew extends one", async () => {
    await receiver.deploy();
    const list = dataOf<{ value: { id: string; clientState: unknown }[] }>(
      await env.harness.action("listSubscriptions", { connection: env.connection }),
    );
    expect(list.value).toEqual([expect.objectContaining({ id: state().subscriptionId, resource: "users", changeType: "updated,deleted" })]);
    // Graph's list leaves clientState out ("not returned for security purposes").
    expect(list.value[0]?.clientState).toBeNull();

    const renewed = dataOf<{ expirationDateTime: string; clientState: unknown }>(
      await env.harness.action("renewSubscription", {
        connection: env.connection,
        subscriptionId: state().subscriptionId,
        expirationMinutes: "120",
      }),
    );
    expect(Math.abs(Date.parse(renewed.expirationDateTime) - (Date.now() + 120 * MINUTE))).toBeLessThan(MINUTE);
    // PATCH answers with the whole subscription; the secret must not reach the step's result.
    expect(renewed.clientState).toBeNull();
    expect(JSON.stringify(renewed)).not.toContain(state().clientState);
  });

  test("renewing an unknown subscription surfaces Graph's 404 with its code and request-id", async () => {
    await expect(
      env.harness.action("renewSubscription", { connection: env.connection, subscriptionId: "6731de76-14a6-49ae-97bc-6eba6914391e" }),
    ).rejects.toThrow(/404 ResourceNotFound: The object was not found.*request-id: [0-9a-f-]{36}/);
  });

  test("a Subscription ID that is not a GUID fails before any request", async () => {
    await expectInputError(
      env,
      () => env.harness.action("renewSubscription", { connection: env.connection, subscriptionId: "../users" }),
      /Subscription ID/,
    );
  });
});
