import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import type { Connection } from "@prismatic-io/spectral";
import component from "../../src";
import { oauth, oauthClientCredentials } from "../../src/connections";
import { retryTiming } from "../../src/graph";
import { Emulator, EmulatorOptions, startEmulator } from "../../emulator";

export interface TestEnv {
  emulator: Emulator;
  harness: ReturnType<typeof createHarness>;
  /** A client-credentials connection to the emulator with a valid app token. */
  connection: Connection;
  token: string;
}

/** Makes retry waits 1/100 of real time; tests that measure a real Retry-After set scale back to 1. */
export function fastRetries(): void {
  retryTiming.scale = 0.01;
}

export function clientCredentialsConnection(emulator: Emulator, token: string, fields: Record<string, unknown> = {}): Connection {
  return createConnection(
    oauthClientCredentials,
    {
      baseUrl: emulator.url,
      entraIdEndpoint: emulator.url,
      tenant: emulator.app.tenantId,
      clientId: emulator.app.clientId,
      clientSecret: emulator.app.clientSecret,
      scopes: "https://graph.microsoft.com/.default",
      tokenUrl: emulator.tokenUrl(),
      ...fields,
    },
    { access_token: token, token_type: "Bearer" },
  );
}

export function authCodeConnection(emulator: Emulator, token: string, fields: Record<string, unknown> = {}): Connection {
  return createConnection(
    oauth,
    {
      baseUrl: emulator.url,
      authorizeUrl: `${emulator.url}/common/oauth2/v2.0/authorize`,
      tokenUrl: `${emulator.url}/common/oauth2/v2.0/token`,
      clientId: emulator.app.clientId,
      clientSecret: emulator.app.clientSecret,
      scopes: "https://graph.microsoft.com/User.Read.All offline_access",
      ...fields,
    },
    { access_token: token, token_type: "Bearer" },
  );
}

/** Starts an emulator and a harness over the component; call in beforeAll and close in afterAll. */
export async function startTestEnv(options: EmulatorOptions = {}): Promise<TestEnv> {
  fastRetries();
  const emulator = await startEmulator(options);
  const token = emulator.issueToken();
  return { emulator, harness: createHarness(component), connection: clientCredentialsConnection(emulator, token), token };
}

/** Runs an action that must fail on bad input: the error names the input, and the emulator received nothing. */
export async function expectInputError(env: TestEnv, run: () => Promise<unknown>, message: string | RegExp): Promise<Error> {
  const before = env.emulator.requests.length;
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(Error);
  expect((caught as Error).message).toMatch(message);
  expect(env.emulator.requests.length).toBe(before);
  return caught as Error;
}

/** The `data` of an action result, typed for assertions. */
export function dataOf<T = Record<string, unknown>>(result: unknown): T {
  return (result as { data: T }).data;
}

/** The error `run` rejects with; fails the test when it resolves or rejects with something other than an Error. */
export async function failure(run: () => Promise<unknown>): Promise<Error> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}
