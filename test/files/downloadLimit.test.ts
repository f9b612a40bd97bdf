import { randomBytes } from "node:crypto";
import { InputError } from "../../src/graph";
import { driveStore } from "../../emulator/areas/files/store";
import { sitesState } from "../../emulator/areas/sites/store";
import { TestEnv, startTestEnv } from "../helpers/setup";

type FileResult = { data: Buffer; contentType: string };

let env: TestEnv;
let driveId: string;
/** A file whose drive item reports 10 bytes while its download serves 256 KiB. */
let itemId: string;
const content = randomBytes(256 * 1024);

beforeAll(async () => {
  env = await startTestEnv({ userCount: 3, groupCount: 1 });
  const store = driveStore(env.emulator);
  const drive = store.drivesOf("site", sitesState(env.emulator).sites[1].id)[0];
  driveId = drive.id;
  const item = store.addItem({ driveId, name: "growing.bin", parentId: drive.rootId, isFolder: false, content });
  item.reportedSize = 10;
  itemId = item.id;
});
afterAll(() => env.emulator.close());

const download = (maxBytes: string) => env.harness.action("downloadFile", { connection: env.connection, driveId, itemId, maxBytes });
const downloads = () => env.emulator.preAuth.requests.filter((r) => r.path.startsWith("/download/"));

describe("downloadFile counts the bytes, not the size Graph reports", () => {
  test("a download that grows past Max Bytes is stopped there with an error naming Max Bytes, and not retried", async () => {
    const before = downloads().length;
    const error = await download("100000").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'Max Bytes: "growing.bin" grew past Max Bytes (100000) while downloading, though Graph reported 10 bytes; the download was stopped',
    );
    const fetched = downloads().slice(before);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]?.headers.authorization).toBeUndefined();
  });

  test("with Max Bytes above the real size the same file downloads whole", async () => {
    const result = (await download(String(content.length))) as unknown as FileResult;
    expect(Buffer.compare(result.data, content)).toBe(0);
  });
});
