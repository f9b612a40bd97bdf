import fs from "node:fs";
import path from "node:path";

/** The README and the guides name commands a newcomer copies: each must exist as written. */
const ROOT = path.resolve(__dirname, "../..");
const scripts = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: object }).scripts);
const guides = fs.readdirSync(path.join(ROOT, "docs/guide")).map((name) => path.join("docs/guide", name));
const documents = ["README.md", ...guides].filter((file) => file.endsWith(".md"));

/** `npm run <script>` names and the files run with `tsx` or `bash` in a markdown text. */
function commandsIn(text: string): { scripts: string[]; files: string[] } {
  return {
    scripts: [...text.matchAll(/\bnpm run ([a-z][\w:-]*)/g)].map((m) => m[1]),
    files: [...text.matchAll(/\b(?:tsx|bash) ((?:\.\/)?[\w./-]+\.(?:ts|js|sh)|\.ci\/run)\b/g)].map((m) => m[1]),
  };
}

test.each(documents)("%s: every npm script and file it says to run exists", (file) => {
  const found = commandsIn(fs.readFileSync(path.join(ROOT, file), "utf8"));
  expect({ file, scripts: found.scripts.filter((name) => !scripts.includes(name)) }).toEqual({ file, scripts: [] });
  expect({ file, files: found.files.filter((name) => !fs.existsSync(path.join(ROOT, name))) }).toEqual({ file, files: [] });
});

test("the README's commands are found", () => {
  const found = commandsIn(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
  expect(found.scripts).toEqual(expect.arrayContaining(["build", "docs", "lint", "emulator", "bench", "publish"]));
  expect(found.files).toEqual(expect.arrayContaining([".ci/run"]));
  expect(commandsIn("npm run nope && npx tsx scripts/none.ts")).toEqual({ scripts: ["nope"], files: ["scripts/none.ts"] });
});
