import { randomBytes } from "node:crypto";
import { MAIL_MAX_CHUNK, MIB } from "../../src/graph/uploadSession";
import { Mailbox, MessageRecord } from "../../emulator/areas/mail/store";
import { dataOf } from "../helpers/setup";
import { useMailEnv } from "./mailEnv";

const env = useMailEnv();
beforeEach(() => {
  env.emulator.preAuth.requests.length = 0;
  env.emulator.preAuth.clearFaults();
  env.emulator.faults.clear();
});

interface SendResult {
  via: string;
  draftId?: string;
  attachments: { name: string; size: number; method: string; chunks?: number; resumes?: number; restarts?: number }[];
}

/** Random bytes, so a chunk sent twice or out of place changes the result. */
function file(size: number): Buffer {
  return randomBytes(size);
}

const bySubject = (box: Mailbox, folder: string, subject: string): MessageRecord[] =>
  box.inFolder(box.wellKnown(folder).id).filter((m) => m.subject === subject);

async function send(subject: string, files: { name: string; content: Buffer }[], extra: Record<string, unknown> = {}) {
  const [sender, to] = [env.people[0], env.people[1]];
  const result = dataOf<SendResult>(
    await env.harness.action("sendMail", {
      connection: env.connection,
      mailbox: sender.userPrincipalName,
      to: [to.mail],
      subject,
      body: "Large files attached",
      attachments: files.map((f) => ({ data: f.content, contentType: "application/octet-stream" })),
      attachmentNames: files.map((f) => f.name),
      ...extra,
    }),
  );
  return { result, sender: env.mailboxOf(sender), to: env.mailboxOf(to) };
}

function chunkPuts() {
  return env.emulator.preAuth.requestsTo("/upload/", "PUT");
}

test("a 10 MB attachment goes draft → upload session → 4 MB chunks → send, never with Authorization on the upload host", async () => {
  const content = file(10 * MIB);
  const { result, sender, to } = await send("Ten megabytes", [{ name: "scan.tiff", content }]);
  expect(result).toMatchObject({
    via: "draft",
    attachments: [{ name: "scan.tiff", size: 10 * MIB, method: "uploadSession", chunks: 3, resumes: 0, restarts: 0 }],
  });
  expect(chunkPuts().map((r) => [r.headers["content-range"], r.bodyLength])).toEqual([
    [`bytes 0-${4 * MIB - 1}/${10 * MIB}`, 4 * MIB],
    [`bytes ${4 * MIB}-${8 * MIB - 1}/${10 * MIB}`, 4 * MIB],
    [`bytes ${8 * MIB}-${10 * MIB - 1}/${10 * MIB}`, 2 * MIB],
  ]);
  expect(env.emulator.preAuth.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  expect(env.emulator.preAuth.refused).toHaveLength(0);
  const session = JSON.parse(env.emulator.requestsTo("/attachments/createUploadSession", "POST")[0]?.body ?? "{}") as unknown;
  expect(session).toEqual({
    AttachmentItem: { attachmentType: "file", name: "scan.tiff", size: 10 * MIB, contentType: "application/octet-stream" },
  });
  expect(env.emulator.requestsTo("/sendMail")).toHaveLength(0);
  expect(env.emulator.requestsTo("/send", "POST")).toHaveLength(1);

  const [received] = bySubject(to, "inbox", "Ten megabytes");
  expect(to.attachments.get(received.id)?.[0]?.content?.equals(content)).toBe(true);
  expect(bySubject(sender, "drafts", "Ten megabytes")).toHaveLength(0);
  expect(bySubject(sender, "sentitems", "Ten megabytes")).toHaveLength(1);
});

test("a 40 MB attachment beside a small one: ten chunks of at most 4 MB, the small file posted as is", async () => {
  const big = file(40 * MIB);
  const small = file(2048);
  const { result, to } = await send("Forty megabytes", [
    { name: "video.mp4", content: big },
    { name: "notes.txt", content: small },
  ]);
  expect(result.attachments).toEqual([
    { name: "video.mp4", size: 40 * MIB, method: "uploadSession", chunks: 10, resumes: 0, restarts: 0 },
    { name: "notes.txt", size: 2048, method: "attachment" },
  ]);
  expect(chunkPuts().every((r) => r.bodyLength === MAIL_MAX_CHUNK)).toBe(true);
  expect(chunkPuts()).toHaveLength(10);
  const [received] = bySubject(to, "inbox", "Forty megabytes");
  const files = to.attachments.get(received.id) ?? [];
  expect(files.map((f) => f.name)).toEqual(["video.mp4", "notes.txt"]);
  expect(files[0]?.content?.equals(big)).toBe(true);
  expect(files[1]?.content?.equals(small)).toBe(true);
});

test("a chunk whose answer is lost is resumed from nextExpectedRanges", async () => {
  const content = file(10 * MIB);
  env.emulator.preAuth.dropChunk({ skip: 1, when: "after" }); // the second chunk is stored, its answer never comes
  const { result, to } = await send("Resumed", [{ name: "resumed.bin", content }]);
  expect(result.attachments[0]).toMatchObject({ method: "uploadSession", resumes: 1, restarts: 0 });
  expect(env.emulator.preAuth.requestsTo("/upload/", "GET").length).toBeGreaterThanOrEqual(1);
  const [received] = bySubject(to, "inbox", "Resumed");
  expect(to.attachments.get(received.id)?.[0]?.content?.equals(content)).toBe(true);
  expect(env.emulator.preAuth.refused).toHaveLength(0);
});

test("an expired session (404) is restarted with a new one", async () => {
  const content = file(10 * MIB);
  env.emulator.preAuth.expireSession({ afterChunks: 1 });
  const { result, to } = await send("Restarted", [{ name: "restarted.bin", content }]);
  expect(result.attachments[0]).toMatchObject({ method: "uploadSession", restarts: 1 });
  expect(env.emulator.requestsTo("/attachments/createUploadSession", "POST")).toHaveLength(2);
  const [received] = bySubject(to, "inbox", "Restarted");
  const files = to.attachments.get(received.id) ?? [];
  expect(files).toHaveLength(1);
  expect(files[0]?.content?.equals(content)).toBe(true);
});

test("a failed upload deletes the half-built draft, unless asked to keep it", async () => {
  const content = file(4 * MIB);
  const fail = () =>
    env.emulator.faults.add({ kind: "status", status: 500, code: "ErrorInternalServerError", path: "/createUploadSession", times: 10 });
  fail();
  await expect(send("Fails", [{ name: "f.bin", content }])).rejects.toThrow(/500 ErrorInternalServerError/);
  const sender = env.mailboxOf(env.people[0]);
  expect(bySubject(sender, "drafts", "Fails")).toHaveLength(0);
  expect(env.emulator.requestsTo("/messages/", "DELETE")).toHaveLength(1);

  env.emulator.faults.clear();
  fail();
  await expect(send("Kept", [{ name: "f.bin", content }], { keepDraftOnFailure: true })).rejects.toThrow(/500/);
  expect(bySubject(sender, "drafts", "Kept")).toHaveLength(1);
});

test("createDraft with a large attachment returns the draft as read back, attachment included", async () => {
  const sender = env.people[2];
  const draft = dataOf<{ id: string; hasAttachments: boolean; isDraft: boolean }>(
    await env.harness.action("createDraft", {
      connection: env.connection,
      mailbox: sender.id,
      to: [env.people[3].mail],
      subject: "Draft with a big file",
      attachments: [{ data: file(5 * MIB), contentType: "image/png", name: "big.png" }],
    }),
  );
  expect(draft).toMatchObject({ isDraft: true, hasAttachments: true });
  expect(env.mailboxOf(sender).attachments.get(draft.id)?.[0]).toMatchObject({ name: "big.png", size: 5 * MIB, contentType: "image/png" });
});

test("a file over Graph's 150 MB is refused before any request", async () => {
  const before = env.emulator.requests.length;
  await expect(send("Too big", [{ name: "huge.bin", content: Buffer.alloc(150 * MIB + 1) }])).rejects.toThrow(
    /Attachments: "huge.bin" has 157286401 bytes; Graph takes at most 150 MB per attachment/,
  );
  expect(env.emulator.requests.length).toBe(before);
});
