/** The Graph emulator: the kernel (server, router, OData helpers) with every area's routes plugged in. */
import { Emulator, EmulatorOptions } from "./kernel/server";
import { registerRoutes } from "./areas";

export { EMULATOR_APP, Emulator } from "./kernel/server";
export { EMULATOR_APP_CERTIFICATE } from "./identity/appCertificate";
export type { EmulatorOptions, EmulatorRequest, LoggedRequest } from "./kernel/server";

/** An emulator with every area, not yet listening. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator(registerRoutes, options);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return createEmulator(options).start();
}
