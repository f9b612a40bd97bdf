import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { ROOT, Spread, spread } from "./common";

/**
 * Builds the same component with the Graph SDK bundled in (what it would weigh had it been built on the SDK),
 * into a temporary directory, never into dist/.
 */
export async function buildSdkBundle(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-graph-sdk-bundle-"));
  const entry = path.join(dir, "entry.js");
  fs.writeFileSync(
    entry,
    `export { default } from ${JSON.stringify(path.join(ROOT, "src/index.ts"))};\nexport * as graphSdk from "@microsoft/microsoft-graph-client";\n`,
  );
  const config: webpack.Configuration = {
    mode: "production",
    target: "node",
    context: ROOT,
    entry,
    output: { path: dir, filename: "index.js", libraryTarget: "commonjs2" },
    resolve: { extensions: [".ts", ".js"], modules: [path.join(ROOT, "node_modules"), "node_modules"] },
    module: {
      rules: [{ test: /\.ts$/, loader: "ts-loader", options: { configFile: path.join(ROOT, "tsconfig.build.json"), transpileOnly: true } }],
    },
    optimization: { minimize: false },
    ignoreWarnings: [{ module: /jest-util|@jest/ }],
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
      else resolve();
    }),
  );
  return path.join(dir, "index.js");
}

/** Time to `require` a bundle in a fresh node process (a platform cold start), in ms. */
export function coldRequire(file: string, runs: number): Spread {
  const probe = `const t=process.hrtime.bigint();const m=require(${JSON.stringify(file)});if(!m.default)throw new Error("no default export");process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const times = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" })));
  return spread(times);
}

export function sizeMiB(file: string): number {
  return fs.statSync(file).size / 1048576;
}
