/**
 * 1. Per-request cost of one GET /users/{id}: bare node:http, our core, the getUser action from dist, the Graph SDK's
 * `client.api(path).get()` and Node's fetch, interleaved (rotated order in every repetition). Client CPU per request
 * is this process's CPU time; the emulator runs in another process, so its time is not counted.
 */
import http from "node:http";
import { GraphClient, graphPath } from "../../src/graph";
import { Samples, measured, rotated } from "./common";
import { distAction } from "./dist";
import type { Section } from "./context";
import { Row, cell } from "./report";
import { sdkClient } from "./sdk";

/** What a client without any library does: node:http with keep-alive, parse the JSON. */
function bareGet(agent: http.Agent, url: string, token: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => {
        if ((res.statusCode ?? 0) >= 400) reject(new Error(`HTTP ${res.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(parts).toString("utf8")));
      });
    });
    req.on("error", reject);
    req.end();
  });
}

export const perRequest: Section = async ({ emu, reps, quick, log }) => {
  const perRep = quick ? 200 : 1000;
  const repetitions = reps(15, 5);
  log(`1. per-request: ${repetitions} × ${perRep} GET /users/{id} per variant...`);
  const ids = (await emu.control("GET", `user-ids?count=${perRep}`)) as string[];
  const agent = new http.Agent({ keepAlive: true });
  const core = new GraphClient({ baseUrl: emu.url, accessToken: emu.token });
  const sdk = sdkClient(emu.url, emu.token);
  const fetchHeaders = { Authorization: `Bearer ${emu.token}`, Accept: "application/json" };
  const getUser = distAction("getUser", emu.url, emu.token);
  const variants: [string, (id: string) => Promise<unknown>][] = [
    ["bare node:http", (id) => bareGet(agent, `${emu.url}/v1.0/users/${id}`, emu.token)],
    ["our core (client.get)", (id) => core.get(graphPath`/users/${id}`)],
    ["getUser action (dist)", (id) => getUser({ userId: id })],
    ["Graph SDK client.api(path).get()", (id) => sdk.api(`/users/${id}`).get() as Promise<unknown>],
    ["Node fetch", (id) => fetch(`${emu.url}/v1.0/users/${id}`, { headers: fetchHeaders }).then((r) => r.json())],
  ];
  const run = async (get: (id: string) => Promise<unknown>) => {
    for (const id of ids) await get(id);
  };
  for (const [, get] of variants) await run(get); // warm-up: JIT, sockets
  const cpu = new Samples();
  const wall = new Samples();
  for (let rep = 0; rep < repetitions; rep++) {
    for (const [name, get] of rotated(variants, rep)) {
      const { ms, cpuMs } = await measured(() => run(get));
      cpu.add(name, (cpuMs * 1000) / perRep);
      wall.add(name, (ms * 1000) / perRep);
    }
  }
  agent.destroy();
  const [bare] = variants[0];
  const sdkName = variants[3][0];
  const rows: Row[] = [];
  for (const [name] of variants) {
    const isBare = name === bare;
    rows.push({
      section: "1 per-request CPU",
      name,
      unit: " µs",
      values: cpu.of(name),
      ratio: isBare ? undefined : { of: "of bare", values: cpu.ratio(name, bare) },
      goal: name === "our core (client.get)" ? "≤ 1.5x of bare, below the SDK" : undefined,
      note:
        name === "our core (client.get)" || name === "getUser action (dist)"
          ? `${cell(cpu.ratio(name, sdkName), "x", 2)} of the SDK's CPU`
          : undefined,
    });
  }
  for (const [name] of variants) {
    rows.push({
      section: "1 per-request wall",
      name,
      unit: " µs",
      values: wall.of(name),
      ratio: name === bare ? undefined : { of: "of bare", values: wall.ratio(name, bare) },
      note: name === bare ? "loopback: mostly the emulator's own CPU" : undefined,
    });
  }
  return rows;
};
