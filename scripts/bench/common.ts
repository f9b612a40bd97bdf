import { ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export const ROOT = path.resolve(__dirname, "../..");

/** Spawns `node --import tsx script args`; tsx resolves the repo's TypeScript. */
export function spawnTs(script: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before answering`)));
    lines.once("line", (line) => {
      lines.close();
      resolve(line);
    });
  });
}

export interface EmulatorProcess {
  url: string;
  token: string;
  control(method: string, route: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(userCount: number): Promise<EmulatorProcess> {
  const child = spawnTs("scripts/bench/emulator-process.ts", [String(userCount)], ["--max-old-space-size=2048"]);
  const { url, token } = JSON.parse(await firstLine(child)) as { url: string; token: string };
  return {
    url,
    token,
    async control(method, route, body) {
      const response = await fetch(`${url}/_bench/${route}`, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`emulator control ${route}: ${response.status}`);
      return response.status === 204 ? undefined : response.json();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Runs a worker script in a fresh process and returns the JSON it prints on its last line. */
export async function runWorker<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  const child = spawnTs(script, args, nodeFlags);
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited with ${code}`);
  return JSON.parse(out.trim().split("\n").pop() as string) as T;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
