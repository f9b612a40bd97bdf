import { createHash, timingSafeEqual } from "node:crypto";
import type { ChangeNotification } from "@microsoft/microsoft-graph-types";
import { forLog } from "../../graph/text";

export type LifecycleEvent = "reauthorizationRequired" | "subscriptionRemoved" | "missed";
const LIFECYCLE_EVENTS: readonly string[] = ["reauthorizationRequired", "subscriptionRemoved", "missed"];

export interface LifecycleNotification {
  subscriptionId: string;
  subscriptionExpirationDateTime?: string;
  tenantId?: string;
  lifecycleEvent: LifecycleEvent;
}

/** Why an item of a request's `value` was not passed on. */
export type RejectReason = "notAnObject" | "missingFields" | "wrongClientState";

export interface CheckedRequest {
  notifications: ChangeNotification[];
  lifecycleEvents: LifecycleNotification[];
  rejected: Record<RejectReason, number>;
  /** The first few rejected items' subscription ids, as sent (uncleaned), for one summary log line. */
  rejectedSamples: unknown[];
}

const MAX_SAMPLES = 3;

/** Constant-time comparison of the clientState Graph sent with the secret this flow keeps; absent or empty never matches. */
export function sameSecret(received: unknown, expected: string | undefined): boolean {
  if (typeof received !== "string" || received.length === 0 || !expected) return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(received), digest(expected));
}

/** The request body's `value` array, or undefined when the body is not a Graph notification collection. */
export function valueArrayOf(data: unknown): unknown[] | undefined {
  let body = data;
  if (Buffer.isBuffer(body)) body = body.toString("utf8");
  if (typeof body === "string") {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      return undefined;
    }
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const value = (body as { value?: unknown }).value;
  return Array.isArray(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/** The flow gets each item without the shared secret, so it never lands in step results or logs. */
function withoutSecret(item: Record<string, unknown>): Record<string, unknown> {
  const { clientState: _secret, ...rest } = item;
  return rest;
}

/**
 * Sorts a request's items into change notifications and lifecycle events that carry this flow's secret, and counts
 * the rest by reason. Nothing is trusted: an item may be anything JSON can hold.
 */
export function checkNotifications(items: readonly unknown[], secret: string | undefined): CheckedRequest {
  const result: CheckedRequest = {
    notifications: [],
    lifecycleEvents: [],
    rejected: { notAnObject: 0, missingFields: 0, wrongClientState: 0 },
    rejectedSamples: [],
  };
  const reject = (reason: RejectReason, item: unknown) => {
    result.rejected[reason] += 1;
    if (result.rejectedSamples.length < MAX_SAMPLES) result.rejectedSamples.push(isRecord(item) ? item.subscriptionId : item);
  };
  for (const item of items) {
    if (!isRecord(item)) reject("notAnObject", item);
    else if (!nonEmpty(item.subscriptionId)) reject("missingFields", item);
    else if (!sameSecret(item.clientState, secret)) reject("wrongClientState", item);
    else if (item.lifecycleEvent !== undefined) {
      if (typeof item.lifecycleEvent === "string" && LIFECYCLE_EVENTS.includes(item.lifecycleEvent))
        result.lifecycleEvents.push(withoutSecret(item) as unknown as LifecycleNotification);
      else reject("missingFields", item);
    } else if (nonEmpty(item.changeType) && nonEmpty(item.resource)) result.notifications.push(withoutSecret(item));
    else reject("missingFields", item);
  }
  return result;
}

export function rejectedCount(checked: CheckedRequest): number {
  return checked.rejected.notAnObject + checked.rejected.missingFields + checked.rejected.wrongClientState;
}

/** One log line for all of a request's rejected items, however many: counts by reason and a few cleaned samples. */
export function rejectionSummary(checked: CheckedRequest): string {
  const { notAnObject, missingFields, wrongClientState } = checked.rejected;
  const samples = checked.rejectedSamples.map((s) => `"${forLog(s, 64)}"`).join(", ");
  return (
    `Rejected ${rejectedCount(checked)} of the request's items (${wrongClientState} without this flow's clientState, ` +
    `${missingFields} without the fields of a notification, ${notAnObject} not objects); subscription ids sent: ${samples}.`
  );
}
