// Stands in, inside the bundle, for what spectral needs only to build code-native integrations: its integration
// configuration schema (zod) and its YAML writer (yaml). A component never calls them; if something did, it would
// fail loudly here rather than misbehave.
function unavailable(): never {
  throw new Error("Code-native integration support is not part of this component's bundle");
}

export const toJsonSchema = unavailable;
export const serializeSchema = unavailable;
export const isZodSchema = unavailable;
export default { stringify: unavailable, parse: unavailable };
