import { InputError, checkSegment } from "../graph";
import { isGuid } from "../connections/validate";

/** Input values arrive as strings from the designer (and as "" when left empty). */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function optionalString(value: unknown): string | undefined {
  return isBlank(value) ? undefined : String(value).trim();
}

export function requiredString(label: string) {
  return (value: unknown): string => {
    const text = optionalString(value);
    if (text === undefined) throw new InputError(label, "is required");
    return text;
  };
}

/** A required id that goes into a URL path segment: checked as the core's segment encoder would, naming the input. */
export function pathId(label: string) {
  return (value: unknown): string => checkSegment(requiredString(label)(value), label);
}

export interface IntegerRule {
  min?: number;
  max?: number;
  fallback?: number;
}

export function parseInteger(value: unknown, label: string, rule: IntegerRule = {}): number | undefined {
  if (isBlank(value)) return rule.fallback;
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text)) throw new InputError(label, `"${text}" is not a whole number`);
  const n = Number(text);
  if (rule.min !== undefined && n < rule.min) throw new InputError(label, `${n} is below the minimum of ${rule.min}`);
  if (rule.max !== undefined && n > rule.max) throw new InputError(label, `${n} is above the maximum of ${rule.max}`);
  return n;
}

export function integer(label: string, rule: IntegerRule = {}) {
  return (value: unknown): number | undefined => parseInteger(value, label, rule);
}

export function boolean(label: string, fallback = false) {
  return (value: unknown): boolean => {
    if (isBlank(value)) return fallback;
    if (typeof value === "boolean") return value;
    const text = String(value).trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
    throw new InputError(label, `"${String(value)}" is not true or false`);
  };
}

export function oneOf<T extends string>(label: string, allowed: readonly T[], fallback?: T) {
  return (value: unknown): T => {
    const text = optionalString(value);
    if (text === undefined) {
      if (fallback !== undefined) return fallback;
      throw new InputError(label, `is required; one of ${allowed.join(", ")}`);
    }
    const match = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
    if (!match) throw new InputError(label, `"${text}" is not one of ${allowed.join(", ")}`);
    return match;
  };
}

/** Like oneOf, but empty stays undefined (the property is left unchanged or to Graph's default). */
export function optionalOneOf<T extends string>(label: string, allowed: readonly T[]) {
  const check = oneOf(label, allowed);
  return (value: unknown): T | undefined => (isBlank(value) ? undefined : check(value));
}

/** A required text input (an id): trimmed, and an error saying what it is when empty. */
export function requiredText(label: string, what: string) {
  return (value: unknown): string => {
    const text = optionalString(value);
    if (text === undefined) throw new InputError(label, `is required: ${what}`);
    return text;
  };
}

/** A JSON input: objects pass through (the designer may hand over parsed JSON), strings must parse. */
export function parseJson(value: unknown, label: string): unknown {
  if (isBlank(value)) return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new InputError(label, `is not valid JSON (${(error as Error).message})`);
  }
}

export function jsonObject(label: string) {
  return (value: unknown): Record<string, unknown> | undefined => {
    const parsed = parseJson(value, label);
    if (parsed === undefined) return undefined;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new InputError(label, "must be a JSON object");
    return parsed as Record<string, unknown>;
  };
}

export function guid(label: string, required = true) {
  return (value: unknown): string | undefined => {
    const text = optionalString(value);
    if (text === undefined) {
      if (required) throw new InputError(label, "is required");
      return undefined;
    }
    if (!isGuid(text)) throw new InputError(label, `"${text}" is not a GUID (like 6731de76-14a6-49ae-97bc-6eba6914391e)`);
    return text.toLowerCase();
  };
}

// Guest UPNs carry #EXT# (encodeSegment keeps it inside the path segment); domain labels may hold ' (the
// emulator's o'brien.example), which must survive OData escaping and path encoding.
const UPN = /^[^\s@/\\?]+@[a-z0-9'](?:[a-z0-9'-]*[a-z0-9'])?(?:\.[a-z0-9'](?:[a-z0-9'-]*[a-z0-9'])?)+$/i;

/** A user reference as Graph's /users/{id | userPrincipalName} takes it. */
export function userReference(label: string) {
  return (value: unknown): string => {
    const text = optionalString(value);
    if (text === undefined) throw new InputError(label, "is required: a user's object ID (GUID) or userPrincipalName");
    if (isGuid(text) || UPN.test(text)) return text;
    throw new InputError(label, `"${text}" is neither an object ID (GUID) nor a userPrincipalName like ann@contoso.com`);
  };
}

export interface KeyValue {
  key: string;
  value: unknown;
}

/** Key/value list inputs arrive as [{key, value}] (or an object from a previous step). */
export function keyValueList(value: unknown, label: string): KeyValue[] {
  if (isBlank(value)) return [];
  if (Array.isArray(value)) {
    return value.map((entry, i) => {
      if (!entry || typeof entry !== "object" || !("key" in entry)) throw new InputError(label, `entry ${i + 1} has no key`);
      const { key, value: v } = entry as { key: unknown; value: unknown };
      return { key: String(key), value: v };
    });
  }
  if (typeof value === "object") return Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: v }));
  throw new InputError(label, "must be a list of key/value pairs");
}

/** A value-list input (or a comma/newline-separated string) as trimmed, non-empty strings. */
export function stringList(value: unknown): string[] {
  if (isBlank(value)) return [];
  const list: unknown[] = Array.isArray(value) ? value : String(value).split(/[\n,]/);
  return list.map((v) => String(v).trim()).filter((v) => v.length > 0);
}
