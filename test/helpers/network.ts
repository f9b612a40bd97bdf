import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { EMULATOR_APP_CERTIFICATE } from "../../emulator/identity/appCertificate";
import { closeServer } from "../../emulator/kernel/http";

const PKI = path.resolve(__dirname, "../fixtures/pki");

/** The emulated app's certificate and key, and test PKI made once with openssl: a CA that signed a certificate for 127.0.0.1. */
export const pki = {
  appCertificate: EMULATOR_APP_CERTIFICATE.certificate,
  appKey: EMULATOR_APP_CERTIFICATE.privateKey,
  caCertificate: fs.readFileSync(path.join(PKI, "ca-cert.pem"), "utf8"),
  serverCertificate: fs.readFileSync(path.join(PKI, "server-cert.pem"), "utf8"),
  serverKey: fs.readFileSync(path.join(PKI, "server-key.pem"), "utf8"),
};

export interface ProxiedRequest {
  /** CONNECT for a tunnel (HTTPS targets), else the forwarded method. */
  method: string;
  /** host:port for a tunnel, the absolute URL otherwise. */
  target: string;
  proxyAuthorization?: string;
}

export interface TestProxy {
  url: string;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

/** A forward proxy on 127.0.0.1: tunnels CONNECT, forwards absolute-form HTTP requests, and counts both. */
export async function startProxy(): Promise<TestProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", target: req.url ?? "", proxyAuthorization: req.headers["proxy-authorization"] });
    const target = new URL(req.url ?? "");
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    requests.push({ method: "CONNECT", target: req.url ?? "", proxyAuthorization: req.headers["proxy-authorization"] });
    const [host, port] = (req.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => socket.destroy());
      socket.on("close", () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return closeServer(server);
    },
  };
}

export interface TlsFront {
  url: string;
  close(): Promise<void>;
}

/** An HTTPS server for 127.0.0.1, with a certificate from the test CA, passing every request on to `targetUrl`. */
export async function startTlsFront(targetUrl: string): Promise<TlsFront> {
  const target = new URL(targetUrl);
  const server = https.createServer({ key: pki.serverKey, cert: pki.serverCertificate }, (req, res) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => closeServer(server) };
}
