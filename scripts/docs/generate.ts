import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { Area, DocComponent, PermissionsLookup, discoverAreas, loadPermissions } from "./model";
import { withAreasTable } from "./readme";
import { Pages, areasTable, renderDocs, sections } from "./render";

export interface Sources {
  areas?: Area[];
  permissions?: PermissionsLookup;
}

/**
 * Every file `npm run docs` owns: the pages under `docs/` and the README with its table of areas, formatted as
 * the repository's Prettier settings write them, so `prettier --check` and the docs check agree.
 */
export async function generate(root: string, component: DocComponent, sources: Sources = {}): Promise<Pages> {
  const areas = sources.areas ?? discoverAreas(root);
  const pages = renderDocs(component, areas, sources.permissions ?? loadPermissions(root));
  const readmeFile = path.join(root, "README.md");
  if (fs.existsSync(readmeFile)) {
    pages.set("README.md", withAreasTable(fs.readFileSync(readmeFile, "utf8"), areasTable(sections(component, areas), "docs/")));
  }
  const formatted: Pages = new Map();
  for (const [relative, text] of pages) {
    const filepath = path.join(root, relative);
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    formatted.set(relative, await prettier.format(text, { ...options, filepath }));
  }
  return formatted;
}
