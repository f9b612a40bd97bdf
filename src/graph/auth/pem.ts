import { KeyObject, X509Certificate, createPrivateKey } from "node:crypto";
import { InputError } from "../errors";

/** Restores a PEM pasted into a one-line field (literal `\n`, CRLF, surrounding quotes or spaces). */
export function normalizePem(text: string): string {
  return text
    .trim()
    .replace(/^"|"$/g, "")
    .replace(/\\r\\n|\\n|\\r/g, "\n")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

/** Reads a PEM private key: PKCS#8 or PKCS#1, encrypted (with `passphrase`) or not. */
export function loadPrivateKey(text: string, passphrase: string | undefined, inputName = "Certificate"): KeyObject {
  const pem = normalizePem(text);
  if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) {
    throw new InputError(
      inputName,
      "holds no PEM private key; paste the private key starting with -----BEGIN PRIVATE KEY----- (or BEGIN RSA PRIVATE KEY / BEGIN ENCRYPTED PRIVATE KEY), not the certificate",
    );
  }
  const encrypted = pem.includes("ENCRYPTED") || /Proc-Type:\s*4,ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) throw new InputError("Private Key Passphrase", "is empty, but the private key is encrypted");
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase ? { key: pem, format: "pem", passphrase } : { key: pem, format: "pem" });
  } catch {
    if (encrypted) throw new InputError("Private Key Passphrase", "does not decrypt the private key");
    throw new InputError(inputName, "is not a readable PEM private key");
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new InputError(
      inputName,
      `holds a ${key.asymmetricKeyType ?? "non-RSA"} key; Microsoft Entra ID certificate credentials use RSA keys`,
    );
  }
  return key;
}

/** Reads a PEM certificate (the public part uploaded to the app registration). */
export function loadCertificate(text: string, inputName = "Public Certificate"): X509Certificate {
  const pem = normalizePem(text);
  const block = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!block) throw new InputError(inputName, "holds no PEM certificate; paste the certificate starting with -----BEGIN CERTIFICATE-----");
  try {
    return new X509Certificate(block);
  } catch {
    throw new InputError(inputName, "is not a readable X.509 certificate");
  }
}
