/**
 * 4. Listing every user of the 100,000-user tenant ($top=999), each listing in a fresh process so that its time and
 * memory are the client's alone; the four modes interleaved. Streaming pairs with the SDK's PageIterator callback
 * (both hold nothing); fetch-all pairs with the PageIterator pushing into an array.
 */
import { Samples, rotated, runWorker } from "./common";
import type { Section } from "./context";
import type { Row } from "./report";
import { spread } from "./report";

interface Listing {
  ms: number;
  count: number;
  rssGrowthMB: number;
  peakHeapMB: number;
}

const MODES = ["items", "sdk-iterate", "collect", "sdk-collect"] as const;

export const listing: Section = async ({ emu, reps, log }) => {
  const runs = reps(5, 1);
  log(`4. listing all users: ${runs} runs of each mode, each in a fresh process...`);
  const t = new Samples();
  const counts = new Set<number>();
  for (let rep = 0; rep < runs; rep++) {
    for (const mode of rotated(MODES, rep)) {
      const result = await runWorker<Listing>("scripts/bench/list-worker.ts", [mode, emu.url, emu.token], ["--expose-gc"]);
      t.add(mode, result.ms);
      t.add(`${mode}:rss`, result.rssGrowthMB);
      t.add(`${mode}:heap`, result.peakHeapMB);
      counts.add(result.count);
    }
  }
  const memory = (mode: string) =>
    `RSS +${spread(t.of(`${mode}:rss`)).median.toFixed(0)} MB, heap peak +${spread(t.of(`${mode}:heap`)).median.toFixed(0)} MB`;
  const users = [...counts].join(", ");
  const section = `4 list ${users} users`;
  const rows: Row[] = [
    { section, name: "SDK PageIterator, callback (holds nothing)", unit: " ms", values: t.of("sdk-iterate"), note: memory("sdk-iterate") },
    {
      section,
      name: "our streaming (client.items)",
      unit: " ms",
      values: t.of("items"),
      ratio: { of: "of the SDK callback's time", values: t.ratio("items", "sdk-iterate") },
      note: memory("items"),
    },
    { section, name: "SDK PageIterator into an array (fetch-all)", unit: " ms", values: t.of("sdk-collect"), note: memory("sdk-collect") },
    {
      section,
      name: "our fetch-all (client.collect)",
      unit: " ms",
      values: t.of("collect"),
      ratio: { of: "of the SDK fetch-all's time", values: t.ratio("collect", "sdk-collect") },
      note: memory("collect"),
    },
  ];
  if (counts.size !== 1) rows.push({ section, name: "item counts differ between modes", unit: "", values: [counts.size] });
  return rows;
};
