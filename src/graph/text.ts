/** Text of a loosely typed value (input fields, header values): objects become JSON rather than "[object Object]". */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  return JSON.stringify(value);
}
