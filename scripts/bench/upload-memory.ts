/**
 * Client memory of a large upload through a drive upload session (emulator in its own process):
 * `node --expose-gc --import tsx scripts/bench/upload-memory.ts`. Chunks are views of the file's buffer, so the
 * peak above the file itself should stay near zero whatever the file size.
 */
import { randomBytes } from "node:crypto";
import { startEmulatorProcess } from "./common";
import { GraphClient, uploadInSession, DRIVE_CHUNK_MULTIPLE, UploadSessionInfo } from "../../src/graph";

async function main() {
  const emu = await startEmulatorProcess(10);
  try {
    const client = new GraphClient({ baseUrl: emu.url, accessToken: emu.token });
    const site = await client.get<{ id: string }>("/sites/contoso.sharepoint.com:/sites/integrations");
    const drives = await client.get<{ value: { id: string }[] }>(`/sites/${encodeURIComponent(site.id)}/drives`);
    const drive = drives.value[0]?.id;
    for (const size of [25_000_000, 100_000_000]) {
      const content = randomBytes(size);
      global.gc?.();
      const base = process.memoryUsage();
      let peakAb = 0,
        peakRss = 0;
      const sample = () => {
        const m = process.memoryUsage();
        peakAb = Math.max(peakAb, m.arrayBuffers - base.arrayBuffers);
        peakRss = Math.max(peakRss, m.rss - base.rss);
      };
      const timer = setInterval(sample, 5);
      const started = Date.now();
      const result = await uploadInSession(client, {
        content,
        chunkSize: 10 * 1024 * 1024,
        chunkMultiple: DRIVE_CHUNK_MULTIPLE,
        onChunk: sample,
        createSession: () =>
          client.post<UploadSessionInfo>(`/drives/${encodeURIComponent(drive)}/root:/mem-${size}.bin:/createUploadSession`, { item: {} }),
      });
      clearInterval(timer);
      sample();
      console.log(
        JSON.stringify({
          size,
          chunks: result.chunks,
          ms: Date.now() - started,
          peakArrayBuffersAboveFileMB: +(peakAb / 1e6).toFixed(1),
          peakRssAboveStartMB: +(peakRss / 1e6).toFixed(1),
        }),
      );
    }
  } finally {
    await emu.stop();
  }
}
void main();
