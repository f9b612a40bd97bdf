import { KeyObject, X509Certificate, constants, createHash, randomUUID, sign } from "node:crypto";
import { InputError } from "../errors";
import { loadCertificate, loadPrivateKey } from "./pem";

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/** Microsoft accepts assertions valid up to 10 minutes; a shorter window limits what a leaked one is worth. */
export const ASSERTION_LIFETIME_SECONDS = 600;

export interface CertificateInputs {
  /** PEM private key (PKCS#8 or PKCS#1, possibly encrypted). */
  privateKey: string;
  privateKeyPassphrase?: string;
  /** The SHA-1 thumbprint the Azure portal shows (hex, colons and spaces allowed). */
  thumbprint?: string;
  /** The PEM certificate uploaded to the app registration. */
  publicCertificate?: string;
}

/** A checked signing credential: the key, the algorithm and the key-identifier header Entra expects with it. */
export interface CertificateCredential {
  key: KeyObject;
  alg: "PS256" | "RS256";
  header: { x5t: string } | { "x5t#S256": string };
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

function parseThumbprint(value: string): Buffer {
  const hex = value.replace(/[\s:]/g, "");
  if (!/^[0-9a-f]{40}$/i.test(hex)) {
    throw new InputError(
      "Certificate Thumbprint",
      "is not a SHA-1 thumbprint; copy the 40-character Thumbprint from Certificates & secrets > Certificates in the app registration",
    );
  }
  return Buffer.from(hex, "hex");
}

function derOf(certificate: X509Certificate): Buffer {
  return certificate.raw;
}

/**
 * Checks the certificate inputs before any request: the key reads, matches the certificate, and the thumbprint is the
 * certificate's. With a certificate, Microsoft's current format (PS256, `x5t#S256`); with a thumbprint only, RS256 and `x5t`.
 */
export function certificateCredential(inputs: CertificateInputs): CertificateCredential {
  const key = loadPrivateKey(inputs.privateKey, inputs.privateKeyPassphrase || undefined);
  const thumbprint = inputs.thumbprint?.trim() ? parseThumbprint(inputs.thumbprint) : undefined;
  if (inputs.publicCertificate?.trim()) {
    const certificate = loadCertificate(inputs.publicCertificate);
    if (!certificate.checkPrivateKey(key)) {
      throw new InputError(
        "Certificate",
        "is not the private key of Public Certificate; paste the key that belongs to the uploaded certificate",
      );
    }
    const der = derOf(certificate);
    if (thumbprint && !thumbprint.equals(createHash("sha1").update(der).digest())) {
      throw new InputError(
        "Certificate Thumbprint",
        "is not the thumbprint of Public Certificate; copy the thumbprint shown for that certificate",
      );
    }
    return { key, alg: "PS256", header: { "x5t#S256": base64url(createHash("sha256").update(der).digest()) } };
  }
  if (!thumbprint) {
    throw new InputError("Certificate Thumbprint", "is empty; give the certificate's thumbprint or paste Public Certificate");
  }
  return { key, alg: "RS256", header: { x5t: base64url(thumbprint) } };
}

/** A signed client assertion JWT for the token endpoint at `tokenUrl` (its `aud`). */
export function clientAssertion(credential: CertificateCredential, clientId: string, tokenUrl: string, nowMs = Date.now()): string {
  const now = Math.floor(nowMs / 1000);
  const header = { alg: credential.alg, typ: "JWT", ...credential.header };
  const claims = {
    aud: tokenUrl,
    iss: clientId,
    sub: clientId,
    jti: randomUUID(),
    nbf: now,
    iat: now,
    exp: now + ASSERTION_LIFETIME_SECONDS,
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature =
    credential.alg === "PS256"
      ? sign("sha256", Buffer.from(signingInput), {
          key: credential.key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
        })
      : sign("sha256", Buffer.from(signingInput), credential.key);
  return `${signingInput}.${base64url(signature)}`;
}
