import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import component from "../../src";
import { DocComponent, GENERATED_MARK, discoverAreas } from "../../scripts/docs/model";
import { renderDocs } from "../../scripts/docs/render";
import { syncDocs } from "../../scripts/docs/sync";
import type { ActionPermissions } from "../../src/permissions/types";

const ROOT = path.resolve(__dirname, "../..");
const doc = component as unknown as DocComponent;
const areas = discoverAreas(ROOT);
const none = () => undefined;

function pageOf(pages: Map<string, string>, key: string): string[] {
  return [...pages].filter(([, text]) => text.includes(`(\`${key}\`)\n`)).map(([file]) => file);
}

test("each action folder with an index is an area, and every action belongs to one", () => {
  expect(areas.map((area) => area.folder)).toEqual(expect.arrayContaining(["raw", "users", "groups", "security"]));
  expect(areas.flatMap((area) => area.keys).sort()).toEqual(Object.keys(doc.actions).sort());
});

test("each action, trigger and data source has one section, on its area's page, with every input", () => {
  const pages = renderDocs(doc, areas, none);
  for (const area of areas) {
    for (const key of area.keys) expect({ key, pages: pageOf(pages, key) }).toEqual({ key, pages: [`docs/actions/${area.folder}.md`] });
  }
  for (const [kind, file] of [
    ["triggers", "docs/triggers.md"],
    ["dataSources", "docs/data-sources.md"],
  ] as const) {
    for (const key of Object.keys(doc[kind])) expect({ key, pages: pageOf(pages, key) }).toEqual({ key, pages: [file] });
  }
  const users = pages.get("docs/actions/users.md") ?? "";
  const getUser = users.slice(users.indexOf("## Get User (`getUser`)"));
  for (const input of doc.actions.getUser.inputs) expect(getUser).toContain(`| \`${input.key}\` |`);
  expect(getUser).toContain("Graph endpoints and permissions: not declared");
});

test("an action's permissions come from the declared data", () => {
  const declared: ActionPermissions = {
    endpoints: ["GET /users/{id | userPrincipalName}"],
    application: ["User.Read.All"],
    delegated: ["User.Read", "User.ReadBasic.All"],
    notes: "Guests need User.Read.All.",
  };
  const together = { ...declared, application: [["AuditLog.Read.All", "Directory.Read.All"], "Directory.ReadWrite.All"] };
  const lookup = (key: string) => ({ getUser: declared, listUsers: together })[key];
  const pages = renderDocs(doc, areas, lookup);
  const users = pages.get("docs/actions/users.md") ?? "";
  const getUser = users.slice(users.indexOf("## Get User (`getUser`)"), users.indexOf("### Inputs", users.indexOf("## Get User")));
  expect(getUser).toContain("- Graph endpoints: `GET /users/{id | userPrincipalName}`");
  expect(getUser).toContain("- Application permissions (least privileged): `User.Read.All`");
  expect(getUser).toContain("- Delegated permissions (least privileged): `User.Read` or `User.ReadBasic.All`");
  expect(getUser).toContain("- Notes: Guests need User.Read.All.");
  // A grant written as a list is several permissions held together.
  expect(users).toContain(
    "- Application permissions (least privileged): (`AuditLog.Read.All` and `Directory.Read.All`) or `Directory.ReadWrite.All`",
  );
});

test("an entry that calls no Graph endpoint says so instead of listing permissions", () => {
  const none: ActionPermissions = { endpoints: [], application: [], delegated: [], notes: "Reads the built-in catalog." };
  const page = renderDocs(doc, areas, (key) => (key === "selectReport" ? none : undefined)).get("docs/data-sources.md") ?? "";
  const section = page.slice(page.indexOf("(`selectReport`)"));
  expect(section).toContain("- Graph endpoints: none, no permission needed\n- Notes: Reads the built-in catalog.");
  expect(section.slice(0, section.indexOf("### Inputs"))).not.toContain("not supported");
});

test("the component page has a table per connection with each input's key, comments and default", () => {
  const page = renderDocs(doc, areas, none).get("docs/README.md") ?? "";
  expect(page.startsWith(GENERATED_MARK)).toBe(true);
  expect(page).toContain(doc.display.description);
  for (const connection of doc.connections) {
    expect(page).toContain(`### ${connection.label} (\`${connection.key}\`)`);
    for (const input of connection.inputs) expect(page).toContain(`| \`${input.key}\` |`);
  }
  expect(page).toContain("| `https://graph.microsoft.com/.default` |");
});

test("the output is the same on every run", () => {
  expect([...renderDocs(doc, areas, none)]).toEqual([...renderDocs(doc, areas, none)]);
});

test("the check names the stale, missing and no longer generated files, and writing fixes them", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-graph-docs-"));
  try {
    const pages = renderDocs(doc, areas, none);
    expect(syncDocs(dir, pages, true)).toHaveLength(pages.size);
    expect(syncDocs(dir, pages, false)).toEqual([]);

    fs.appendFileSync(path.join(dir, "docs/triggers.md"), "edited\n");
    fs.rmSync(path.join(dir, "docs/actions/users.md"));
    fs.writeFileSync(path.join(dir, "docs/actions/gone.md"), `${GENERATED_MARK}\n\n# Gone\n`);
    fs.mkdirSync(path.join(dir, "docs/guide"));
    fs.writeFileSync(path.join(dir, "docs/guide/written.md"), "# Written by hand\n");
    expect(syncDocs(dir, pages, false)).toEqual(["docs/actions/users.md", "docs/triggers.md", "docs/actions/gone.md"]);

    syncDocs(dir, pages, true);
    expect(syncDocs(dir, pages, false)).toEqual([]);
    expect(fs.existsSync(path.join(dir, "docs/guide/written.md"))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Prettier 3 loads itself with a dynamic import, which jest's module sandbox refuses: the check runs as a process.
function docsCheck(): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/docs/index.ts", "--check", "--from-src"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

test("docs/ and the README's table of areas are what the component writes", () => {
  const { status, output } = docsCheck();
  expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining("docs are up to date") });
});
