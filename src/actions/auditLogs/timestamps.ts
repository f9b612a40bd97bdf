import { InputError } from "../../graph";
import { optionalString } from "../../inputs/clean";

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,12}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A DateTimeOffset in one fixed form: UTC, seven fractional digits (Graph's own precision in its logs,
 * e.g. 2024-05-01T13:45:07.1234567Z). Two canonical timestamps compare correctly as strings.
 * A date without a time is midnight UTC; a time without a zone is UTC. Undefined when the text is no such date.
 */
export function canonicalTimestamp(text: string): string | undefined {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const part = (index: number, fallback: string): string => match[index] ?? fallback;
  const fields = [
    Number(part(1, "")),
    Number(part(2, "")) - 1,
    Number(part(3, "")),
    Number(part(4, "00")),
    Number(part(5, "00")),
    Number(part(6, "00")),
  ] as const;
  const fraction = part(7, "");
  const zone = match[8];
  const local = new Date(Date.UTC(...fields));
  if (
    local.getUTCFullYear() !== fields[0] ||
    local.getUTCMonth() !== fields[1] ||
    local.getUTCDate() !== fields[2] ||
    local.getUTCHours() !== fields[3] ||
    local.getUTCMinutes() !== fields[4] ||
    local.getUTCSeconds() !== fields[5]
  ) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2));
    if (hours > 14 || minutes > 59) return undefined;
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
  }
  const utc = new Date(local.getTime() - offsetMinutes * 60_000);
  return `${utc.toISOString().slice(0, 19)}.${fraction.padEnd(7, "0").slice(0, 7)}Z`;
}

/** A canonical timestamp moved by whole seconds, keeping its fraction. */
export function shiftTimestamp(canonical: string, seconds: number): string {
  const whole = new Date(`${canonical.slice(0, 19)}Z`).getTime() + seconds * 1000;
  return `${new Date(whole).toISOString().slice(0, 19)}${canonical.slice(19)}`;
}

/** Clean function for a date or date-time input: its canonical UTC form, or undefined when left empty. */
export function timestampInput(label: string) {
  return (value: unknown): string | undefined => {
    const text = optionalString(value);
    if (text === undefined) return undefined;
    const canonical = canonicalTimestamp(text);
    if (!canonical) {
      throw new InputError(label, `"${text}" is not an ISO 8601 date or date-time (like 2024-05-01 or 2024-05-01T13:45:00Z)`);
    }
    return canonical;
  };
}
