import type { ActionLogger } from "@prismatic-io/spectral";

export type SpyLogger = { [K in keyof ActionLogger]: jest.Mock };

/** A logger of silent spies: tests read the calls and the output stays clean. */
export function silentLogger(): SpyLogger {
  return { metric: jest.fn(), trace: jest.fn(), debug: jest.fn(), info: jest.fn(), log: jest.fn(), warn: jest.fn(), error: jest.fn() };
}
