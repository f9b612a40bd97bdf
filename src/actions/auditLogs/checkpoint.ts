import { createHash } from "node:crypto";
import { InputError } from "../../graph";
import { optionalString } from "../../inputs/clean";
import { canonicalTimestamp, shiftTimestamp } from "./timestamps";

/**
 * Where an audit feed was left: the newest event time delivered, and the events delivered at or near it (within the
 * look-back window), so that the next read can ask from that time again (ge, catching events that arrive late with
 * the same timestamp) and drop what was already delivered. Events are remembered by `idKey` (a short hash of the id),
 * not by id: the state grows by about 11 bytes per event in the window, whatever the ids look like.
 */
export interface Checkpoint {
  feed: string;
  /** Canonical UTC timestamp of the newest event delivered; null before the first event. */
  newest: string | null;
  /** Canonical timestamp -> id keys delivered at (or just before) that time, only those still inside the look-back window. */
  seen: Record<string, string[]>;
}

const PREFIX = "mgcp2";
const LEGACY_PREFIX = "mgcp1";
const CHECKSUM_LENGTH = 16;
const KEY_BYTES = 8;

/**
 * The key an event is remembered by: 64 bits of SHA-256 of its id. Two ids in one window colliding (and the later
 * one being taken for delivered) has a chance of about n^2 / 2^65: under 1 in 3,000,000,000 for 100,000 events.
 */
export function idKey(id: string): string {
  return createHash("sha256").update(id, "utf8").digest().subarray(0, KEY_BYTES).toString("base64url");
}

function checksum(prefix: string, payload: string): string {
  return createHash("sha256").update(`${prefix}.${payload}`).digest("base64url").slice(0, CHECKSUM_LENGTH);
}

function wholeSeconds(canonical: string): number {
  return Date.parse(`${canonical.slice(0, 19)}Z`) / 1000;
}

/**
 * How many whole seconds before `newest` a time lies, rounded down, so that the time rebuilt from it (newest minus
 * that many seconds, with newest's fraction) is never earlier than the real one: an event is pruned only once it is
 * surely out of the window.
 */
function secondsBefore(newest: string, time: string): number {
  const whole = wholeSeconds(newest) - wholeSeconds(time);
  return Math.max(0, time.slice(20) > newest.slice(20) ? whole - 1 : whole);
}

function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

function readVarint(bytes: Buffer, at: { offset: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at.offset++];
    if (byte === undefined || scale > 2 ** 35) throw new Error("truncated");
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
  }
}

/** seen as bytes: per time (newest first), the seconds since the previous time and the count (varints), then the 8-byte keys. */
function packSeen(newest: string | null, seen: Record<string, string[]>): string {
  const out: number[] = [];
  const keys: Buffer[] = [];
  const groups = new Map<number, string[]>();
  for (const [time, ids] of Object.entries(seen)) {
    const offset = newest ? secondsBefore(newest, time) : 0;
    groups.set(offset, [...(groups.get(offset) ?? []), ...ids]);
  }
  let previous = 0;
  for (const [offset, ids] of [...groups].sort((a, b) => a[0] - b[0])) {
    writeVarint(out, offset - previous);
    previous = offset;
    writeVarint(out, ids.length);
    for (const key of ids) keys.push(Buffer.from(key, "base64url"));
    out.push(...Buffer.concat(keys.splice(0)));
  }
  return Buffer.from(out).toString("base64url");
}

function unpackSeen(newest: string | null, packed: string): Record<string, string[]> {
  const bytes = Buffer.from(packed, "base64url");
  const seen: Record<string, string[]> = {};
  const at = { offset: 0 };
  let offset = 0;
  while (at.offset < bytes.length) {
    offset += readVarint(bytes, at);
    const count = readVarint(bytes, at);
    if (!newest || at.offset + count * KEY_BYTES > bytes.length) throw new Error("truncated");
    const time = shiftTimestamp(newest, -offset);
    const keys = (seen[time] ??= []);
    for (let i = 0; i < count; i++, at.offset += KEY_BYTES)
      keys.push(bytes.subarray(at.offset, at.offset + KEY_BYTES).toString("base64url"));
  }
  return seen;
}

interface WireHeader {
  f: string;
  t: string | null;
  /** v1 only: canonical time -> ids. */
  s?: Record<string, string[]>;
}

/**
 * Opaque, versioned, self-checking text: `mgcp2.<base64url JSON header>.<base64url packed keys>.<checksum>`. The
 * keys are packed once (not JSON inside base64), so 8 bytes per event become about 11 characters.
 */
export function encodeCheckpoint(checkpoint: Checkpoint): string {
  const header: WireHeader = { f: checkpoint.feed, t: checkpoint.newest };
  const payload = `${Buffer.from(JSON.stringify(header), "utf8").toString("base64url")}.${packSeen(checkpoint.newest, checkpoint.seen)}`;
  return `${PREFIX}.${payload}.${checksum(PREFIX, payload)}`;
}

function isCanonical(value: unknown): value is string {
  return typeof value === "string" && canonicalTimestamp(value) === value;
}

function isSeenMap(value: unknown): value is Record<string, string[]> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.entries(value as Record<string, unknown>).every(
    ([time, ids]) => isCanonical(time) && Array.isArray(ids) && ids.every((id) => typeof id === "string"),
  );
}

/** The header and the seen map of either form; throws on anything malformed. */
function parse(parts: string[]): { header: Partial<WireHeader>; seen: Record<string, string[]> | undefined } {
  const [prefix, head = "", packed = ""] = parts;
  const header = JSON.parse(Buffer.from(head, "base64url").toString("utf8")) as Partial<WireHeader>;
  if (prefix === PREFIX) return { header, seen: isCanonical(header.t) || header.t === null ? unpackSeen(header.t, packed) : undefined };
  // A checkpoint from before the compact form: its ids become keys.
  if (!isSeenMap(header.s)) return { header, seen: undefined };
  return { header, seen: Object.fromEntries(Object.entries(header.s).map(([time, ids]) => [time, ids.map(idKey)])) };
}

/** Reads a checkpoint this component produced for `feed`; anything else is an InputError naming the input. */
export function decodeCheckpoint(text: string, feed: string, label = "Checkpoint"): Checkpoint {
  const notOurs = new InputError(
    label,
    "is not a checkpoint produced by this component's audit log actions (pass back the checkpoint of a previous result unchanged)",
  );
  const parts = text.trim().split(".");
  const prefix = parts[0];
  const expected = prefix === PREFIX ? 4 : prefix === LEGACY_PREFIX ? 3 : 0;
  if (parts.length !== expected) throw notOurs;
  const payload = parts.slice(1, -1).join(".");
  if (checksum(prefix ?? "", payload) !== parts[parts.length - 1]) throw notOurs;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(parts);
  } catch {
    throw notOurs;
  }
  const { header, seen } = parsed;
  if (typeof header.f !== "string" || !(header.t === null || isCanonical(header.t)) || !seen) throw notOurs;
  if (header.f !== feed) throw new InputError(label, `belongs to the ${header.f} feed, not ${feed}`);
  return { feed: header.f, newest: header.t, seen };
}

/** Clean function for the checkpoint input of one feed. */
export function checkpointInput(feed: string, label = "Checkpoint") {
  return (value: unknown): Checkpoint | undefined => {
    const text = optionalString(value);
    return text === undefined ? undefined : decodeCheckpoint(text, feed, label);
  };
}
