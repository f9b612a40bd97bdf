import { randomUUID } from "node:crypto";
import { Checkpoint, decodeCheckpoint, encodeCheckpoint, idKey } from "../../src/actions/auditLogs/checkpoint";
import { canonicalTimestamp, shiftTimestamp } from "../../src/actions/auditLogs/timestamps";

const DAY_EVENTS = 100_000;
const DAY_START = Date.parse("2026-03-01T00:00:00Z");

/** A day of directory audit events, evenly spread, with ids shaped as Graph's (Directory_<guid>_<suffix>_<n>). */
function day(): { id: string; time: string }[] {
  return Array.from({ length: DAY_EVENTS }, (_, i) => ({
    id: `Directory_${randomUUID()}_1P4TQ_${53446279 + i}`,
    time: canonicalTimestamp(new Date(DAY_START + Math.floor((i * 86_400_000) / DAY_EVENTS)).toISOString()) as string,
  }));
}

/** The state the audit feed keeps after delivering the whole day: what falls inside the look-back window. */
function checkpointAfter(events: { id: string; time: string }[], lookBackMinutes: number, keyed: (id: string) => string): Checkpoint {
  const newest = events[events.length - 1].time;
  const keepFrom = shiftTimestamp(newest, -lookBackMinutes * 60);
  const seen: Record<string, string[]> = {};
  for (const { id, time } of events) if (time >= keepFrom) (seen[time] ??= []).push(keyed(id));
  return { feed: "directoryAudits", newest, seen };
}

/** The size the previous form took: the ids themselves, as JSON inside base64. */
function idsFormSize(checkpoint: Checkpoint): number {
  return Buffer.from(JSON.stringify({ f: checkpoint.feed, t: checkpoint.newest, s: checkpoint.seen })).toString("base64url").length;
}

test("state size for a 100,000-event day at 120 and 360 minutes of look-back", () => {
  const events = day();
  const sizes: string[] = [];
  for (const minutes of [120, 360]) {
    const withIds = checkpointAfter(events, minutes, (id) => id);
    const compact = checkpointAfter(events, minutes, idKey);
    const kept = Object.values(compact.seen).reduce((n, ids) => n + ids.length, 0);
    const text = encodeCheckpoint(compact);
    sizes.push(
      `look-back ${minutes} min: ${kept} events in the window, state ${text.length} bytes ` +
        `(${(text.length / kept).toFixed(1)} per event; ids in JSON would take ${idsFormSize(withIds)})`,
    );
    expect(kept).toBeGreaterThanOrEqual(Math.floor((DAY_EVENTS * minutes) / 1440));
    expect(text.length / kept).toBeLessThan(14);

    // Nothing is lost in the round trip: every key, at a time no earlier than the event's own.
    const back = decodeCheckpoint(text, "directoryAudits");
    const times = new Map<string, string>();
    for (const [time, keys] of Object.entries(back.seen)) for (const key of keys) times.set(key, time);
    expect(times.size).toBe(kept);
    for (const [time, keys] of Object.entries(compact.seen)) for (const key of keys) expect(times.get(key)! >= time).toBe(true);
  }
  console.log(`Audit feed state for a ${DAY_EVENTS}-event day:\n${sizes.join("\n")}`);
});

test("a checkpoint in the earlier form (ids, not keys) is still read, its ids turned into keys", () => {
  const payload = Buffer.from(
    JSON.stringify({ f: "signIns", t: "2026-03-01T10:00:00.5000000Z", s: { "2026-03-01T10:00:00.5000000Z": ["a-1", "b-2"] } }),
  ).toString("base64url");
  const { createHash } = jest.requireActual<typeof import("node:crypto")>("node:crypto");
  const sum = createHash("sha256").update(`mgcp1.${payload}`).digest("base64url").slice(0, 16);
  const decoded = decodeCheckpoint(`mgcp1.${payload}.${sum}`, "signIns");
  expect(decoded.seen).toEqual({ "2026-03-01T10:00:00.5000000Z": [idKey("a-1"), idKey("b-2")] });
});
