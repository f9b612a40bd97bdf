import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import axios, { AxiosAdapter, AxiosError, AxiosProxyConfig, AxiosResponse, InternalAxiosRequestConfig } from "axios";
import { normalizePem } from "./auth/pem";
import { InputError } from "./errors";
import { asText } from "./text";

/** One HTTP exchange as the client needs it: no redirects followed, any status returned, the body as bytes. */
export interface WireRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer | string;
  timeoutMs?: number;
  /** The most bytes the response body may have; a longer one is cut off and fails with RESPONSE_TOO_LARGE. */
  maxResponseBytes?: number;
}

export interface WireResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** TransportError code of an answer whose body passed the request's maxResponseBytes. */
export const RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

/**
 * The request got no (whole) HTTP answer; `code` is Node's (ECONNRESET, ECONNREFUSED, ...), ECONNABORTED for a
 * timeout, or RESPONSE_TOO_LARGE.
 */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

/** How a connection reaches Microsoft: through a proxy or not, and which TLS certificates it trusts. */
export interface NetworkSettings {
  /** http(s)://[user:password@]host:port of a forward proxy; HTTPS targets are tunnelled with CONNECT. */
  proxyUrl?: string;
  /** false accepts any server certificate (only behind a TLS-inspecting proxy). Default true. */
  verifySsl?: boolean;
  /** PEM bundle trusted in addition to the system's certificate authorities. */
  caCertificate?: string;
}

/** Sends requests with one connection's network settings; shared by every client with the same settings. */
export interface Transport {
  readonly settings: Readonly<NetworkSettings>;
  send(req: WireRequest): Promise<WireResponse>;
}

const MAX_SOCKETS = 64;
/**
 * TCP keep-alive probe delay. axios sets 60 s on the socket of every request and the agent sets its own delay each
 * time a socket goes back to the pool; Node skips the system calls only when the value does not change, so the two
 * must agree (otherwise every request costs eight setsockopt calls).
 */
const KEEP_ALIVE_MSECS = 60_000;
const MAX_CACHED_TRANSPORTS = 100;
const transports = new Map<string, Transport>();

function proxyConfig(proxyUrl: string): AxiosProxyConfig {
  const url = new URL(proxyUrl);
  const config: AxiosProxyConfig = {
    protocol: url.protocol.replace(/:$/, ""),
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
  };
  if (url.username) config.auth = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  return config;
}

function withSystemCas(pem: string): string[] {
  // `ca` replaces Node's trust store, so the system's roots are kept beside the bundle.
  return [...new Set([...tls.rootCertificates, pem])];
}

/**
 * axios with one connection's settings, resolved once: its configuration merged with axios's defaults when the
 * transport is created, and its HTTP adapter (which does the exchange: agents, proxy, TLS, decompression, limits).
 * Each request then hands the adapter that configuration plus its own method, URL, headers, body and timeout,
 * instead of going through `axios.request`, which would merge and sanitise the whole configuration again, build
 * header objects and run the request and response transforms on every call (none of which the client uses: bodies go
 * out as bytes and come back as bytes).
 */
interface Wire {
  config: InternalAxiosRequestConfig;
  adapter: AxiosAdapter;
}

function createWire(settings: NetworkSettings): Wire {
  const tlsOptions: https.AgentOptions = {};
  if (settings.verifySsl === false) tlsOptions.rejectUnauthorized = false;
  if (settings.caCertificate) tlsOptions.ca = withSystemCas(settings.caCertificate);
  // Each request brings all of its headers, so axios's default header sets are left out.
  const { headers: _defaultHeaders, ...defaults } = axios.defaults;
  const config = axios.mergeConfig(defaults, {
    adapter: "http",
    httpAgent: new http.Agent({ keepAlive: true, keepAliveMsecs: KEEP_ALIVE_MSECS, maxSockets: MAX_SOCKETS }),
    httpsAgent: new https.Agent({ keepAlive: true, keepAliveMsecs: KEEP_ALIVE_MSECS, maxSockets: MAX_SOCKETS, ...tlsOptions }),
    // An explicit `false` also keeps axios from reading HTTP(S)_PROXY from the environment on every request.
    proxy: settings.proxyUrl ? proxyConfig(settings.proxyUrl) : false,
    // Redirects are the client's decision (the token must not follow one off-origin), so axios follows none.
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: "arraybuffer",
    maxContentLength: Number.POSITIVE_INFINITY,
    maxBodyLength: Number.POSITIVE_INFINITY,
  }) as InternalAxiosRequestConfig;
  return { config, adapter: axios.getAdapter("http") };
}

function flatten(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : asText(value);
  }
  return out;
}

async function sendWith(wire: Wire, req: WireRequest): Promise<WireResponse> {
  let response: AxiosResponse;
  try {
    response = await wire.adapter({
      ...wire.config,
      method: req.method.toLowerCase(),
      url: req.url.href,
      headers: req.headers as InternalAxiosRequestConfig["headers"],
      data: req.body,
      timeout: req.timeoutMs ?? 0,
      ...(req.maxResponseBytes !== undefined ? { maxContentLength: req.maxResponseBytes } : {}),
    });
  } catch (error) {
    const message = (error as Error).message;
    // axios stops reading and destroys the stream once the body passes maxContentLength.
    if (req.maxResponseBytes !== undefined && /maxContentLength/.test(message)) {
      throw new TransportError(RESPONSE_TOO_LARGE, `the answer's body was larger than ${req.maxResponseBytes} bytes and was not kept`);
    }
    throw new TransportError((error as AxiosError).code ?? "ERROR", message);
  }
  const raw: unknown = response.data;
  const body = Buffer.isBuffer(raw) ? raw : raw instanceof ArrayBuffer ? Buffer.from(raw) : Buffer.from(asText(raw));
  return { status: response.status, headers: flatten(response.headers), body };
}

function settingsKey(settings: NetworkSettings): string {
  return JSON.stringify([settings.proxyUrl ?? "", settings.verifySsl !== false, settings.caCertificate ?? ""]);
}

/**
 * The transport for these settings: one resolved axios configuration and one keep-alive agent pair per distinct setting,
 * created on first use and reused by every later request and client.
 */
let directTransport: Transport | undefined;

function createTransport(settings: NetworkSettings): Transport {
  const wire = createWire(settings);
  return { settings: Object.freeze({ ...settings }), send: (req) => sendWith(wire, req) };
}

export function transportFor(settings: NetworkSettings = {}): Transport {
  // Most connections set nothing: skip building a key for them.
  if (!settings.proxyUrl && !settings.caCertificate && settings.verifySsl !== false) return (directTransport ??= createTransport({}));
  const key = settingsKey(settings);
  let transport = transports.get(key);
  if (!transport) {
    transport = createTransport(settings);
    if (transports.size >= MAX_CACHED_TRANSPORTS) transports.delete(transports.keys().next().value as string);
    transports.set(key, transport);
  }
  return transport;
}

/** Sends one request with the default settings: no proxy, the system's certificate authorities. */
export function send(req: WireRequest): Promise<WireResponse> {
  return transportFor().send(req);
}

/** Checks a proxy URL input: http(s), a host, nothing after it. Returns it trimmed. */
export function validateProxyUrl(value: string, inputName = "HTTP Proxy"): string {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(inputName, "is not a URL; give http://proxy.example.com:8080 (credentials as http://user:password@host:port)");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new InputError(inputName, "must start with http:// or https://");
  if ((url.pathname && url.pathname !== "/") || url.search || url.hash) {
    throw new InputError(inputName, "must be the proxy's address only (scheme, host, port), without a path or query");
  }
  return text;
}

/** Checks a PEM bundle input holds at least one certificate. */
export function validateCaBundle(value: string, inputName = "CA Certificate"): string {
  const pem = normalizePem(value);
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(pem)) {
    throw new InputError(inputName, "holds no PEM certificate; paste the CA's certificate(s) starting with -----BEGIN CERTIFICATE-----");
  }
  try {
    tls.createSecureContext({ ca: pem });
  } catch (error) {
    throw new InputError(inputName, `is not a valid PEM certificate bundle (${(error as Error).message})`);
  }
  return pem;
}
