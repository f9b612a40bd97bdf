import fs from "node:fs";
import path from "node:path";
import { GENERATED_MARK } from "./model";
import type { Pages } from "./render";

function generatedFiles(root: string, dir = "docs"): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return generatedFiles(root, relative);
    return entry.name.endsWith(".md") && fs.readFileSync(path.join(root, relative), "utf8").startsWith(GENERATED_MARK) ? [relative] : [];
  });
}

/**
 * Compares the pages with the files on disk and returns the paths that differ, are missing, or are generated
 * pages nothing writes any more. With `write`, brings the files in line.
 */
export function syncDocs(root: string, pages: Pages, write: boolean): string[] {
  const stale: string[] = [];
  for (const [relative, text] of [...pages].sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.join(root, relative);
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (current === text) continue;
    stale.push(relative);
    if (write) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  for (const relative of generatedFiles(root).sort()) {
    if (pages.has(relative)) continue;
    stale.push(relative);
    if (write) fs.rmSync(path.join(root, relative));
  }
  return stale;
}
