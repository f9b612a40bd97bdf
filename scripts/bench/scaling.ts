/**
 * 6. The emulator stays linear to 300,000 users: seeding and listing time per user at 300k against 100k (a ratio
 * near 1 is linear; a quadratic step would show ~3x). Both emulators seed at the start of the run, side by side (one
 * core each). Listing runs our streaming client in a fresh process.
 */
import { Samples, rotated, runWorker } from "./common";
import type { EmulatorProcess } from "./common";
import type { Section } from "./context";

const thousands = (n: number) => `${n / 1000}k`;

export const scaling: Section = async ({ emu, large, reps, log }) => {
  const runs = reps(3, 1);
  log(`6. emulator scale: listing ${thousands(emu.users)} and ${thousands(large.users)} users, ${runs} runs each...`);
  const t = new Samples();
  for (let rep = 0; rep < runs; rep++) {
    for (const target of rotated([emu, large], rep)) {
      const result = await runWorker<{ ms: number; count: number }>("scripts/bench/list-worker.ts", ["items", target.url, target.token]);
      t.add(thousands(target.users), (result.ms * 1000) / target.users);
      t.add(`${thousands(target.users)}:count`, result.count);
    }
  }
  const [small, big] = [thousands(emu.users), thousands(large.users)];
  const seedPerUser = (p: EmulatorProcess) => (p.seedMs * 1000) / p.users;
  const section = "6 emulator scale";
  return [
    {
      section,
      name: `seeding ${big} users, per user`,
      unit: " µs",
      digits: 1,
      values: [seedPerUser(large)],
      ratio: { of: `of seeding ${small}, per user`, values: [seedPerUser(large) / seedPerUser(emu)] },
      note: `${(large.seedMs / 1000).toFixed(1)} s for ${big}, ${(emu.seedMs / 1000).toFixed(1)} s for ${small} (one seed each)`,
    },
    {
      section,
      name: `listing ${big} users (streaming, $top=999), per user`,
      unit: " µs",
      digits: 1,
      values: t.of(big),
      ratio: { of: `of listing ${small}, per user`, values: t.ratio(big, small) },
      note: `${t.of(`${big}:count`)[0]} users listed`,
    },
  ];
};
