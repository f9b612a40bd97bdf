/**
 * The emulator in its own process, so that the benchmark measures the client's time and memory alone.
 * Prints one JSON line {url, token} when listening. Control routes under /_bench/ set faults and read
 * what the emulator did (for lost/duplicate counts).
 */
import { createEmulator } from "../../emulator";
import type { FaultRule } from "../../emulator/kernel/faults";
import { json, noContent } from "../../emulator/kernel/http";
import { batchState } from "../../emulator/areas/batch/routes";

const userCount = Number(process.argv[2] ?? 100_000);
const seedStart = process.hrtime.bigint();
const emulator = createEmulator({ userCount, groupCount: 50, logRequests: false });
const seedMs = Number(process.hrtime.bigint() - seedStart) / 1e6;

/**
 * Simulated service time: every request Graph handles (each HTTP request, and each $batch sub-request, which Graph
 * runs in parallel) waits this long before its answer. 0 by default: a loopback emulator answers in microseconds.
 */
let serviceMs = 0;
const dispatch = emulator.dispatch.bind(emulator);
emulator.dispatch = async (request, requestId) => {
  if (serviceMs > 0 && !request.url.pathname.startsWith("/_bench/")) await new Promise((resolve) => setTimeout(resolve, serviceMs));
  return dispatch(request, requestId);
};

emulator.router.plain("POST", "/_bench/latency", (ctx) => {
  serviceMs = Number((ctx.body as { ms?: number }).ms ?? 0);
  return noContent();
});

/** Clears faults and the batch log; `seed` reseeds the fault generator (a fresh storm per run). */
emulator.router.plain("POST", "/_bench/reset", (ctx) => {
  emulator.faults.clear((ctx.body as { seed?: number } | undefined)?.seed);
  batchState(emulator).log.length = 0;
  return noContent();
});

emulator.router.plain("POST", "/_bench/faults", (ctx) => {
  emulator.faults.add(ctx.body as FaultRule);
  return noContent();
});

/** Per sub-request id: how often the emulator executed it successfully, and how often it answered 429. */
emulator.router.plain("GET", "/_bench/batch-log", () => {
  const done: Record<string, number> = {};
  const throttled: Record<string, number> = {};
  for (const entry of batchState(emulator).log) {
    const into = entry.status === 429 ? throttled : entry.status < 300 ? done : undefined;
    if (into) into[entry.id] = (into[entry.id] ?? 0) + 1;
  }
  return json(200, { done, throttled });
});

/** Renames `count` users (each one change in the directory's log), for incremental delta rounds. */
emulator.router.plain("POST", "/_bench/touch-users", (ctx) => {
  const { count, offset = 0 } = ctx.body as { count: number; offset?: number };
  const { users } = emulator.directory;
  for (let i = 0; i < count; i++) {
    const user = users[(offset + i) % users.length];
    emulator.directory.updateUser(user, { jobTitle: `Title ${offset + i}` });
  }
  return noContent();
});

emulator.router.plain("GET", "/_bench/user-ids", (ctx) => {
  const count = Number(ctx.query.get("count") ?? 2000);
  return json(
    200,
    emulator.directory.users.slice(0, count).map((u) => u.id),
  );
});

void emulator.start().then(() => {
  const token = emulator.issueToken({}, 6 * 3600);
  process.stdout.write(`${JSON.stringify({ url: emulator.url, token, seedMs })}\n`);
});
process.on("SIGTERM", () => void emulator.close().then(() => process.exit(0)));
