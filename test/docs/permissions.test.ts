import fs from "node:fs";
import path from "node:path";
import component from "../../src";
import { loadPermissions } from "../../scripts/docs/model";

const ROOT = path.resolve(__dirname, "../..");
const declared = fs.existsSync(path.join(ROOT, "src/permissions/index.ts"));
const keys = [...Object.keys(component.actions), ...Object.keys(component.triggers ?? {}), ...Object.keys(component.dataSources ?? {})];

// The docs read permissions through src/permissions/index.ts; until that module exists they say "not declared".
(declared ? describe : describe.skip)("permissions as the docs read them", () => {
  const permissionsFor = loadPermissions(ROOT);
  test.each(keys)("%s declares its Graph endpoints and least-privileged permissions", (key) => {
    const permissions = permissionsFor(key);
    expect({ key, declared: permissions !== undefined }).toEqual({ key, declared: true });
    expect([permissions?.endpoints, permissions?.application, permissions?.delegated].every(Array.isArray)).toBe(true);
  });
});
