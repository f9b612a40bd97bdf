import type { Subscription } from "@microsoft/microsoft-graph-types";

export const exampleSubscription: Subscription = {
  id: "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
  resource: "users",
  applicationId: "24d3b144-21ae-4080-943f-7067b395b913",
  changeType: "updated,deleted",
  clientState: null,
  notificationUrl: "https://hooks.prismatic.io/trigger/SW5zdGFuY2VGbG93Q29uZmlnOjE=",
  lifecycleNotificationUrl: "https://hooks.prismatic.io/trigger/SW5zdGFuY2VGbG93Q29uZmlnOjE=",
  expirationDateTime: "2026-02-13T09:55:00Z",
  creatorId: "8ee44408-0679-472c-bc2a-692812af3437",
  latestSupportedTlsVersion: "v1_2",
  includeResourceData: false,
  encryptionCertificate: null,
  encryptionCertificateId: null,
  notificationQueryOptions: null,
};

/** A single subscription as Graph answers it (with its @odata.context). */
export type SubscriptionEntity = Subscription & { "@odata.context"?: string };

export const exampleSubscriptionEntity: SubscriptionEntity = {
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
  ...exampleSubscription,
};
