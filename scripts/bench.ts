/**
 * `npm run bench [-- --quick] [--only=perRequest,batching]`: the component against the emulator (100,000 users, in its own process). Every row
 * compares like with like inside one run: the variants of a section run interleaved, in a rotated order, and each
 * ratio is taken repetition by repetition. Prints the median with min–max of every row (and says when the median is
 * not stable) and writes bench/results.json. Not a test: it asserts nothing.
 *
 * Bundle size and cold start are measured elsewhere, against a one-action anchor component; a section for them
 * plugs in as one more entry of SECTIONS.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, startEmulatorProcess } from "./bench/common";
import type { BenchContext, Section } from "./bench/context";
import { Row, printTable, writeResults } from "./bench/report";
import { perRequest } from "./bench/perRequest";
import { batching } from "./bench/batching";
import { storm } from "./bench/storm";
import { listing } from "./bench/listing";
import { delta } from "./bench/delta";
import { scaling } from "./bench/scaling";
import { bundleSection } from "./bench/coldStart";

const USERS = 100_000;
const LARGE_USERS = 300_000;
const SECTIONS: Record<string, Section> = { perRequest, batching, storm, listing, delta, scaling, bundle: bundleSection };

/** Newest modification time of the files under `dir`. */
function newest(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/** The actions are measured from dist/, as the platform loads them: rebuilt when src/ changed since. */
function ensureBuilt(log: (message: string) => void): void {
  const bundle = path.join(ROOT, "dist/index.js");
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= newest(path.join(ROOT, "src"))) return;
  log("Building dist/ (src/ changed since the last build)...");
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  // --only=perRequest,storm runs just those sections (while working on one of them).
  const only = process.argv
    .find((arg) => arg.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",");
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const started = process.hrtime.bigint();
  ensureBuilt(log);
  log(`Starting the emulators (${USERS} and ${LARGE_USERS} users) in child processes...`);
  const [emu, large] = await Promise.all([startEmulatorProcess(USERS), startEmulatorProcess(LARGE_USERS)]);
  const ctx: BenchContext = { emu, large, quick, reps: (full, fewer) => (quick ? fewer : full), log };
  const rows: Row[] = [];
  try {
    for (const [name, section] of Object.entries(SECTIONS)) {
      if (only && !only.includes(name)) continue;
      const at = process.hrtime.bigint();
      rows.push(...(await section(ctx)));
      log(`   ${name}: ${(Number(process.hrtime.bigint() - at) / 1e9).toFixed(1)} s`);
    }
  } finally {
    await Promise.all([emu.stop(), large.stop()]);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const header = `Benchmarks${quick ? " (--quick)" : ""}: median (min–max) over the repetitions of one run; node ${process.version}, ${os.cpus().length} CPUs, ${seconds.toFixed(0)} s`;
  process.stdout.write(`\n${printTable(rows, header)}`);
  const file = writeResults(rows, { quick, node: process.version, cpus: os.cpus().length, seconds, date: new Date().toISOString() });
  log(`Wrote ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
