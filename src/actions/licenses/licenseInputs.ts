import type { AssignedLicense } from "@microsoft/microsoft-graph-types";
import { InputError } from "../../graph";
import { isGuid } from "../../connections/validate";
import { parseJson, stringList } from "../../inputs/clean";

/** A value list whose every entry must be a GUID, lower-cased. */
export function guidList(value: unknown, label: string): string[] {
  return stringList(value).map((entry) => {
    if (!isGuid(entry)) throw new InputError(label, `"${entry}" is not a GUID (like 6fd2c87f-b296-42f0-b197-1e91e994b900)`);
    return entry.toLowerCase();
  });
}

/** Graph's addLicenses array, or a plain list of skuIds; every id checked to be a GUID. */
export function addLicensesList(value: unknown): AssignedLicense[] {
  const label = "Add Licenses";
  const parsed = parseJson(value, label);
  if (parsed === undefined) return [];
  if (!Array.isArray(parsed)) throw new InputError(label, 'must be a JSON array like [{"skuId": "...", "disabledPlans": []}]');
  return parsed.map((entry: unknown, i) => {
    const item = typeof entry === "string" ? { skuId: entry } : (entry as { skuId?: unknown; disabledPlans?: unknown });
    if (!item || typeof item !== "object" || typeof item.skuId !== "string") throw new InputError(label, `entry ${i + 1} has no skuId`);
    const [skuId] = guidList([item.skuId], label);
    const disabledPlans =
      item.disabledPlans === undefined
        ? []
        : guidList(Array.isArray(item.disabledPlans) ? item.disabledPlans : [item.disabledPlans], label);
    return { skuId, disabledPlans };
  });
}
