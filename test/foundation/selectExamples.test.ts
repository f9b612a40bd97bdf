import { ConvertedEntry, converted } from "../helpers/converted";
import { filterProperties, orderByProperties } from "../../src/actions/mail/query";

/**
 * A Select, Filter or Order By example a builder copies must name properties of the action's own resource: user
 * properties on a drive or a message earn a 400 from Graph. Checked against each action's example payload (Graph's
 * response shape), for every action with such an input, so an action added later is covered too.
 */

const actions = converted.actions;

/**
 * The property names of the resource an example payload returns (one object, or the items of `value`). A list item's
 * Select picks columns inside its `fields`; a delta round names a selected navigation property `name@delta`.
 */
function resourceProperties(payload: unknown): Set<string> {
  const data = (payload as { data?: unknown } | undefined)?.data;
  const items =
    data && typeof data === "object" && Array.isArray((data as { value?: unknown }).value) ? (data as { value: unknown[] }).value : [data];
  const names = new Set<string>();
  const add = (object: unknown) => {
    if (object && typeof object === "object") for (const key of Object.keys(object)) names.add(key.replace(/@delta$/, ""));
  };
  for (const item of items) {
    add(item);
    add((item as { fields?: unknown } | undefined)?.fields);
  }
  return names;
}

const PROPERTIES_OF: Record<string, (example: string) => string[]> = {
  select: (example) => example.split(",").map((name) => name.trim()),
  filter: filterProperties,
  orderBy: orderByProperties,
};

/** The properties named by an action's Select, Filter and Order By examples that its resource does not have. */
function unknownSelected(entry: ConvertedEntry): string[] {
  const known = resourceProperties(entry.examplePayload);
  return entry.inputs.flatMap(({ key, example }) =>
    example && PROPERTIES_OF[key]
      ? PROPERTIES_OF[key](example)
          .map((path) => path.split("/")[0])
          .filter((name) => name && !known.has(name))
          .map((name) => `${key}: ${name}`)
      : [],
  );
}

const withExamples = Object.entries(actions).filter(([, entry]) => entry.inputs.some((input) => PROPERTIES_OF[input.key] && input.example));

test("many actions have a Select, Filter or Order By example to check", () => {
  expect(withExamples.length).toBeGreaterThan(30);
});

test.each(withExamples.map(([key]) => key))("%s: the Select, Filter and Order By examples name properties of its own resource", (key) => {
  expect({ key, unknown: unknownSelected(actions[key]) }).toEqual({ key, unknown: [] });
});

test("properties of another resource are caught", () => {
  const drive: ConvertedEntry = {
    inputs: [{ key: "select", type: "string", example: "id,displayName,userPrincipalName" }],
    examplePayload: { data: { value: [{ id: "b!x", name: "Documents", driveType: "documentLibrary" }] } },
  };
  expect(unknownSelected(drive)).toEqual(["select: displayName", "select: userPrincipalName"]);
  const audits: ConvertedEntry = {
    inputs: [{ key: "filter", type: "string", example: "startswith(userPrincipalName,'ann') and category eq 'x'" }],
    examplePayload: { data: { value: [{ id: "1", category: "UserManagement", initiatedBy: {} }] } },
  };
  expect(unknownSelected(audits)).toEqual(["filter: userPrincipalName"]);
});
