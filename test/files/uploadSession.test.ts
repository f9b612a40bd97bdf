import { randomBytes } from "node:crypto";
import {
  DRIVE_CHUNK_MULTIPLE,
  ChunkEvent,
  GraphClient,
  GraphError,
  InputError,
  KIB,
  MAIL_MAX_CHUNK,
  MIB,
  REDACTED,
  redactText,
  redactValue,
  uploadInSession,
} from "../../src/graph";
import type { UploadSessionSpec } from "../../emulator/kernel/preAuthHost";
import { json } from "../../emulator/kernel/http";
import { TestEnv, startTestEnv } from "../helpers/setup";

let env: TestEnv;
let client: GraphClient;
const logs: string[] = [];
beforeAll(async () => {
  env = await startTestEnv();
  client = new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token, debug: true, log: (m) => logs.push(m) });
});
afterAll(() => env.emulator.close());
beforeEach(() => {
  env.emulator.preAuth.clearFaults();
  logs.length = 0;
});

/** A session factory that records what the host finally received. */
function sessions(spec: Partial<UploadSessionSpec> = {}) {
  const received: Buffer[] = [];
  const urls: string[] = [];
  const createSession = () => {
    const session = env.emulator.preAuth.createUploadSession({
      chunkMultiple: DRIVE_CHUNK_MULTIPLE,
      onComplete: (bytes) => {
        received.push(bytes);
        return json(201, { id: "01ITEM", size: bytes.length });
      },
      ...spec,
    });
    urls.push(session.uploadUrl);
    return Promise.resolve(session);
  };
  return { received, urls, createSession };
}

function sessionPath(url: string): string {
  return new URL(url).pathname;
}

describe("uploadInSession", () => {
  test("sends ordered chunks with one total, never the token, and returns the final answer", async () => {
    const content = randomBytes(3 * MIB + 12_345);
    const { received, urls, createSession } = sessions({ totalSize: content.length });
    const events: ChunkEvent[] = [];
    const result = await uploadInSession<{ id: string; size: number }>(client, {
      createSession,
      content,
      chunkSize: 3 * DRIVE_CHUNK_MULTIPLE,
      chunkMultiple: DRIVE_CHUNK_MULTIPLE,
      onChunk: (e) => events.push(e),
    });
    expect(result.status).toBe(201);
    expect(result.data).toEqual({ id: "01ITEM", size: content.length });
    expect(received[0]?.equals(content)).toBe(true);
    const puts = env.emulator.preAuth.requestsTo(sessionPath(urls[0] ?? ""), "PUT");
    expect(puts.map((r) => r.headers["content-range"])).toEqual(events.map((e) => `bytes ${e.start}-${e.end}/${content.length}`));
    expect(puts.slice(0, -1).every((r) => r.bodyLength === 3 * DRIVE_CHUNK_MULTIPLE)).toBe(true);
    for (const put of puts) {
      expect(put.headers.authorization).toBeUndefined();
      expect(put.headers["client-request-id"]).toBeUndefined();
      expect(JSON.stringify(put.headers)).not.toContain(env.token);
    }
    expect(env.emulator.preAuth.refused).toHaveLength(0);
    expect(logs.join("\n")).not.toContain(sessionPath(urls[0] ?? ""));
  });

  test("resumes from nextExpectedRanges after a chunk whose answer was lost", async () => {
    const content = randomBytes(2 * MIB);
    const { received, urls, createSession } = sessions();
    env.emulator.preAuth.dropChunk({ skip: 1, when: "after" });
    const result = await uploadInSession(client, { createSession, content, chunkSize: DRIVE_CHUNK_MULTIPLE });
    expect(result.resumes).toBe(1);
    expect(received[0]?.equals(content)).toBe(true);
    expect(env.emulator.preAuth.requestsTo(sessionPath(urls[0] ?? ""), "GET")).toHaveLength(1);
  });

  test("starts over in a new session when the session expires", async () => {
    const content = randomBytes(2 * MIB);
    const { received, urls, createSession } = sessions();
    env.emulator.preAuth.expireSession({ afterChunks: 2 });
    const result = await uploadInSession(client, { createSession, content, chunkSize: DRIVE_CHUNK_MULTIPLE });
    expect(result.restarts).toBe(1);
    expect(urls).toHaveLength(2);
    expect(received[0]?.equals(content)).toBe(true);
  });

  test("cancels the session on a final failure and keeps its URL out of the error", async () => {
    const content = randomBytes(MIB);
    const { urls, createSession } = sessions({ totalSize: content.length + 1 });
    const error = await uploadInSession(client, { createSession, content, chunkSize: DRIVE_CHUNK_MULTIPLE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(400);
    expect((error as Error).message).not.toContain(sessionPath(urls[0] ?? ""));
    expect(env.emulator.preAuth.requestsTo(sessionPath(urls[0] ?? ""), "DELETE")).toHaveLength(1);
  });

  test("answers a mail attachment's 201 with its Location header, chunks of at most 4 MiB", async () => {
    const content = randomBytes(5 * MIB);
    const session = env.emulator.preAuth.createUploadSession({
      maxChunkSize: MAIL_MAX_CHUNK,
      onComplete: () => ({ status: 201, headers: { Location: "https://graph.example/messages('m')/attachments('a')" } }),
    });
    const result = await uploadInSession(client, {
      createSession: () => Promise.resolve(session),
      content,
      maxChunkSize: MAIL_MAX_CHUNK,
    });
    expect(result.status).toBe(201);
    expect(result.headers.location).toContain("attachments('a')");
    expect(result.chunks).toBe(2);
  });

  test("refuses a chunk size that is not a multiple of 320 KiB before any request", async () => {
    const { urls, createSession } = sessions();
    await expect(
      uploadInSession(client, { createSession, content: randomBytes(10), chunkSize: 100 * KIB, chunkMultiple: DRIVE_CHUNK_MULTIPLE }),
    ).rejects.toThrow(InputError);
    expect(urls).toHaveLength(0);
  });
});

describe("pre-authenticated host", () => {
  test("refuses Authorization, answers 416 for an overlapping chunk, and reports status", async () => {
    const session = env.emulator.preAuth.createUploadSession({ onComplete: () => json(201, {}) });
    const put = (range: string, body: Buffer, headers: Record<string, string> = {}) =>
      fetch(session.uploadUrl, { method: "PUT", headers: { "Content-Range": range, ...headers }, body });
    expect((await put("bytes 0-9/20", Buffer.alloc(10), { Authorization: "Bearer x" })).status).toBe(401);
    expect(env.emulator.preAuth.refused.at(-1)?.headers.authorization).toBe("Bearer x");
    const first = await put("bytes 0-9/20", Buffer.alloc(10));
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ nextExpectedRanges: ["10-"] });
    expect((await put("bytes 5-14/20", Buffer.alloc(10))).status).toBe(416);
    expect((await put("bytes 10-19/21", Buffer.alloc(10))).status).toBe(400);
    expect(await (await fetch(session.uploadUrl)).json()).toMatchObject({ nextExpectedRanges: ["10-"] });
    expect((await fetch(session.uploadUrl, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(session.uploadUrl)).status).toBe(404);
  });
});

test("logs and errors never show a pre-authenticated URL from a response body", () => {
  const body = {
    uploadUrl: "https://host/upload/secret-1",
    "@microsoft.graph.downloadUrl": "https://host/download/secret-2",
    name: "a.txt",
  };
  expect(redactValue(body)).toEqual({ uploadUrl: REDACTED, "@microsoft.graph.downloadUrl": REDACTED, name: "a.txt" });
  const text = redactText(JSON.stringify(body));
  expect(text).not.toContain("secret-1");
  expect(text).not.toContain("secret-2");
  expect(text).toContain('"name":"a.txt"');
});
