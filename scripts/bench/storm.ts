/**
 * 3. Throttling storm: 2,000 lookups through the batch runner while 30% of sub-requests answer 429 with
 * Retry-After: 1 (real seconds), from a fresh fault seed each run. The ideal is the same requests unthrottled (measured
 * in the same run) plus the waits the runner actually made; the work outside the waits is reported on its own.
 */
import { randomInt } from "node:crypto";
import { GraphClient, graphPath, runBatch } from "../../src/graph";
import { Samples, timed } from "./common";
import type { Section } from "./context";

const LOOKUPS = 2000;
const RETRY_AFTER_S = 1;

/**
 * Sums the timers of at least 100 ms that fire while `run` runs: the runner's Retry-After sleeps (request timeouts
 * are armed too, but cleared before they fire).
 */
async function withWaitsCounted<T>(run: () => Promise<T>): Promise<{ value: T; waitedMs: number }> {
  const original = globalThis.setTimeout;
  let waitedMs = 0;
  globalThis.setTimeout = ((handler: () => void, ms?: number) => {
    if ((ms ?? 0) < 100) return original(handler, ms);
    return original(() => {
      waitedMs += ms ?? 0;
      handler();
    }, ms);
  }) as typeof setTimeout;
  try {
    return { value: await run(), waitedMs };
  } finally {
    globalThis.setTimeout = original;
  }
}

export const storm: Section = async ({ emu, reps, log }) => {
  const runs = reps(3, 1);
  log(`3. throttling storm: ${runs} runs...`);
  const ids = (await emu.control("GET", `user-ids?count=${LOOKUPS}`)) as string[];
  const requests = ids.map((id, i) => ({ id: String(i + 1), method: "GET", url: graphPath`/users/${id}` }));
  const client = new GraphClient({ baseUrl: emu.url, accessToken: emu.token });
  const t = new Samples();
  const seeds: number[] = [];
  let lost = 0;
  let duplicated = 0;
  for (let run = 0; run < runs; run++) {
    const seed = randomInt(1, 2 ** 31);
    seeds.push(seed);
    await emu.control("POST", "reset", { seed });
    t.add("unthrottled", (await timed(() => runBatch(client, requests))).ms);
    await emu.control("POST", "reset", { seed });
    await emu.control("POST", "faults", {
      kind: "status",
      status: 429,
      retryAfter: String(RETRY_AFTER_S),
      code: "TooManyRequests",
      path: "/users/",
      probability: 0.3,
      times: 1e9,
    });
    const { ms, value } = await timed(() => withWaitsCounted(() => runBatch(client, requests, { maxRetries: 10 })));
    const { done, throttled } = (await emu.control("GET", "batch-log")) as {
      done: Record<string, number>;
      throttled: Record<string, number>;
    };
    await emu.control("POST", "reset");
    t.add("total", ms);
    t.add("waits", value.waitedMs);
    t.add("necessary", Math.max(0, ...Object.values(throttled)) * RETRY_AFTER_S * 1000);
    t.add("outside", ms - value.waitedMs);
    t.add(
      "429s",
      Object.values(throttled).reduce((a, b) => a + b, 0),
    );
    lost += value.value.filter((r) => r.status !== 200).length + requests.filter((r) => !done[r.id]).length;
    duplicated += Object.values(done).filter((n) => n > 1).length;
  }
  const ideal = t.of("unthrottled").map((u, i) => u + t.of("waits")[i]);
  const section = "3 storm";
  return [
    {
      section,
      name: `${LOOKUPS.toLocaleString("en-US")} lookups, 30% of sub-requests 429 (Retry-After: ${RETRY_AFTER_S})`,
      unit: " ms",
      values: t.of("total"),
      ratio: { of: "of ideal (unthrottled + actual waits)", values: t.of("total").map((v, i) => v / ideal[i]) },
      goal: "≤ 1.2x of ideal",
      note: `fault seeds ${seeds.join(", ")}; 429s per run ${t.of("429s").join(", ")}`,
    },
    {
      section,
      name: "the same lookups unthrottled (same run)",
      unit: " ms",
      values: t.of("unthrottled"),
    },
    {
      section,
      name: "waits the runner made",
      unit: " ms",
      values: t.of("waits"),
      ratio: {
        of: "of the necessary waits (longest run of 429s × Retry-After)",
        values: t.of("waits").map((w, i) => w / (t.of("necessary")[i] || 1)),
      },
    },
    {
      section,
      name: "work outside the waits",
      unit: " ms",
      values: t.of("outside"),
      ratio: { of: "of the unthrottled time", values: t.ratio("outside", "unthrottled") },
    },
    { section, name: "requests lost / done twice (all runs)", unit: "", values: [lost], note: `done twice: ${duplicated}; goal 0 / 0` },
  ];
};
