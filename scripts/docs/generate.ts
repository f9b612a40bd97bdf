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
 * Every file `npm run docs` owns: the pages under `docs/` (compact tables, outside Prettier's reach), and the README
 * with its table of areas, formatted as the repository's Prettier settings write it, so both checks agree on it.
 */
export async function generate(root: string, component: DocComponent, sources: Sources = {}): Promise<Pages> {
  const areas = sources.areas ?? discoverAreas(root);
  const pages = renderDocs(component, areas, sources.permissions ?? loadPermissions(root));
  const readmeFile = path.join(root, "README.md");
  if (fs.existsSync(readmeFile)) {
    const readme = withAreasTable(fs.readFileSync(readmeFile, "utf8"), areasTable(sections(component, areas), "docs/"));
    const options = (await prettier.resolveConfig(readmeFile)) ?? {};
    pages.set("README.md", await prettier.format(readme, { ...options, filepath: readmeFile }));
  }
  return pages;
}
