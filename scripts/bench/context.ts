import type { EmulatorProcess } from "./common";
import type { Row } from "./report";

/** What every section of the benchmark gets: the emulator (in its own process) and how many repetitions to run. */
export interface BenchContext {
  emu: EmulatorProcess;
  /** A 300,000-user emulator, started (and seeded) beside the first one before anything is measured; idle until used. */
  large: EmulatorProcess;
  /** `--quick`: fewer repetitions of the same rows. */
  quick: boolean;
  /** Repetitions for a section: `full` normally, `quick` with --quick. */
  reps: (full: number, quick: number) => number;
  log: (message: string) => void;
}

export type Section = (ctx: BenchContext) => Promise<Row[]>;
