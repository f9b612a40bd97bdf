import { redactError, redactValue } from "./graph";

/** The component's error hook: whatever reaches the platform's logs leaves without tokens or secrets, in any property. */
export function redactThrown(error: unknown): unknown {
  return error instanceof Error ? redactError(error) : redactValue(error);
}
