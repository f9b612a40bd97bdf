import type { GraphClient } from "./client";
import { retryTiming, sleep } from "./retry";

/** What an asynchronous job's monitor URL answers (drive item copy and kin). */
export interface MonitorStatus {
  /** notStarted, inProgress, completed, updating, failed, deletePending, deleteFailed or waiting. */
  status?: string;
  percentageComplete?: number;
  /** The id of the resource the job made (the copy's driveItem id). */
  resourceId?: string;
  operation?: string;
  error?: { code?: string; message?: string };
}

export class MonitorTimeoutError extends Error {
  constructor(
    readonly seconds: number,
    readonly last: MonitorStatus,
  ) {
    super(
      `The operation was still ${last.status ?? "running"} (${last.percentageComplete ?? 0}% done) after ${seconds} s; it goes on in Microsoft 365, raise the time limit to wait for it.`,
    );
    this.name = "MonitorTimeoutError";
  }
}

const FIRST_WAIT_MS = 500;
const MAX_WAIT_MS = 5000;

/**
 * Polls a monitor URL (the `Location` of a 202 from an asynchronous Graph job) until the job completes or fails,
 * or `timeoutMs` passes. The URL is pre-authenticated: it is fetched without the token through the core's transport
 * and masked in logs and errors. Waits grow from 0.5 s to 5 s (scaled like retry waits).
 */
export async function waitForMonitor(client: GraphClient, monitorUrl: string, timeoutMs: number): Promise<MonitorStatus> {
  const deadline = Date.now() + timeoutMs;
  let wait = FIRST_WAIT_MS;
  for (;;) {
    const { data } = await client.request<MonitorStatus | null>({
      method: "GET",
      path: monitorUrl,
      preAuthenticated: true,
      pathInput: "monitor URL",
    });
    const status = data ?? {};
    if (status.status === "completed") return status;
    if (status.status === "failed" || status.status === "deleteFailed") {
      throw new Error(
        `The operation failed in Microsoft 365: ${status.error?.code ?? "failed"}: ${status.error?.message ?? "no detail given"}`,
      );
    }
    const pause = wait * retryTiming.scale;
    if (Date.now() + pause > deadline) throw new MonitorTimeoutError(Math.round(timeoutMs / 1000), status);
    await sleep(pause);
    wait = Math.min(wait * 2, MAX_WAIT_MS);
  }
}
