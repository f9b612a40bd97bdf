/**
 * 2. 2,000 lookups of GET /users/{id}: single requests vs JSON batching, at equal concurrency (1 and 4 in flight),
 * and our batch runner vs the Graph SDK posting the same batches, both with its helper objects (BatchRequestContent)
 * and with the plain `{requests}` JSON a competent SDK user could post. On the bare loopback and with a simulated
 * service time per request (real Graph takes tens of milliseconds).
 */
import { BatchRequestContent, BatchResponseContent, Client } from "@microsoft/microsoft-graph-client";
import { GraphClient, graphPath, runBatch, runBounded } from "../../src/graph";
import { Samples, chunks, rotated, timed } from "./common";
import type { Section } from "./context";
import type { Row } from "./report";
import { sdkClient } from "./sdk";

const LOOKUPS = 2000;
const PER_BATCH = 20;
/** Simulated per-request service time of the second comparison. */
const SERVICE_MS = 2;

function lookupRequests(ids: string[]) {
  return ids.map((id, i) => ({ id: String(i + 1), method: "GET", url: graphPath`/users/${id}` }));
}

type Answer = { responses: { status: number }[] };

/** The SDK as its docs show: a `Request` per sub-request in BatchRequestContent, answers read by BatchResponseContent. */
async function sdkHelperBatches(sdk: Client, baseUrl: string, ids: string[], concurrency: number): Promise<number> {
  const answers = await runBounded(
    chunks(ids, PER_BATCH).map((group) => async () => {
      const content = new BatchRequestContent(
        group.map((id, i) => ({ id: String(i + 1), request: new Request(`${baseUrl}/users/${id}`, { method: "GET" }) })),
      );
      const response = new BatchResponseContent(await sdk.api("/$batch").post(await content.getContent()));
      return [...response.getResponses().values()].filter((r) => r.status === 200).length;
    }),
    concurrency,
  );
  return answers.reduce((a, b) => a + b, 0);
}

/** The SDK posting the plain `{requests}` JSON body itself. */
async function sdkPlainBatches(sdk: Client, ids: string[], concurrency: number): Promise<number> {
  const answers = await runBounded(
    chunks(ids, PER_BATCH).map((group) => async () => {
      const answer = (await sdk.api("/$batch").post({ requests: lookupRequests(group) })) as Answer;
      return answer.responses.filter((r) => r.status === 200).length;
    }),
    concurrency,
  );
  return answers.reduce((a, b) => a + b, 0);
}

async function singles(client: GraphClient, ids: string[], concurrency: number): Promise<number> {
  const done = await runBounded(
    ids.map((id) => async () => (await client.get(graphPath`/users/${id}`), 1)),
    concurrency,
  );
  return done.length;
}

async function ours(client: GraphClient, ids: string[], concurrency: number): Promise<number> {
  const answers = await runBatch(client, lookupRequests(ids), { concurrency });
  return answers.filter((r) => r.status === 200).length;
}

export const batching: Section = async ({ emu, reps, log }) => {
  const ids = (await emu.control("GET", `user-ids?count=${LOOKUPS}`)) as string[];
  const client = new GraphClient({ baseUrl: emu.url, accessToken: emu.token });
  const sdk = sdkClient(emu.url, emu.token);
  const variants: [string, (concurrency: number) => Promise<number>][] = [
    ["single GETs (core)", (c) => singles(client, ids, c)],
    ["our batch runner", (c) => ours(client, ids, c)],
    ["SDK BatchRequestContent", (c) => sdkHelperBatches(sdk, emu.url, ids, c)],
    ["SDK plain {requests} JSON", (c) => sdkPlainBatches(sdk, ids, c)],
  ];
  const rows: Row[] = [];
  const warm = ids.slice(0, 200);
  await ours(client, warm, 4);
  await sdkHelperBatches(sdk, emu.url, warm, 4);
  await sdkPlainBatches(sdk, warm, 4);
  for (const serviceMs of [0, SERVICE_MS]) {
    const where = serviceMs ? `${serviceMs} ms service time` : "loopback";
    const repetitions = serviceMs ? reps(5, 1) : reps(9, 2);
    log(`2. batching (${where}): ${repetitions} repetitions...`);
    await emu.control("POST", "latency", { ms: serviceMs });
    for (const concurrency of [1, 4]) {
      // At one in flight the SDK rows add nothing the four-in-flight rows do not show.
      const here = concurrency === 1 ? variants.slice(0, 2) : variants;
      const t = new Samples();
      const answered = new Map<string, number>();
      for (let rep = 0; rep < repetitions; rep++) {
        for (const [name, run] of rotated(here, rep)) {
          const { ms, value } = await timed(() => run(concurrency));
          t.add(name, ms);
          answered.set(name, value);
        }
      }
      const section = `2 ${LOOKUPS.toLocaleString("en-US")} lookups, ${where}, ${concurrency} in flight`;
      const oks = (name: string) => (answered.get(name) === LOOKUPS ? undefined : `only ${answered.get(name)} answered 200`);
      rows.push({ section, name: "single GETs (core)", unit: " ms", values: t.of("single GETs (core)"), note: oks("single GETs (core)") });
      rows.push({
        section,
        name: `our batch runner (${PER_BATCH} per $batch)`,
        unit: " ms",
        values: t.of("our batch runner"),
        ratio: { of: "of single GETs' time", values: t.ratio("our batch runner", "single GETs (core)") },
        goal: concurrency === 4 ? "≤ 0.10x (10x faster)" : undefined,
        note: oks("our batch runner"),
      });
      for (const [name] of here.slice(2)) {
        rows.push({
          section,
          name,
          unit: " ms",
          values: t.of(name),
          ratio: { of: "ours ÷ this", values: t.ratio("our batch runner", name) },
          note: oks(name),
        });
      }
    }
  }
  await emu.control("POST", "latency", { ms: 0 });
  return rows;
};
