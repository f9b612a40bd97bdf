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
  /** Users in its directory. */
  users: number;
  /** Time the emulator took to build its directory. */
  seedMs: number;
  control(method: string, route: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(userCount: number): Promise<EmulatorProcess> {
  const child = spawnTs("scripts/bench/emulator-process.ts", [String(userCount)], ["--max-old-space-size=3072"]);
  const { url, token, seedMs } = JSON.parse(await firstLine(child)) as { url: string; token: string; seedMs: number };
  return {
    url,
    token,
    users: userCount,
    seedMs,
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

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Wall time and this process's CPU time (user + system: the client's alone, the emulator runs elsewhere). */
export async function measured<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const { ms, value } = await timed(run);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** The variants in a different order each repetition, so that drift (GC, CPU frequency) favours none of them. */
export function rotated<T>(variants: readonly T[], repetition: number): T[] {
  return variants.map((_, i) => variants[(i + repetition) % variants.length]);
}

/** Per-repetition values of a row, filled as the interleaved repetitions run. */
export class Samples {
  private readonly values = new Map<string, number[]>();

  add(name: string, value: number): void {
    const list = this.values.get(name) ?? [];
    list.push(value);
    this.values.set(name, list);
  }

  of(name: string): number[] {
    return this.values.get(name) ?? [];
  }

  /** value(name) / value(base), repetition by repetition. */
  ratio(name: string, base: string): number[] {
    const b = this.of(base);
    return this.of(name).map((v, i) => v / b[i]);
  }
}

export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
