/**
 * `npm run bench`: the component against the emulator (100,000 users, in its own process), each figure the median
 * of several runs with min and max, ratios taken inside each run. Not a test: it asserts nothing.
 * BENCH_RUNS sets the number of runs (default 7; listing, the storm and the simulated-latency lookups use at most 3).
 */
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { BatchRequestContent, BatchResponseContent, Client } from "@microsoft/microsoft-graph-client";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import { oauthClientCredentials } from "../src/connections";
import { EMULATOR_APP } from "../emulator";
import { GraphClient, graphPath, runBatch, runBounded } from "../src/graph";
import { ROOT, Spread, chunks, runWorker, spread, startEmulatorProcess, timed } from "./bench/common";
import { buildSdkBundle, coldRequire, sizeMiB } from "./bench/bundle";
import { sdkClient } from "./bench/sdk";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LIST_RUNS = Math.max(1, Math.min(RUNS, 3));
const STORM_RUNS = Math.max(1, Math.min(RUNS, 3));
const LATENCY_RUNS = Math.max(1, Math.min(RUNS, 3));
/** Simulated per-request service time for the second lookup comparison; real Graph takes far longer. */
const SERVICE_MS = 2;
const LOOKUPS = 2000;
const USERS = 100_000;
const SMALL_USERS = 20_000;

type Row = [string, string, string];
const rows: Row[] = [];
const fmt = (s: Spread, unit: string, digits = 0) =>
  `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
const ratio = (s: Spread) => `${s.median.toFixed(2)}x (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
const log = (message: string) => process.stderr.write(`${message}\n`);

/** What a client without any library would do: node:http with keep-alive, parse the JSON. */
function bareGet(agent: http.Agent, url: string, token: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => {
        if ((res.statusCode ?? 0) >= 400) reject(new Error(`HTTP ${res.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(parts).toString("utf8")));
      });
    });
    req.on("error", reject);
    req.end();
  });
}

async function sequential(ids: string[], get: (id: string) => Promise<unknown>): Promise<void> {
  for (const id of ids) await get(id);
}

function lookupRequests(ids: string[]) {
  return ids.map((id, i) => ({ id: String(i + 1), method: "GET", url: graphPath`/users/${id}` }));
}

async function sdkBatch(sdk: Client, baseUrl: string, ids: string[]): Promise<number> {
  const answers = await runBounded(
    chunks(ids, 20).map((group) => async () => {
      const content = new BatchRequestContent(
        group.map((id, i) => ({ id: String(i + 1), request: new Request(`${baseUrl}/users/${id}`, { method: "GET" }) })),
      );
      const response = new BatchResponseContent(await sdk.api("/$batch").post(await content.getContent()));
      return [...response.getResponses().values()].filter((r) => r.status === 200).length;
    }),
    4,
  );
  return answers.reduce((a, b) => a + b, 0);
}

async function main(): Promise<void> {
  log(`Starting emulators (${USERS} and ${SMALL_USERS} users) in child processes...`);
  const [emu, small] = await Promise.all([startEmulatorProcess(USERS), startEmulatorProcess(SMALL_USERS)]);
  try {
    const ids = (await emu.control("GET", `user-ids?count=${LOOKUPS}`)) as string[];
    const client = new GraphClient({ baseUrl: emu.url, accessToken: emu.token });
    const agent = new http.Agent({ keepAlive: true });
    // The built bundle, as the platform loads it.
    const load = createRequire(__filename);
    const component = (load(path.join(ROOT, "dist/index.js")) as { default: typeof import("../src").default }).default;
    const harness = createHarness(component);
    const app = { tenant: EMULATOR_APP.tenantId, clientId: EMULATOR_APP.clientId, clientSecret: EMULATOR_APP.clientSecret };
    const connection = createConnection(
      oauthClientCredentials,
      { baseUrl: emu.url, entraIdEndpoint: emu.url, ...app },
      { access_token: emu.token },
    );
    const bare = (id: string) => bareGet(agent, `${emu.url}/v1.0/users/${id}`, emu.token);
    const core = (id: string) => client.get(graphPath`/users/${id}`);
    // The action as the platform calls it: the bundle's converted perform (input clean functions, error hook).
    const getUser = component.actions.getUser as unknown as { perform: (context: unknown, params: unknown) => Promise<unknown> };
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, metric: () => undefined };
    const action = (id: string) => getUser.perform({ logger: quiet, debug: { enabled: false } }, { connection, userId: id });
    const viaHarness = (id: string) => harness.action("getUser", { connection, userId: id });

    // 1. Per-request overhead.
    log("1. per-request overhead...");
    const warm = ids.slice(0, 200);
    const variants: [string, (id: string) => Promise<unknown>][] = [
      ["bare", bare],
      ["core", core],
      ["action", action],
      ["harness", viaHarness],
    ];
    for (const [, get] of [...variants, ...variants]) await sequential(ids, get);
    const t1 = new Map(variants.map(([name]) => [name, { ms: [] as number[], ratio: [] as number[] }]));
    for (let run = 0; run < RUNS; run++) {
      // Rotate the order, so that drift (GC in the emulator, CPU frequency) favours no one.
      const order = variants.map((_, i) => variants[(i + run) % variants.length]);
      const times = new Map<string, number>();
      for (const [name, get] of order) times.set(name, (await timed(() => sequential(ids, get))).ms);
      for (const [name, ms] of times) {
        t1.get(name)?.ms.push(ms);
        t1.get(name)?.ratio.push(ms / (times.get("bare") as number));
      }
    }
    const row1 = (name: string, label: string, note: string) => {
      const t = t1.get(name) as { ms: number[]; ratio: number[] };
      rows.push([
        `1 per-request: ${label}`,
        fmt(spread(t.ms), " ms"),
        name === "bare" ? "baseline" : `${ratio(spread(t.ratio))} of bare${note}`,
      ]);
    };
    row1("bare", "bare node:http, 2,000 GET /users/{id}", "");
    row1("core", "Graph core (client.get)", "; goal ≤ 1.2x");
    row1("action", "getUser action (dist bundle: clean inputs, client, request)", "; goal ≤ 1.2x");
    row1("harness", "getUser through spectral's test harness", " (adds jest mock loggers per call)");

    // 2. Listing every user, each run in a fresh process so time and memory are the client's alone.
    log("2. listing all users...");
    type Listing = { ms: number; count: number; rssGrowthMB: number; peakHeapMB: number };
    const listing = async (mode: string, target = emu) =>
      runWorker<Listing>("scripts/bench/list-worker.ts", [mode, target.url, target.token], ["--expose-gc"]);
    const t2: Record<string, Listing[]> = { collect: [], items: [], sdk: [], collectSmall: [], itemsSmall: [] };
    const listRatio: number[] = [];
    for (let run = 0; run < LIST_RUNS; run++) {
      const [c, s, i] = [await listing("collect"), await listing("sdk"), await listing("items")];
      t2.collect?.push(c);
      t2.sdk?.push(s);
      t2.items?.push(i);
      listRatio.push(c.ms / s.ms);
      t2.collectSmall?.push(await listing("collect", small));
      t2.itemsSmall?.push(await listing("items", small));
    }
    const counts = new Set(
      Object.values(t2)
        .flat()
        .map((l) => l.count),
    );
    const memo = (list: Listing[] = []) =>
      `RSS +${fmt(spread(list.map((l) => l.rssGrowthMB)), " MB")}, heap peak +${spread(list.map((l) => l.peakHeapMB)).median.toFixed(0)} MB`;
    rows.push([
      `2 list ${USERS.toLocaleString("en-US")}: Graph SDK PageIterator ($top=999)`,
      fmt(spread(t2.sdk?.map((l) => l.ms) ?? []), " ms"),
      memo(t2.sdk),
    ]);
    rows.push([
      `2 list ${USERS.toLocaleString("en-US")}: our fetch-all (collect)`,
      fmt(spread(t2.collect?.map((l) => l.ms) ?? []), " ms"),
      `${ratio(spread(listRatio))} of SDK time; ${memo(t2.collect)}`,
    ]);
    rows.push([
      `2 list ${USERS.toLocaleString("en-US")}: our streaming (items)`,
      fmt(spread(t2.items?.map((l) => l.ms) ?? []), " ms"),
      memo(t2.items),
    ]);
    rows.push([
      `2 list ${SMALL_USERS.toLocaleString("en-US")}: our fetch-all (collect)`,
      fmt(spread(t2.collectSmall?.map((l) => l.ms) ?? []), " ms"),
      memo(t2.collectSmall),
    ]);
    rows.push([
      `2 list ${SMALL_USERS.toLocaleString("en-US")}: our streaming (items)`,
      fmt(spread(t2.itemsSmall?.map((l) => l.ms) ?? []), " ms"),
      memo(t2.itemsSmall),
    ]);
    rows.push(["2 items counted per listing", [...counts].join(", "), ""]);

    // 3. 2,000 lookups: sequential vs our batch runner vs the SDK's BatchRequestContent (both 4 $batch calls at once),
    // on the bare loopback and with a simulated service time per request (real Graph takes tens of ms per request).
    log("3. 2,000 lookups...");
    const sdk = sdkClient(emu.url, emu.token);
    await runBatch(client, lookupRequests(warm));
    await sdkBatch(sdk, emu.url, warm);
    const lookupsAt = async (serviceMs: number, runs: number) => {
      await emu.control("POST", "latency", { ms: serviceMs });
      const t = { seq: [] as number[], ours: [] as number[], sdk: [] as number[], speedup: [] as number[], vsSdk: [] as number[], oks: "" };
      for (let run = 0; run < runs; run++) {
        const s = (await timed(() => sequential(ids, core))).ms;
        const o = await timed(() => runBatch(client, lookupRequests(ids)));
        const k = await timed(() => sdkBatch(sdk, emu.url, ids));
        t.oks = `${o.value.filter((r) => r.status === 200).length} and ${k.value} answered 200`;
        t.seq.push(s);
        t.ours.push(o.ms);
        t.sdk.push(k.ms);
        t.speedup.push(s / o.ms);
        t.vsSdk.push(o.ms / k.ms);
      }
      await emu.control("POST", "latency", { ms: 0 });
      const where = serviceMs ? `, ${serviceMs} ms service time` : ", loopback";
      rows.push([`3 2,000 lookups${where}: sequential (core)`, fmt(spread(t.seq), " ms"), "baseline"]);
      rows.push([
        `3 2,000 lookups${where}: our batch runner (20 per $batch, 4 at once)`,
        fmt(spread(t.ours), " ms"),
        `${ratio(spread(t.speedup))} faster than sequential; goal ≥ 10x`,
      ]);
      rows.push([
        `3 2,000 lookups${where}: SDK BatchRequestContent (same pool of 4)`,
        fmt(spread(t.sdk), " ms"),
        `ours takes ${ratio(spread(t.vsSdk))} of the SDK's time; ${t.oks}`,
      ]);
      return t;
    };
    const t3 = await lookupsAt(0, RUNS);
    await lookupsAt(SERVICE_MS, LATENCY_RUNS);

    // 4. Throttling storm: 30% of sub-requests answered 429 with Retry-After: 1 (real seconds).
    log("4. throttling storm...");
    const unthrottled = spread(t3.ours).median;
    const t4 = { ms: [] as number[], ideal: [] as number[], ratio: [] as number[], lost: 0, duplicated: 0, throttled: [] as number[] };
    for (let run = 0; run < STORM_RUNS; run++) {
      await emu.control("POST", "reset");
      await emu.control("POST", "faults", {
        kind: "status",
        status: 429,
        retryAfter: "1",
        code: "TooManyRequests",
        path: "/users/",
        probability: 0.3,
        times: 1e9,
      });
      const requests = lookupRequests(ids);
      const { ms, value } = await timed(() => runBatch(client, requests, { maxRetries: 10 }));
      const { done, throttled } = (await emu.control("GET", "batch-log")) as {
        done: Record<string, number>;
        throttled: Record<string, number>;
      };
      await emu.control("POST", "reset");
      const longestChain = Math.max(0, ...Object.values(throttled));
      const ideal = unthrottled + longestChain * 1000;
      t4.ms.push(ms);
      t4.ideal.push(ideal);
      t4.ratio.push(ms / ideal);
      t4.throttled.push(Object.values(throttled).reduce((a, b) => a + b, 0));
      t4.lost += value.filter((r) => r.status !== 200).length + requests.filter((r) => !done[r.id]).length;
      t4.duplicated += Object.values(done).filter((n) => n > 1).length;
    }
    rows.push([
      "4 storm: 2,000 lookups, 30% of sub-requests 429 (Retry-After: 1)",
      fmt(spread(t4.ms), " ms"),
      `${spread(t4.throttled).median} 429s per run`,
    ]);
    rows.push([
      "4 storm: ideal (unthrottled time + longest run of necessary 1 s waits)",
      fmt(spread(t4.ideal), " ms"),
      `${ratio(spread(t4.ratio))} of ideal; goal ≤ 1.2x`,
    ]);
    rows.push(["4 storm: requests lost / done twice (all runs)", `${t4.lost} / ${t4.duplicated}`, "goal 0 / 0"]);

    // 5. Bundle size and cold require, ours vs the same component with the Graph SDK inside.
    log("5. bundles (building the comparison bundle with the SDK inside)...");
    const ours = path.join(ROOT, "dist/index.js");
    const withSdk = await buildSdkBundle();
    const [coldOurs, coldSdk] = [coldRequire(ours, RUNS), coldRequire(withSdk, RUNS)];
    rows.push(["5 dist/index.js: size, cold require", `${sizeMiB(ours).toFixed(2)} MiB`, fmt(coldOurs, " ms")]);
    rows.push(["5 same component + Graph SDK bundled: size, cold require", `${sizeMiB(withSdk).toFixed(2)} MiB`, fmt(coldSdk, " ms")]);
    fs.rmSync(path.dirname(withSdk), { recursive: true, force: true });
    rows.push(...(await (await import("./bench/coldStart")).coldStartRows(RUNS)));
    agent.destroy();
  } finally {
    await Promise.all([emu.stop(), small.stop()]);
  }

  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 10));
  const line = (r: Row) => r.map((cell, i) => cell.padEnd(widths[i])).join("  ");
  process.stdout.write(
    `\nBenchmarks (median (min–max) of ${RUNS} runs; listing and storm: ${LIST_RUNS} and ${STORM_RUNS} runs), node ${process.version}\n\n`,
  );
  process.stdout.write(`${line(["measure", "value", "ratio / notes"])}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
