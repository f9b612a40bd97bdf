/** Every data source, keyed by its public key. */
export const dataSources = {};
