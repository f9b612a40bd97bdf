/**
 * Lists every user in a fresh process and reports time and peak memory, so each figure is the client's alone.
 * Modes: "items" (our streaming iterator) and "sdk-iterate" (the Graph SDK's PageIterator with a callback) hold nothing;
 * "collect" (our fetch-all) and "sdk-collect" (PageIterator pushing into an array) hold the whole list.
 * Prints {ms, count, peakRssMB, rssGrowthMB, peakHeapMB}.
 */
import { PageCollection, PageIterator } from "@microsoft/microsoft-graph-client";
import { GraphClient } from "../../src/graph";
import { sdkClient } from "./sdk";

const [mode, url, token] = process.argv.slice(2) as [string, string, string];
const request = { path: "/users", query: { $top: 999 } };

async function list(): Promise<number> {
  if (mode === "collect") {
    const client = new GraphClient({ baseUrl: url, accessToken: token });
    return (await client.collect(request, { limit: 1_000_000 })).items.length;
  }
  if (mode === "items") {
    const client = new GraphClient({ baseUrl: url, accessToken: token });
    let count = 0;
    for await (const _user of client.items(request)) count += 1;
    return count;
  }
  const client = sdkClient(url, token);
  const held: unknown[] = [];
  let count = 0;
  const first = (await client.api("/users").top(999).get()) as PageCollection;
  await new PageIterator(client, first, (user) => {
    if (mode === "sdk-collect") held.push(user);
    count += 1;
    return true;
  }).iterate();
  return mode === "sdk-collect" ? held.length : count;
}

async function main(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseRssKb = process.resourceUsage().maxRSS;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 2);
  const start = process.hrtime.bigint();
  const count = await list();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(sampler);
  const peakRssKb = process.resourceUsage().maxRSS;
  process.stdout.write(
    `${JSON.stringify({ ms, count, peakRssMB: peakRssKb / 1024, rssGrowthMB: (peakRssKb - baseRssKb) / 1024, peakHeapMB: (peakHeap - baseHeap) / 1048576 })}\n`,
  );
}

void main();
