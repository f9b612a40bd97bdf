import raw from "./raw";

/** Every action, keyed by its public key. Each area folder exports its own map. */
export const actions = {
  ...raw,
};
