/**
 * `node --cpu-prof --cpu-prof-dir=bench/profile --import tsx scripts/bench/profile-core.ts [requests] [core|bare]`: our core's
 * GET /users/{id} in a loop against the emulator (in its own process), for a CPU profile of the client alone.
 * Prints client CPU per request for the core and for bare node:http, measured alternately.
 */
import http from "node:http";
import { GraphClient, graphPath } from "../../src/graph";
import { measured, startEmulatorProcess } from "./common";

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 5000);
  const emu = await startEmulatorProcess(2000);
  try {
    const ids = (await emu.control("GET", `user-ids?count=${count}`)) as string[];
    const client = new GraphClient({ baseUrl: emu.url, accessToken: emu.token });
    const agent = new http.Agent({ keepAlive: true });
    const bare = (id: string) =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(`${emu.url}/v1.0/users/${id}`, { agent, headers: { Authorization: `Bearer ${emu.token}` } }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (chunk: Buffer) => parts.push(chunk));
          res.on("end", () => resolve(void JSON.parse(Buffer.concat(parts).toString("utf8"))));
        });
        req.on("error", reject);
        req.end();
      });
    const core = async (id: string) => void (await client.get(graphPath`/users/${id}`));
    const only = process.argv[3];
    for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
      for (const [name, get] of [
        ["bare", bare],
        ["core", core],
      ] as const) {
        if (only && name !== only) continue;
        const { cpuMs } = await measured(async () => {
          for (const id of ids) await get(id);
        });
        process.stdout.write(`${name}: ${((cpuMs * 1000) / ids.length).toFixed(0)} µs CPU per request\n`);
      }
    }
    agent.destroy();
  } finally {
    await emu.stop();
  }
}

void main();
