import http from "node:http";
import type { AddressInfo } from "node:net";
import { GraphClient } from "../../src/graph";
import { readDeltaStep, runDeltaRound } from "../../src/graph/delta";
import { closeServer } from "../../emulator/kernel/http";

/** A Graph stand-in that answers each request with the next scripted page (and records the URLs asked for). */
async function scriptedGraph(pages: ((origin: string) => unknown)[]) {
  const asked: string[] = [];
  const prefer: string[] = [];
  const server = http.createServer((req, res) => {
    asked.push(req.url ?? "");
    prefer.push(String(req.headers.prefer ?? ""));
    const page = pages.at(asked.length - 1);
    res.writeHead(page ? 200 : 500, { "Content-Type": "application/json" });
    res.end(JSON.stringify(page ? page(origin) : { error: { code: "unexpected", message: "no more pages" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => closeServer(server);
  return { client: new GraphClient({ baseUrl: origin, accessToken: "test-token", retry: { maxRetries: 0 } }), asked, prefer, close };
}

test("an object reported twice in a round comes out once, its later properties merged in, in first-seen order", async () => {
  const graph = await scriptedGraph([
    (origin) => ({
      value: [
        { id: "a", displayName: "Ann" },
        { id: "b", displayName: "Ben" },
      ],
      "@odata.nextLink": `${origin}/v1.0/users/delta?$skiptoken=p2`,
    }),
    (origin) => ({
      value: [
        { id: "c", displayName: "Cy" },
        { id: "a", jobTitle: "Buyer" },
        { id: "b", "@removed": { reason: "changed" } },
      ],
      "@odata.deltaLink": `${origin}/v1.0/users/delta?$deltatoken=d1`,
    }),
  ]);
  try {
    const round = await runDeltaRound(graph.client, { resource: "users", select: "id,displayName" });
    expect(round.changes).toEqual([
      { id: "a", displayName: "Ann", jobTitle: "Buyer" },
      { id: "b", "@removed": { reason: "changed" } },
      { id: "c", displayName: "Cy" },
    ]);
    expect(round).toMatchObject({ resynced: false, pages: 2, deltaLink: expect.stringContaining("$deltatoken=d1") });
    expect(graph.asked).toEqual(["/v1.0/users/delta?$select=id%2CdisplayName", "/v1.0/users/delta?$skiptoken=p2"]);
  } finally {
    await graph.close();
  }
});

test("a large group's members@delta spread over several pages is joined, not replaced", async () => {
  const graph = await scriptedGraph([
    (origin) => ({
      value: [
        {
          id: "g",
          displayName: "LargeGroup",
          "members@delta": [
            { "@odata.type": "#microsoft.graph.user", id: "u1", "@removed": { reason: "deleted" } },
            { "@odata.type": "#microsoft.graph.user", id: "u2" },
          ],
        },
      ],
      "@odata.nextLink": `${origin}/v1.0/groups/delta?$skiptoken=p2`,
    }),
    (origin) => ({
      value: [
        {
          id: "g",
          displayName: "LargeGroup",
          "members@delta": [
            { "@odata.type": "#microsoft.graph.user", id: "u3" },
            { "@odata.type": "#microsoft.graph.user", id: "u1" },
          ],
        },
      ],
      "@odata.deltaLink": `${origin}/v1.0/groups/delta?$deltatoken=d1`,
    }),
  ]);
  try {
    const round = await runDeltaRound(graph.client, { resource: "groups" });
    expect(round.changes).toEqual([
      {
        id: "g",
        displayName: "LargeGroup",
        "members@delta": [
          { "@odata.type": "#microsoft.graph.user", id: "u2" },
          { "@odata.type": "#microsoft.graph.user", id: "u3" },
          { "@odata.type": "#microsoft.graph.user", id: "u1" },
        ],
      },
    ]);
  } finally {
    await graph.close();
  }
});

test("a round that ends without a delta link is an error, not a partial result", async () => {
  const graph = await scriptedGraph([() => ({ value: [{ id: "a" }] })]);
  try {
    await expect(runDeltaRound(graph.client, { resource: "groups" })).rejects.toThrow(
      /ended the groups delta round without an @odata.deltaLink/,
    );
  } finally {
    await graph.close();
  }
});

test("readDeltaStep reads any delta path in parts, stopping only between pages and continuing from the saved next link", async () => {
  const graph = await scriptedGraph([
    (origin) => ({
      value: [{ id: "m1" }, { id: "m2" }],
      "@odata.nextLink": `${origin}/v1.0/users/u1/mailFolders/inbox/messages/delta?$skiptoken=p2`,
    }),
    (origin) => ({
      value: [{ id: "m3" }, { id: "m1", isRead: true }],
      "@odata.deltaLink": `${origin}/v1.0/users/u1/mailFolders/inbox/messages/delta?$deltatoken=d1`,
    }),
  ]);
  try {
    const path = "users/u1/mailFolders/inbox/messages";
    const first = await readDeltaStep(graph.client, { path, select: "id,isRead", maxChanges: 3 });
    expect(first).toMatchObject({ changes: [{ id: "m1" }, { id: "m2" }], complete: false, resynced: false, pages: 1 });
    expect(first.cursor.nextLink).toContain("$skiptoken=p2");
    const second = await readDeltaStep(graph.client, { path, cursor: first.cursor, maxChanges: 3 });
    expect(second).toMatchObject({ changes: [{ id: "m3" }, { id: "m1", isRead: true }], complete: true, pages: 1 });
    expect(second.cursor.deltaLink).toContain("$deltatoken=d1");
    expect(graph.asked).toEqual([
      "/v1.0/users/u1/mailFolders/inbox/messages/delta?$select=id%2CisRead",
      "/v1.0/users/u1/mailFolders/inbox/messages/delta?$skiptoken=p2",
    ]);
    expect(graph.prefer).toEqual(["odata.maxpagesize=3", "odata.maxpagesize=3"]);
  } finally {
    await graph.close();
  }
});
