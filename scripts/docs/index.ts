/**
 * `npm run docs`: writes `docs/` (and the README's table of areas) from the built component in `dist/index.js`,
 * the action folders under `src/actions/` and the permissions declared beside them.
 * `npm run docs -- --check` writes nothing and fails, naming the files, when they differ from what it would write.
 * `--from-src` reads `src/index.ts` instead of the build (the test suite uses it).
 */
import path from "node:path";
import { generate } from "./generate";
import { loadComponent } from "./model";
import { syncDocs } from "./sync";

const ROOT = path.resolve(__dirname, "../..");

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  const pages = await generate(ROOT, loadComponent(ROOT, process.argv.includes("--from-src")));
  const stale = syncDocs(ROOT, pages, !check);
  if (!check) {
    process.stdout.write(`wrote ${stale.length} of ${pages.size} files${stale.map((f) => `\n  ${f}`).join("")}\n`);
    return 0;
  }
  if (stale.length === 0) {
    process.stdout.write(`docs are up to date (${pages.size} files)\n`);
    return 0;
  }
  process.stderr.write(`docs are stale; run \`npm run build && npm run docs\`. Differs:\n${stale.map((f) => `  ${f}\n`).join("")}`);
  return 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
