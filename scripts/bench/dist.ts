import path from "node:path";
import { createRequire } from "node:module";
import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { oauthClientCredentials } from "../../src/connections";
import { EMULATOR_APP } from "../../emulator";
import { ROOT } from "./common";

type Perform = (context: unknown, params: Record<string, unknown>) => Promise<unknown>;

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, metric: () => undefined };

/**
 * An action of the built bundle (dist/index.js) as the platform calls it: the converted perform (input clean
 * functions, error hook), with a client-credentials connection to the emulator.
 */
export function distAction(key: string, url: string, token: string): (params: Record<string, unknown>) => Promise<unknown> {
  const load = createRequire(__filename);
  const component = (load(path.join(ROOT, "dist/index.js")) as { default: { actions: Record<string, { perform: Perform }> } }).default;
  const app = { tenant: EMULATOR_APP.tenantId, clientId: EMULATOR_APP.clientId, clientSecret: EMULATOR_APP.clientSecret };
  const connection = createConnection(oauthClientCredentials, { baseUrl: url, entraIdEndpoint: url, ...app }, { access_token: token });
  const perform = component.actions[key].perform;
  return (params) => perform({ logger: quiet, debug: { enabled: false } }, { connection, ...params });
}
