import { input } from "@prismatic-io/spectral";
import { BatchResponseItem, GraphClient, InputError, MAX_BATCH_SIZE, TokenClaims, graphErrorFromResponse, isSuccess } from "../../graph";
import { isPermissionDenied } from "../../permissions/denied";
import { integer, stringList, userReference } from "../../inputs/clean";

/** Users named by object id or userPrincipalName, validated one by one, duplicates dropped (case-insensitively). */
export function userListInput(options: { label: string; max: number; comments: string }) {
  const check = userReference(options.label);
  return input({
    label: options.label,
    type: "string",
    collection: "valuelist",
    required: true,
    example: "AdeleV@contoso.com",
    comments: options.comments,
    clean: (value: unknown): string[] => {
      const list = stringList(value);
      if (list.length === 0) throw new InputError(options.label, "is required: at least one user's object ID or userPrincipalName");
      if (list.length > options.max) throw new InputError(options.label, `has ${list.length} entries; at most ${options.max} per run`);
      const unique = new Map<string, string>();
      for (const ref of list.map(check)) if (!unique.has(ref.toLowerCase())) unique.set(ref.toLowerCase(), ref);
      return [...unique.values()];
    },
  });
}

export const concurrencyInput = input({
  label: "Concurrent Batches",
  type: "string",
  required: false,
  default: "4",
  comments: `How many $batch calls (of up to ${MAX_BATCH_SIZE} requests each) run at once (1 to 10). Graph throttles per tenant and per app; Outlook allows 4 concurrent requests per mailbox.`,
  clean: integer("Concurrent Batches", { min: 1, max: 10, fallback: 4 }),
});

export interface SubRequestFailure {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  /** On a permission refusal: what to grant, and what the token holds. */
  hint?: string;
}

/**
 * Graph's code, message and request-id of each failed sub-response (undefined for a success), read as the core reads
 * any Graph error. A permission refusal also gets `hint(claims)`, as a refused single request gets it in its message;
 * the token's claims are read only then.
 */
export async function failuresOf(
  client: GraphClient,
  responses: BatchResponseItem[],
  hint: (claims: TokenClaims | undefined) => string,
): Promise<(SubRequestFailure | undefined)[]> {
  const errors = responses.map((r) => (isSuccess(r) ? undefined : graphErrorFromResponse(r.status, r.headers, r.body, "", "")));
  const denied = errors.some(isPermissionDenied) ? hint(await client.tokenClaims()) : undefined;
  return errors.map((error, i) =>
    error
      ? {
          status: responses[i].status,
          code: error.code,
          message: error.graphMessage,
          requestId: error.requestId,
          ...(denied && isPermissionDenied(error) ? { hint: denied } : {}),
        }
      : undefined,
  );
}
