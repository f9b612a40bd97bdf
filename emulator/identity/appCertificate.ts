import fs from "node:fs";
import path from "node:path";

/**
 * The emulated app registration's certificate credential (made once with openssl, self-signed), as the client
 * secret is its secret credential: the certificate is registered on the app, the key signs client assertions.
 */
export const EMULATOR_APP_CERTIFICATE = {
  certificate: fs.readFileSync(path.join(__dirname, "app-certificate.pem"), "utf8"),
  privateKey: fs.readFileSync(path.join(__dirname, "app-private-key.pem"), "utf8"),
};
