import { randomBytes } from "node:crypto";
import type { Drive, DriveItem, Permission } from "@microsoft/microsoft-graph-types";
import { GraphError } from "../../src/graph";
import { sitesState } from "../../emulator/areas/sites/store";
import { driveStore } from "../../emulator/areas/files/store";
import { TestEnv, dataOf, expectInputError, startTestEnv } from "../helpers/setup";

type Page<T> = { value: T[]; "@odata.nextLink"?: string; moreAvailable?: boolean };
type FileResult = { data: Buffer; contentType: string; headers: Record<string, string> };

let env: TestEnv;
let driveId: string;
let siteId: string;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 5, groupCount: 2 });
  siteId = sitesState(env.emulator).sites[1]?.id;
  const drives = dataOf<Page<Drive>>(await env.harness.action("listDrives", { connection: env.connection, siteId }));
  driveId = drives.value[0]?.id as string;
});
afterAll(() => env.emulator.close());
beforeEach(() => env.emulator.preAuth.clearFaults());

const run = <T>(key: string, params: Record<string, unknown>) =>
  env.harness.action(key, { connection: env.connection, driveId, ...params }).then((r) => dataOf<T>(r));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
const preAuth = () => env.emulator.preAuth;

describe("drives", () => {
  test("listDrives for exactly one of a site, a user or a group; getDrive", async () => {
    expect(driveId).toMatch(/^b!/);
    const user = env.emulator.directory.users[0];
    const userDrives = await run<Page<Drive>>("listDrives", { driveId: undefined, userId: user?.userPrincipalName });
    expect(userDrives.value[0]?.driveType).toBe("business");
    const group = env.emulator.directory.groups[0];
    const groupDrives = await run<Page<Drive>>("listDrives", { driveId: undefined, groupId: group?.id });
    expect(groupDrives.value[0]?.driveType).toBe("documentLibrary");
    await expectInputError(env, () => run("listDrives", { siteId, groupId: group?.id }), /exactly one of Site, User or Group \(2 given\)/);
    await expectInputError(env, () => run("listDrives", {}), /exactly one of Site, User or Group \(0 given\)/);
    const drive = await run<Drive>("getDrive", {});
    expect(drive).toMatchObject({ id: driveId, name: "Documents", driveType: "documentLibrary" });
  });

  test("selectDrive lists a site's drives", async () => {
    const { result } = (await env.harness.dataSource("selectDrive", { connection: env.connection, siteId })) as {
      result: { label: string; key: string }[];
    };
    expect(result).toEqual([{ label: "Documents (documentLibrary)", key: driveId }]);
  });
});

describe("items", () => {
  test("listFolder by path and by id; getDriveItem by path and by id", async () => {
    const root = await run<Page<DriveItem>>("listFolder", {});
    expect(root.value.map((i) => i.name)).toEqual(["readme.txt", "Reports"]);
    const year = await run<Page<DriveItem>>("listFolder", { folder: "/Reports/2026" });
    expect(year.value.map((i) => i.name)).toEqual(["q3.xlsx"]);
    expect(env.emulator.requestsTo(":/Reports/2026:/children", "GET")).toHaveLength(1);
    const byPath = await run<DriveItem>("getDriveItem", { itemPath: "/Reports/2026/q3.xlsx" });
    expect(byPath.file?.mimeType).toContain("spreadsheetml");
    const byId = await run<DriveItem>("getDriveItem", { itemId: byPath.id });
    expect(byId.name).toBe("q3.xlsx");
    const reports = root.value.find((i) => i.name === "Reports") as DriveItem;
    expect((await run<Page<DriveItem>>("listFolder", { folder: reports.id })).value.map((i) => i.name)).toEqual(["2026"]);
    await expectInputError(env, () => run("getDriveItem", {}), /exactly one of Item Path/);
    await expectInputError(
      env,
      () => run("getDriveItem", { itemPath: "/Reports/../secret" }),
      /Item Path: "\.\." is not a file or folder name/,
    );
  });

  test("path segments are encoded: a name with spaces, # and & stays one segment", async () => {
    const folder = await run<DriveItem>("createFolder", { name: "Q3 #1 & more" });
    expect(folder.name).toBe("Q3 #1 & more");
    const found = await run<DriveItem>("getDriveItem", { itemPath: "/Q3 #1 & more" });
    expect(found.id).toBe(folder.id);
    expect(env.emulator.requests.some((r) => r.path.endsWith("/root:/Q3%20%231%20%26%20more:"))).toBe(true);
  });

  test("createFolder: fail on a taken name (409), or rename", async () => {
    const error = await failure(run("createFolder", { parentFolder: "/Reports", name: "2026" }));
    expect((error as GraphError).status).toBe(409);
    expect((error as GraphError).code).toBe("nameAlreadyExists");
    const renamed = await run<DriveItem>("createFolder", { parentFolder: "/Reports", name: "2026", conflictBehavior: "rename" });
    expect(renamed.name).toBe("2026 1");
    await expectInputError(env, () => run("createFolder", { name: "a:b" }), /Name: "a:b" holds a character/);
  });

  test("moveDriveItem renames and moves; deleteDriveItem removes", async () => {
    const folder = await run<DriveItem>("createFolder", { name: "Archive" });
    const file = await run<DriveItem>("uploadFile", { folder: "/", fileName: "move-me.txt", file: "hello" });
    const moved = await run<DriveItem>("moveDriveItem", { itemId: file.id, newParentFolder: "/Archive", newName: "moved.txt" });
    expect(moved.name).toBe("moved.txt");
    expect(moved.parentReference?.id).toBe(folder.id);
    expect(JSON.parse(env.emulator.requestsTo(`/items/${file.id}`, "PATCH").at(-1)?.body ?? "{}")).toEqual({
      name: "moved.txt",
      parentReference: { id: folder.id },
    });
    await expectInputError(env, () => run("moveDriveItem", { itemId: file.id }), /New Name: give a New Name, a New Parent Folder, or both/);
    await run("deleteDriveItem", { itemPath: "/Archive/moved.txt" });
    expect(((await failure(run("getDriveItem", { itemId: file.id }))) as GraphError).status).toBe(404);
  });

  test("copyDriveItem follows the monitor URL without the token and returns the copy", async () => {
    const copy = await run<DriveItem>("copyDriveItem", { itemPath: "/readme.txt", targetFolder: "/Reports", newName: "readme-copy.txt" });
    expect(copy.name).toBe("readme-copy.txt");
    expect(copy.parentReference?.path).toMatch(/root:\/Reports$/);
    const polls = preAuth().requestsTo("/monitor/", "GET");
    expect(polls.length).toBeGreaterThanOrEqual(2);
    for (const poll of polls) {
      expect(poll.headers.authorization).toBeUndefined();
      expect(JSON.stringify(poll.headers)).not.toContain(env.token);
    }
  });

  test("copyDriveItem gives up after its time limit, saying the copy goes on", async () => {
    const store = driveStore(env.emulator);
    store.copyPollsNeeded = Number.POSITIVE_INFINITY;
    try {
      const error = await failure(
        run("copyDriveItem", { itemPath: "/readme.txt", targetFolder: "/Reports", newName: "slow.txt", timeLimit: "1" }),
      );
      expect(error?.message).toMatch(/still inProgress \(50% done\) after 1 s; it goes on in Microsoft 365/);
      expect(error?.message).not.toContain("/monitor/");
    } finally {
      store.copyPollsNeeded = 2;
    }
  });

  test("createSharingLink", async () => {
    const link = await run<Permission>("createSharingLink", {
      itemPath: "/readme.txt",
      type: "edit",
      scope: "organization",
      expirationDateTime: "2026-12-31T23:59:00Z",
    });
    expect(link.link).toMatchObject({ type: "edit", scope: "organization" });
    expect(link.roles).toEqual(["write"]);
    await expectInputError(
      env,
      () => run("createSharingLink", { itemPath: "/readme.txt", expirationDateTime: "tomorrow" }),
      /Expiration: "tomorrow"/,
    );
  });
});

describe("uploadFile", () => {
  test("a small file goes in one PUT with the token, and no upload session", async () => {
    const sessionsBefore = env.emulator.requestsTo("createUploadSession").length;
    const item = await run<DriveItem>("uploadFile", {
      folder: "/Reports",
      fileName: "small.csv",
      file: { data: Buffer.from("a,b\n1,2\n"), contentType: "text/csv" },
    });
    expect(item).toMatchObject({ name: "small.csv", size: 8 });
    const put = env.emulator.requestsTo("/root:/Reports/small.csv:/content", "PUT").at(-1);
    expect(put?.headers["content-type"]).toBe("text/csv");
    expect(new URLSearchParams(put?.search).get("@microsoft.graph.conflictBehavior")).toBe("replace");
    expect(env.emulator.requestsTo("createUploadSession")).toHaveLength(sessionsBefore);
  });

  test("25 MB through an upload session: 10 MiB chunks, one total, never the token; resumes a dropped chunk and restarts an expired session", async () => {
    const content = randomBytes(25_000_000);
    // The first session expires after two chunks; in the second, the answer to the second chunk is lost.
    preAuth().expireSession({ afterChunks: 2 });
    preAuth().dropChunk({ skip: 3, when: "after" });
    const requestsBefore = preAuth().requests.length;
    const item = await run<DriveItem>("uploadFile", {
      folder: "/Reports/2026",
      fileName: "big.bin",
      file: { data: content, contentType: "application/octet-stream" },
    });
    expect(item.size).toBe(content.length);

    const sessions = env.emulator.requestsTo("/2026/big.bin:/createUploadSession", "POST");
    expect(sessions).toHaveLength(2); // the expired session was replaced
    expect(sessions[0]?.headers.authorization).toBe(`Bearer ${env.token}`);
    const hostRequests = preAuth().requests.slice(requestsBefore);
    for (const request of hostRequests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toContain(env.token);
    }
    expect(preAuth().refused).toHaveLength(0);
    const puts = hostRequests.filter((r) => r.method === "PUT");
    const ranges = puts.map((r) => /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(r.headers["content-range"])));
    expect(ranges.every((m) => m?.[3] === String(content.length))).toBe(true);
    for (const [i, put] of puts.entries()) {
      const [, start, end] = ranges[i] as RegExpExecArray;
      expect(put.bodyLength).toBe(Number(end) - Number(start) + 1);
      if (Number(end) < content.length - 1) expect(put.bodyLength % (320 * 1024)).toBe(0);
    }
    expect(puts.slice(0, 2).map((p) => p.bodyLength)).toEqual([10 * 1024 * 1024, 10 * 1024 * 1024]);
    expect(hostRequests.filter((r) => r.method === "GET")).toHaveLength(1); // the status read that resumed the dropped chunk

    const download = (await env.harness.action("downloadFile", { connection: env.connection, driveId, itemId: item.id })) as FileResult;
    expect(download.data.equals(content)).toBe(true);
  });

  test("refuses a chunk size that is not a multiple of 320 KiB before any request", async () => {
    await expectInputError(
      env,
      () => run("uploadFile", { fileName: "x.bin", file: randomBytes(5 * 1024 * 1024), chunkSizeKiB: "1000" }),
      /Chunk Size \(KiB\): must be a multiple of 327680 bytes/,
    );
  });
});

describe("downloadFile", () => {
  test("fetches the pre-authenticated URL without the token and returns file data with its name and type", async () => {
    const before = preAuth().requestsTo("/download/", "GET").length;
    const result = (await env.harness.action("downloadFile", {
      connection: env.connection,
      driveId,
      itemPath: "/readme.txt",
    })) as FileResult;
    expect(result.data.toString()).toBe("Integrations library\n");
    expect(result.contentType).toBe("text/plain");
    expect(result.headers["Content-Disposition"]).toContain("filename*=UTF-8''readme.txt");
    const downloads = preAuth().requestsTo("/download/", "GET").slice(before);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(downloads[0]?.headers)).not.toContain(env.token);
  });

  test("refuses a file larger than Max Bytes before downloading any of it", async () => {
    const before = preAuth().requestsTo("/download/").length;
    const error = await failure(run("downloadFile", { itemPath: "/readme.txt", maxBytes: "10" }));
    expect(error?.message).toMatch(/Max Bytes: "readme.txt" has 21 bytes, more than Max Bytes \(10\); nothing was downloaded/);
    expect(preAuth().requestsTo("/download/")).toHaveLength(before);
  });
  test("stops a download that outgrows Max Bytes though the listed size fit (the file changed), and does not retry it", async () => {
    const host = preAuth();
    const original = host.createDownload.bind(host);
    // The download URL serves a newer, larger version than the size Graph listed with it.
    const spy = jest.spyOn(host, "createDownload").mockImplementation((_content, options) => original(Buffer.alloc(64 * 1024, 7), options));
    try {
      const before = host.requestsTo("/download/").length;
      const error = await failure(run("downloadFile", { itemPath: "/readme.txt", maxBytes: "1000" }));
      expect(error?.message).toMatch(
        /Max Bytes: "readme.txt" sent more than Max Bytes \(1000\) though Graph listed 21 bytes .*; the download was stopped/,
      );
      expect(host.requestsTo("/download/").slice(before)).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});
