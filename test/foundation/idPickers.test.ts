import { ConvertedEntry, converted } from "../helpers/converted";

/**
 * Every id input a builder fills from a picker: the picker on the input, a placeholder and an example. Iterates the
 * built component, so an action or trigger added later is covered by the same rule.
 */

const PICKERS: Record<string, string> = {
  mailbox: "selectUser",
  folder: "selectMailFolder",
  siteId: "selectSite",
  listId: "selectList",
  driveId: "selectDrive",
  userId: "selectUser",
  groupId: "selectGroup",
  skuId: "selectSubscribedSku",
};

const ID_INPUT = /^(mailbox|folder|siteId|listId|driveId|userId|groupId|skuId)$/;

/**
 * The picker an input must use. `folder` names a mail folder beside a `mailbox`; beside a `driveId` it is a drive
 * folder (a path like /Reports or an item id), for which no picker exists, so it needs a placeholder and example only.
 */
function expectedPicker(key: string, siblings: string[]): string | undefined {
  if (key === "folder" && !siblings.includes("mailbox")) return undefined;
  return PICKERS[key];
}

/** Every problem of the id inputs of the given entries, as "owner.input: what is missing". */
function idInputProblems(entries: Record<string, ConvertedEntry>, dataSources: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [owner, entry] of Object.entries(entries)) {
    const siblings = entry.inputs.map((input) => input.key);
    for (const input of entry.inputs.filter((i) => ID_INPUT.test(i.key))) {
      const picker = expectedPicker(input.key, siblings);
      if (picker && input.dataSource !== picker) problems.push(`${owner}.${input.key}: picker ${String(input.dataSource)}, not ${picker}`);
      if (picker && !dataSources[picker]) problems.push(`${owner}.${input.key}: the component has no ${picker} data source`);
      if (!input.placeholder?.trim()) problems.push(`${owner}.${input.key}: no placeholder`);
      if (!input.example?.trim()) problems.push(`${owner}.${input.key}: no example`);
    }
  }
  return problems;
}

const entries = { ...converted.actions, ...converted.triggers };

test("every id input of every action and trigger has its picker, a placeholder and an example", () => {
  const count = Object.values(entries).flatMap((e) => e.inputs.filter((i) => ID_INPUT.test(i.key))).length;
  expect(count).toBeGreaterThan(60);
  expect(idInputProblems(entries, converted.dataSources)).toEqual([]);
});

test.each(Object.keys(PICKERS))("some action has a %s input (the rule is not vacuous)", (key) => {
  expect(Object.values(entries).some((e) => e.inputs.some((i) => i.key === key))).toBe(true);
});

test("the rule fails an action whose id input lacks its picker, placeholder or example", () => {
  const broken: Record<string, ConvertedEntry> = {
    bare: { inputs: [{ key: "siteId", type: "string" }] },
    wrongPicker: {
      inputs: [
        { key: "mailbox", type: "string", dataSource: "selectUser", placeholder: "p", example: "e" },
        { key: "folder", type: "string", dataSource: "selectDrive", placeholder: "p", example: "e" },
      ],
    },
    driveFolder: {
      inputs: [
        { key: "driveId", type: "string", dataSource: "selectDrive", placeholder: "p", example: "e" },
        { key: "folder", type: "string", placeholder: "p" },
      ],
    },
  };
  expect(idInputProblems(broken, converted.dataSources)).toEqual([
    "bare.siteId: picker undefined, not selectSite",
    "bare.siteId: no placeholder",
    "bare.siteId: no example",
    "wrongPicker.folder: picker selectDrive, not selectMailFolder",
    "driveFolder.folder: no example",
  ]);
});
