import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./common";

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * Whether the median can be trusted: the medians of the odd and even repetitions (which ran interleaved with the
 * same other rows) differ by at most 10%. Undefined with fewer than 4 repetitions.
 */
function halvesDiffer(values: number[]): number | undefined {
  if (values.length < 4) return undefined;
  const a = spread(values.filter((_, i) => i % 2 === 0)).median;
  const b = spread(values.filter((_, i) => i % 2 === 1)).median;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.EPSILON);
}

export interface Row {
  /** "1 per-request", "3 batch", ... */
  section: string;
  name: string;
  unit: string;
  /** One value per repetition. */
  values: number[];
  digits?: number;
  /** Per-repetition ratios against another row measured in the same repetition; `of` reads after the number ("of bare"). */
  ratio?: { of: string; values: number[] };
  goal?: string;
  note?: string;
}

const UNSTABLE = 0.1;

export function cell(values: number[], unit: string, digits: number): string {
  const s = spread(values);
  if (s.min === s.max) return `${s.median.toFixed(digits)}${unit}`;
  return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

function stabilityNote(row: Row): string | undefined {
  const parts: string[] = [];
  const v = halvesDiffer(row.values);
  if (v !== undefined && v > UNSTABLE) parts.push(`value median unstable (halves differ ${(v * 100).toFixed(0)}%)`);
  const r = row.ratio ? halvesDiffer(row.ratio.values) : undefined;
  if (r !== undefined && r > UNSTABLE) parts.push(`ratio median unstable (halves differ ${(r * 100).toFixed(0)}%)`);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

export function printTable(rows: Row[], header: string): string {
  const cells = rows.map((row) => [
    `${row.section}: ${row.name}`,
    cell(row.values, row.unit, row.digits ?? 0),
    row.ratio ? `${cell(row.ratio.values, "x", 2)} ${row.ratio.of}` : "",
    [row.goal ? `goal ${row.goal}` : undefined, row.note, stabilityNote(row)].filter(Boolean).join("; "),
  ]);
  const head = ["measure", "median (min–max)", "ratio", "notes"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((text, i) => text.padEnd(widths[i]))
      .join(" | ")
      .trimEnd();
  return [header, "", line(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line), ""].join("\n");
}

/** bench/results.json: each row's median, min, max and ratio (not committed). */
export function writeResults(rows: Row[], meta: Record<string, unknown>): string {
  const file = path.join(ROOT, "bench/results.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = rows.map((row) => ({
    section: row.section,
    name: row.name,
    unit: row.unit.trim(),
    runs: row.values.length,
    ...spread(row.values),
    ratio: row.ratio ? { of: row.ratio.of, ...spread(row.ratio.values) } : undefined,
    goal: row.goal,
    note: row.note,
    unstable: stabilityNote(row),
  }));
  fs.writeFileSync(file, `${JSON.stringify({ ...meta, rows: out }, null, 2)}\n`);
  return file;
}
