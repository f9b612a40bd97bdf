import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

/** Relative link targets of a markdown text: inline links and images, not code. */
function relativeLinks(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#"));
}

const files = [path.join(ROOT, "README.md"), ...markdownFiles(path.join(ROOT, "docs"))];

test.each(files.map((file) => [path.relative(ROOT, file), file]))("every relative link in %s resolves to a file", (_name, file) => {
  const broken = relativeLinks(fs.readFileSync(file, "utf8"))
    .map((target) => path.resolve(path.dirname(file), decodeURIComponent(target.split("#")[0])))
    .filter((target) => !fs.existsSync(target))
    .map((target) => path.relative(ROOT, target));
  expect(broken).toEqual([]);
});

test("the README is under 10 KB and starts with the two commands", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(Buffer.byteLength(readme)).toBeLessThan(10 * 1024);
  const start = readme.slice(0, 800);
  expect(start).toContain("npm ci && npm start");
  expect(start).toContain("npm ci && npm test");
});

test("the link finder sees relative links and skips external ones and code", () => {
  expect(relativeLinks('[a](docs/a.md) [b](https://x.y) [c](#top) `[d](no.md)` [e](guide/e.md#part "title")')).toEqual([
    "docs/a.md",
    "guide/e.md#part",
  ]);
});
