import http from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer } from "../../emulator/kernel/http";

/** A host other than the connection's Graph host: records the headers of every request it gets and answers a small CSV. */
export interface Bystander {
  url: string;
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startBystander(): Promise<Bystander> {
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    headers.push(req.headers);
    res.setHeader("Content-Type", "text/csv");
    res.end("a,b\n1,2\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    headers,
    close: () => closeServer(server),
  };
}
