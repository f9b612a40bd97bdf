/**
 * `npm run bench [-- --quick]`: the component against the emulator (100,000 users, in its own process). Every row
 * compares like with like inside one run: the variants of a section run interleaved, in a rotated order, and each
 * ratio is taken repetition by repetition. Prints the median with min–max of every row (and says when the median is
 * not stable) and writes bench/results.json. Not a test: it asserts nothing.
 *
 * Bundle size and cold start are measured elsewhere, against a one-action anchor component; a section for them
 * plugs in as one more entry of SECTIONS.
 */
import os from "node:os";
import { startEmulatorProcess } from "./bench/common";
import type { BenchContext, Section } from "./bench/context";
import { Row, printTable, writeResults } from "./bench/report";
import { perRequest } from "./bench/perRequest";
import { batching } from "./bench/batching";
import { storm } from "./bench/storm";
import { listing } from "./bench/listing";
import { delta } from "./bench/delta";
import { scaling } from "./bench/scaling";

const USERS = 100_000;
const SECTIONS: Section[] = [perRequest, batching, storm, listing, delta, scaling];

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const started = process.hrtime.bigint();
  log(`Starting the emulator (${USERS} users) in a child process...`);
  const emu = await startEmulatorProcess(USERS);
  const ctx: BenchContext = { emu, quick, reps: (full, fewer) => (quick ? fewer : full), log };
  const rows: Row[] = [];
  try {
    for (const section of SECTIONS) rows.push(...(await section(ctx)));
  } finally {
    await emu.stop();
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
