const SECRET_KEYS = [
  "client_secret",
  "client_assertion",
  "code_verifier",
  "access_token",
  "refresh_token",
  "id_token",
  "assertion",
  "password",
  "clientSecret",
  "clientState",
  "refreshToken",
  "privateKeyPassphrase",
];
// `code` is a secret in OAuth form bodies and redirect URLs, but in Graph's JSON it is the error code, which we keep.
const FORM_KEYS = [...SECRET_KEYS, "code"];
const SECRET_KEY_SET = new Set(SECRET_KEYS.map((k) => k.toLowerCase()));
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

export const REDACTED = "[REDACTED]";

const keyAlternation = SECRET_KEYS.join("|");
const bearerPattern = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const formPattern = new RegExp(`([?&\\s]|^)(${FORM_KEYS.join("|")})=([^&\\s"']+)`, "gi");
const jsonPattern = new RegExp(`("(?:${keyAlternation})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");
// Credentials in a URL (a proxy's user:password@) and pasted private keys.
const userInfoPattern = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']+@/gi;
const privateKeyPattern = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g;
const knownSecrets = new Set<string>();

/** Remembers a secret value (an access token) so that any text carrying it verbatim is redacted too. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) knownSecrets.add(value);
  if (knownSecrets.size > 1000) knownSecrets.delete(knownSecrets.values().next().value as string);
}

/** Removes bearer tokens, OAuth secrets and codes from free text (URLs, form bodies, JSON, messages). */
export function redactText(text: string): string {
  let out = text
    .replace(bearerPattern, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(formPattern, (_m, lead: string, key: string) => `${lead}${key}=${REDACTED}`)
    .replace(jsonPattern, (_m, lead: string) => `${lead}"${REDACTED}"`)
    .replace(userInfoPattern, (_m, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(privateKeyPattern, (_m, kind: string) => `-----BEGIN ${kind}PRIVATE KEY-----${REDACTED}`);
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : typeof value === "string" ? redactText(value) : value;
  }
  return out;
}

/** Deep copy with secret-named keys replaced; strings are passed through redactText. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[…]";
  if (typeof value === "string") return redactText(value);
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY_SET.has(k.toLowerCase()) || SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : redactValue(v, depth + 1);
    }
    return out;
  }
  return value;
}
