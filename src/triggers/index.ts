/** Every trigger, keyed by its public key. */
export const triggers = {};
