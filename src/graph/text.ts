/** Text of a loosely typed value (input fields, header values): objects become JSON rather than "[object Object]". */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  return JSON.stringify(value);
}

/** A header's value looked up case-insensitively, as HTTP names are. */
export function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  const key = Object.keys(headers).find((h) => h.toLowerCase() === lower);
  return key === undefined ? undefined : headers[key];
}

const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/gu;

/**
 * Text from outside (a caller's request, a remote answer) made safe for one log line: control characters (CR, LF,
 * ESC and the rest) become "?" so that no forged line or terminal escape can be written, and the result is cut to
 * `max` characters.
 */
export function forLog(value: unknown, max = 120): string {
  const text = asText(value).replace(CONTROL_CHARACTERS, "?");
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
