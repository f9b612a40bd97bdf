/**
 * Bundle size and cold start, as whole-process timings: `node -e "require(bundle)"` from spawn to exit,
 * interleaved A/B against a one-action spectral component (a Raw Request on spectral's stock HTTP client, the shape
 * of Prismatic's own Microsoft Graph component) built in the same run with webpack's defaults.
 * `npm run bench` includes it (`bundleSection` fits the sectioned benchmark's table); on its own:
 * `npm run build && npx tsx scripts/bench/coldStart.ts [runs]`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { ROOT } from "./common";
import type { Row } from "./report";

const ONE_ACTION_COMPONENT = `
const { action, component, input, oauth2Connection, OAuth2Type } = require("@prismatic-io/spectral");
const { inputs, sendRawRequest } = require("@prismatic-io/spectral/dist/clients/http");
const connection = oauth2Connection({
  key: "oauth",
  display: { label: "OAuth 2.0", description: "Authorization code" },
  oauth2Type: OAuth2Type.AuthorizationCode,
  inputs: {
    authorizeUrl: { label: "Authorize URL", type: "string", required: true, shown: true, default: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize" },
    tokenUrl: { label: "Token URL", type: "string", required: true, shown: true, default: "https://login.microsoftonline.com/common/oauth2/v2.0/token" },
    scopes: { label: "Scopes", type: "string", required: true, shown: true, default: "https://graph.microsoft.com/User.Read.All offline_access" },
    clientId: { label: "Client ID", type: "string", required: true, shown: true },
    clientSecret: { label: "Client Secret", type: "password", required: true, shown: true },
  },
});
const rawRequest = action({
  display: { label: "Raw Request", description: "Send a raw HTTP request to Microsoft Graph" },
  inputs: { connection: input({ label: "Connection", type: "connection", required: true }), ...inputs },
  perform: async (_context, { connection, ...params }) => {
    const { data } = await sendRawRequest("https://graph.microsoft.com/v1.0", params, { Authorization: "Bearer " + connection.token.access_token });
    return { data };
  },
});
module.exports = component({
  key: "one-action",
  display: { label: "One action", description: "A one-action spectral component", iconPath: "icon.png" },
  actions: { rawRequest },
  connections: [connection],
});
`;

/** Builds the one-action component, minified with webpack's defaults, into a temporary directory. */
export async function buildOneActionComponent(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-graph-one-action-"));
  fs.writeFileSync(path.join(dir, "entry.js"), ONE_ACTION_COMPONENT);
  const config: webpack.Configuration = {
    mode: "production",
    target: "node",
    context: ROOT,
    entry: path.join(dir, "entry.js"),
    output: { path: path.join(dir, "dist"), filename: "index.js", libraryTarget: "commonjs2" },
    resolve: { modules: [path.join(ROOT, "node_modules"), "node_modules"] },
    ignoreWarnings: [{ module: /jest-util|@jest/ }],
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
      else resolve();
    }),
  );
  return path.join(dir, "dist/index.js");
}

/** Wall time of a whole `node` process that requires the file (or nothing), in ms. */
function processMs(file?: string): number {
  const script = file ? `require(${JSON.stringify(file)})` : "0";
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["-e", script], { stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node -e ${script} exited with ${run.status}`);
  return ms;
}

export interface ColdStart {
  sizeMiB: { ours: number; oneAction: number };
  /** Whole-process milliseconds, one value per repetition. */
  ms: { ours: number[]; oneAction: number[]; bareNode: number[] };
  /** ours / one-action, per interleaved pair. */
  ratio: number[];
}

/** Interleaves ours, the one-action component and a bare `node` in alternating order, `runs` times each. */
export async function measureColdStart(runs: number, ours = path.join(ROOT, "dist/index.js")): Promise<ColdStart> {
  const oneAction = await buildOneActionComponent();
  try {
    processMs(ours); // warm the file cache for both, so neither pays the first disk read
    processMs(oneAction);
    const ms = { ours: [] as number[], oneAction: [] as number[], bareNode: [] as number[] };
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (["ours", "oneAction"] as const) : (["oneAction", "ours"] as const);
      for (const which of order) ms[which].push(processMs(which === "ours" ? ours : oneAction));
      ms.bareNode.push(processMs());
    }
    const mib = (file: string) => fs.statSync(file).size / 1048576;
    return { sizeMiB: { ours: mib(ours), oneAction: mib(oneAction) }, ms, ratio: ms.ours.map((t, i) => t / ms.oneAction[i]) };
  } finally {
    fs.rmSync(path.dirname(path.dirname(oneAction)), { recursive: true, force: true });
  }
}

/** The bundle section of the benchmark table: sizes, then cold starts with ours / one-action per pair. */
export async function bundleSection(ctx: {
  reps: (full: number, quick: number) => number;
  log: (message: string) => void;
}): Promise<Row[]> {
  const runs = ctx.reps(15, 5);
  ctx.log(`bundle: building the one-action component, then ${runs} interleaved cold starts...`);
  const r = await measureColdStart(runs);
  const section = "bundle";
  return [
    {
      section,
      name: "dist/index.js size",
      unit: " MiB",
      digits: 2,
      values: [r.sizeMiB.ours],
      goal: "≤ 1.3 MiB",
      ratio: { of: "one-action", values: [r.sizeMiB.ours / r.sizeMiB.oneAction] },
    },
    { section, name: "one-action spectral component size (anchor)", unit: " MiB", digits: 2, values: [r.sizeMiB.oneAction] },
    {
      section,
      name: "dist/index.js cold start (whole node process)",
      unit: " ms",
      values: r.ms.ours,
      goal: "≤ 1.1x",
      ratio: { of: "one-action", values: r.ratio },
    },
    { section, name: "one-action component cold start (anchor)", unit: " ms", values: r.ms.oneAction },
    { section, name: "bare node process", unit: " ms", values: r.ms.bareNode },
  ];
}

/** "median (min–max)"; the sectioned benchmark table does its own summaries from the raw values. */
function fmt(values: number[], digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
  return `${median.toFixed(digits)} (${sorted[0].toFixed(digits)}–${sorted[sorted.length - 1].toFixed(digits)})`;
}

/** Rows for a table of [measure, value, notes]. */
export async function coldStartRows(runs: number): Promise<[string, string, string][]> {
  const rows = await bundleSection({ reps: () => Math.max(runs, 5), log: (message) => process.stderr.write(`${message}\n`) });
  return rows.map((row) => [
    `6 ${row.name}`,
    `${fmt(row.values, row.digits)}${row.unit}`,
    [row.ratio && `${fmt(row.ratio.values, 2)}x of ${row.ratio.of}`, row.goal && `goal ${row.goal}`].filter(Boolean).join("; "),
  ]);
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 15);
  coldStartRows(runs).then(
    (rows) => rows.forEach((row) => process.stdout.write(`${row.join("  |  ")}\n`)),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
