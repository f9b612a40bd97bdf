/**
 * 5. Delta rounds on the 100,000-user tenant: an incremental round after 1k, 10k and 30k changed users, and a full
 * round (against the same round at 100 objects per page), through the usersDelta action of the built bundle, with the
 * number of pages each took. The emulator's delta route reads only the changes on each page, so these times are the
 * client's and the wire's.
 */
import { GraphClient } from "../../src/graph";
import { runDeltaRound } from "../../src/graph/delta";
import { MAX_DELTA_PAGE_SIZE } from "../../emulator/areas/directory/delta";
import { Samples, rotated, timed } from "./common";
import type { Section } from "./context";
import type { Row } from "./report";
import { distAction } from "./dist";

interface DeltaData {
  value: unknown[];
  pages: number;
}

const CHANGES = [1000, 10_000, 30_000];
/** The same properties for every round compared. */
const SELECT = "id,displayName,userPrincipalName,mail,jobTitle,accountEnabled";

export const delta: Section = async ({ emu, reps, log }) => {
  const runs = reps(3, 1);
  const client = new GraphClient({ baseUrl: emu.url, accessToken: emu.token });
  const usersDelta = distAction("usersDelta", emu.url, emu.token);
  const t = new Samples();
  const rows: Row[] = [];
  let offset = 0;
  for (const changes of CHANGES) {
    log(`5. delta: ${runs} incremental rounds after ${changes} changes...`);
    for (let rep = 0; rep < runs; rep++) {
      const { deltaLink } = await runDeltaRound(client, { resource: "users", latestOnly: true });
      await emu.control("POST", "touch-users", { count: changes, offset });
      offset += changes;
      const { ms, value } = await timed(() => usersDelta({ deltaLink, select: SELECT }) as Promise<{ data: DeltaData }>);
      t.add(`inc${changes}`, ms);
      t.add(`inc${changes}:pages`, value.data.pages);
      t.add(`inc${changes}:objects`, value.data.value.length);
    }
    rows.push({
      section: "5 delta",
      name: `incremental round after ${changes.toLocaleString("en-US")} changed users (usersDelta, dist)`,
      unit: " ms",
      values: t.of(`inc${changes}`),
      note: `${t.of(`inc${changes}:pages`)[0]} pages, ${t.of(`inc${changes}:objects`)[0]} objects`,
    });
  }
  log(`5. delta: ${runs} full rounds over every user, at Graph's page of ${MAX_DELTA_PAGE_SIZE} and at 100...`);
  const full: [string, () => Promise<{ pages: number; objects: number }>][] = [
    [
      "action",
      async () => {
        const { data } = (await usersDelta({ select: SELECT })) as { data: DeltaData };
        return { pages: data.pages, objects: data.value.length };
      },
    ],
    [
      "small",
      async () => {
        const round = await runDeltaRound(client, { resource: "users", select: SELECT, pageSize: 100 });
        return { pages: round.pages, objects: round.changes.length };
      },
    ],
  ];
  for (let rep = 0; rep < runs; rep++) {
    for (const [name, run] of rotated(full, rep)) {
      const { ms, value } = await timed(run);
      t.add(name, ms);
      t.add(`${name}:pages`, value.pages);
      t.add(`${name}:objects`, value.objects);
    }
  }
  rows.push({
    section: "5 delta",
    name: "full users round (usersDelta, dist)",
    unit: " ms",
    values: t.of("action"),
    ratio: { of: "of the same round at 100 per page", values: t.ratio("action", "small") },
    note: `${t.of("action:pages")[0]} pages, ${t.of("action:objects")[0]} objects`,
  });
  rows.push({
    section: "5 delta",
    name: "the same round at 100 per page (core, Prefer: odata.maxpagesize=100)",
    unit: " ms",
    values: t.of("small"),
    note: `${t.of("small:pages")[0]} pages, ${t.of("small:objects")[0]} objects`,
  });
  return rows;
};
