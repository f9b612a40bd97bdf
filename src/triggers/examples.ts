import type { TriggerPayload } from "@prismatic-io/spectral";

/** A trigger payload as the platform hands it over, with `data` as the trigger's body. */
export function examplePayloadWith(data: unknown): { payload: TriggerPayload } {
  const payload: TriggerPayload = {
    headers: { "content-type": "application/json" },
    queryParameters: {},
    rawBody: { data: null },
    body: { data },
    pathFragment: "",
    webhookUrls: { "Flow 1": "https://hooks.prismatic.io/trigger/SW5zdGFuY2VGbG93Q29uZmlnOjE=" },
    webhookApiKeys: {},
    invokeUrl: "https://hooks.prismatic.io/trigger/SW5zdGFuY2VGbG93Q29uZmlnOjE=",
    executionId: "SW5zdGFuY2VFeGVjdXRpb25SZXN1bHQ6MQ==",
    customer: { id: "customerId", name: "Contoso", externalId: "contoso" },
    instance: { id: "instanceId", name: "Contoso Directory Sync" },
    user: { id: "userId", email: "admin@contoso.com", name: "Admin", externalId: "admin" },
    integration: { id: "integrationId", name: "Directory Sync", versionSequenceId: "1", externalVersion: "1.0.0" },
    flow: { id: "flowId", name: "Flow 1", stableId: "flowStableId" },
    startedAt: "2026-01-15T10:00:00.000Z",
    globalDebug: false,
  };
  return { payload };
}
