import http from "node:http";
import https from "node:https";
import axios, { AxiosError, AxiosResponse } from "axios";
import { asText } from "./text";

/** One HTTP exchange as the client needs it: no redirects followed, any status returned, the body as bytes. */
export interface WireRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer | string;
  timeoutMs?: number;
}

export interface WireResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** The request got no HTTP answer; `code` is Node's (ECONNRESET, ECONNREFUSED, ...) or ECONNABORTED for a timeout. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

const keepAliveHttp = new http.Agent({ keepAlive: true, maxSockets: 64 });
const keepAliveHttps = new https.Agent({ keepAlive: true, maxSockets: 64 });

// Redirects are the client's decision (the token must not follow one off-origin), so axios follows none.
const wire = axios.create({
  httpAgent: keepAliveHttp,
  httpsAgent: keepAliveHttps,
  maxRedirects: 0,
  validateStatus: () => true,
  responseType: "arraybuffer",
  maxContentLength: Number.POSITIVE_INFINITY,
  maxBodyLength: Number.POSITIVE_INFINITY,
  transformResponse: [(data: unknown) => data],
});

function flatten(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : asText(value);
  }
  return out;
}

/** Sends one request over axios (keep-alive, decompression, HTTP(S)_PROXY / NO_PROXY) and returns whatever status came back. */
export async function send(req: WireRequest): Promise<WireResponse> {
  let response: AxiosResponse;
  try {
    response = await wire.request({
      method: req.method,
      url: req.url.toString(),
      headers: req.headers,
      data: req.body,
      timeout: req.timeoutMs,
    });
  } catch (error) {
    throw new TransportError((error as AxiosError).code ?? "ERROR", (error as Error).message);
  }
  const raw: unknown = response.data;
  const body = Buffer.isBuffer(raw) ? raw : raw instanceof ArrayBuffer ? Buffer.from(raw) : Buffer.from(asText(raw));
  return { status: response.status, headers: flatten(response.headers), body };
}
