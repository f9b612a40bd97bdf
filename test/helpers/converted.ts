import component from "../../src";

/** An input as the built component carries it (spectral turns each input map into a keyed list). */
export interface ConvertedInput {
  key: string;
  type: string;
  example?: string;
  placeholder?: string;
  dataSource?: string;
}

export interface ConvertedEntry {
  inputs: ConvertedInput[];
  examplePayload?: { data?: unknown };
}

/** The component as spectral built it: actions, triggers and data sources with their inputs as lists. */
export const converted = component as unknown as {
  actions: Record<string, ConvertedEntry>;
  triggers: Record<string, ConvertedEntry>;
  dataSources: Record<string, unknown>;
};
