import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import { TestEnv, dataOf, startTestEnv } from "../helpers/setup";

/**
 * Compares the shipped minified build with an unminified build of the same config. `dist/` is used when it is newer
 * than everything it is built from (as in CI, right after `npm run build`); otherwise the minified build is made here.
 */
const ROOT = path.resolve(__dirname, "../..");
const MAX_BYTES = 1.3 * 1024 * 1024;
jest.setTimeout(180_000);

const load = createRequire(__filename);
type Built = { default: Parameters<typeof createHarness>[0] };
let dir: string;
let minified: string;
let unminified: string;
let env: TestEnv;

function build(outDir: string, extra: string[]): Promise<unknown> {
  const cli = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
  return promisify(execFile)(process.execPath, [cli, "--stats", "errors-only", "--env", `outDir=${outDir}`, ...extra], { cwd: ROOT });
}

function newestInput(
  target = ROOT,
  names = ["src", "scripts/build", "webpack.config.js", "tsconfig.json", "tsconfig.build.json", "package-lock.json"],
): number {
  return Math.max(
    ...names.map((name) => {
      const file = path.join(target, name);
      const stat = fs.statSync(file);
      return stat.isDirectory() ? newestInput(file, fs.readdirSync(file)) : stat.mtimeMs;
    }),
  );
}

function freshDist(): string | undefined {
  const file = path.join(ROOT, "dist/index.js");
  return fs.existsSync(file) && fs.statSync(file).mtimeMs > newestInput() ? path.dirname(file) : undefined;
}

/** The definition as the platform reads it; functions (perform, clean, hooks) count only by where they are. */
function definition(file: string): string {
  const loaded = load(file) as Built;
  return JSON.stringify(loaded.default, (_key, value: unknown) => (typeof value === "function" ? "[function]" : value), 1);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-graph-build-"));
  const dist = freshDist();
  [minified, unminified] = [dist ?? path.join(dir, "min"), path.join(dir, "plain")];
  const [, , started] = await Promise.all([
    dist ? undefined : build(minified, []),
    build(unminified, ["--env", "unminified"]),
    startTestEnv({ userCount: 5 }),
  ]);
  env = started;
});
afterAll(async () => {
  await env?.emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the minified bundle holds the same component definition as the unminified one", () => {
  const lean = definition(path.join(minified, "index.js"));
  expect(lean).toContain('"key": "ms-graph"');
  expect(lean).toEqual(definition(path.join(unminified, "index.js")));
});

test("the minified bundle stays within 1.3 MiB, with its source map in a separate file", () => {
  const file = path.join(minified, "index.js");
  const text = fs.readFileSync(file, "utf8");
  expect(fs.statSync(file).size).toBeLessThanOrEqual(MAX_BYTES);
  expect(text.trimEnd().endsWith("//# sourceMappingURL=index.js.map")).toBe(true);
  expect(text).not.toContain("sourceMappingURL=data:");
  const map = JSON.parse(fs.readFileSync(`${file}.map`, "utf8")) as { version: number; file: string; sources: string[] };
  expect(map).toMatchObject({ version: 3, file: "index.js" });
  // Stubs stand in for what only tests and code-native integrations use: none of it is bundled.
  const packages = new Set(map.sources.map((source) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1]).filter(Boolean));
  expect(packages).toContain("@prismatic-io/spectral");
  for (const left of ["jest-mock", "jest-util", "zod", "yaml"]) expect(packages).not.toContain(left);
  expect(fs.existsSync(path.join(minified, "icon.png"))).toBe(true);
});

test("an action, a polling trigger and a data source run from the minified bundle against the emulator", async () => {
  const harness = createHarness((load(path.join(minified, "index.js")) as Built).default);
  const users = env.emulator.directory.users;
  const user = dataOf<{ id: string }>(await harness.action("getUser", { connection: env.connection, userId: users[0].id }));
  expect(user.id).toBe(users[0].id);

  const logger = {
    metric: jest.fn(),
    trace: jest.fn(),
    debug: jest.fn(),
    info: jest.fn(),
    log: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
  };
  const poll = (await harness.trigger(
    "userChanges",
    undefined,
    { connection: env.connection, firstRun: "emitEverything" },
    { instanceState: {}, logger },
  )) as unknown as {
    payload: { body: { data: { changes: unknown[] } } };
  };
  expect(poll.payload.body.data.changes).toHaveLength(users.length);

  const picked = (await harness.dataSource("selectUser", { connection: env.connection })) as { result: { key: string }[] };
  expect(picked.result.map((option) => option.key).sort()).toEqual(users.map((u) => u.id).sort());
});
