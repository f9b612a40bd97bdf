import { createHash } from "node:crypto";
import { InputError } from "../../graph";
import { optionalString } from "../../inputs/clean";
import { canonicalTimestamp } from "./timestamps";

/**
 * Where an audit feed was left: the newest event time delivered, and the ids delivered at or near it
 * (within the look-back window), so that the next read can ask from that time again (ge, catching events
 * that arrive late with the same timestamp) and drop what was already delivered.
 */
export interface Checkpoint {
  feed: string;
  /** Canonical UTC timestamp of the newest event delivered; null before the first event. */
  newest: string | null;
  /** Canonical timestamp -> ids delivered at that time (only those still inside the look-back window). */
  seen: Record<string, string[]>;
}

const PREFIX = "mgcp1";
const CHECKSUM_LENGTH = 16;

function checksum(payload: string): string {
  return createHash("sha256").update(`${PREFIX}.${payload}`).digest("base64url").slice(0, CHECKSUM_LENGTH);
}

interface WireCheckpoint {
  f: string;
  t: string | null;
  s: Record<string, string[]>;
}

/** Opaque, versioned, self-checking text: `mgcp1.<base64url JSON>.<checksum>`. */
export function encodeCheckpoint(checkpoint: Checkpoint): string {
  const wire: WireCheckpoint = { f: checkpoint.feed, t: checkpoint.newest, s: checkpoint.seen };
  const payload = Buffer.from(JSON.stringify(wire), "utf8").toString("base64url");
  return `${PREFIX}.${payload}.${checksum(payload)}`;
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

/** Reads a checkpoint this component produced for `feed`; anything else is an InputError naming the input. */
export function decodeCheckpoint(text: string, feed: string, label = "Checkpoint"): Checkpoint {
  const notOurs = new InputError(
    label,
    "is not a checkpoint produced by this component's audit log actions (pass back the checkpoint of a previous result unchanged)",
  );
  const parts = text.trim().split(".");
  if (parts.length !== 3 || parts[0] !== PREFIX) throw notOurs;
  const [, payload = "", sum] = parts;
  if (checksum(payload) !== sum) throw notOurs;
  let wire: Partial<WireCheckpoint>;
  try {
    wire = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<WireCheckpoint>;
  } catch {
    throw notOurs;
  }
  if (typeof wire.f !== "string" || !(wire.t === null || isCanonical(wire.t)) || !isSeenMap(wire.s)) throw notOurs;
  if (wire.f !== feed) throw new InputError(label, `belongs to the ${wire.f} feed, not ${feed}`);
  return { feed: wire.f, newest: wire.t, seen: wire.s };
}

/** Clean function for the checkpoint input of one feed. */
export function checkpointInput(feed: string, label = "Checkpoint") {
  return (value: unknown): Checkpoint | undefined => {
    const text = optionalString(value);
    return text === undefined ? undefined : decodeCheckpoint(text, feed, label);
  };
}
