import { input } from "@prismatic-io/spectral";
import type { AssignedLicense } from "@microsoft/microsoft-graph-types";
import { InputError } from "../../graph";
import { addLicensesList, guidList } from "../licenses/licenseInputs";

const ADD = "Add Licenses";
const REMOVE = "Remove Licenses";

export const addLicensesInput = input({
  label: ADD,
  type: "code",
  language: "json",
  required: false,
  example: '[{"skuId": "6fd2c87f-b296-42f0-b197-1e91e994b900", "disabledPlans": []}]',
  comments:
    'Licences to add to every user, as Graph\'s assignLicense addLicenses JSON: [{"skuId": "...", "disabledPlans": ["..."]}], or a JSON list of skuId strings (GUIDs from List Subscribed SKUs).',
  clean: addLicensesList,
});

export const removeLicensesInput = input({
  label: REMOVE,
  type: "string",
  collection: "valuelist",
  required: false,
  example: "efccb6f7-5641-4e0e-bd10-b4976e1bf68e",
  comments: "skuIds (GUIDs) of licences to remove from every user.",
  clean: (value: unknown) => guidList(value, REMOVE),
});

/** assignLicense needs at least one change, and one SKU cannot be both added and removed. */
export function licenseChange(add: AssignedLicense[], remove: string[]): { addLicenses: AssignedLicense[]; removeLicenses: string[] } {
  if (add.length === 0 && remove.length === 0)
    throw new InputError(ADD, `is empty and so is ${REMOVE}: give at least one licence to add or remove`);
  const both = add.find((a) => remove.includes(a.skuId as string));
  if (both) throw new InputError(REMOVE, `${both.skuId} is also in ${ADD}`);
  return { addLicenses: add, removeLicenses: remove };
}
