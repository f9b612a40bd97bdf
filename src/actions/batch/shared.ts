import { input } from "@prismatic-io/spectral";
import { BatchResponseItem, InputError, MAX_BATCH_SIZE, graphErrorFromResponse, isSuccess } from "../../graph";
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
}

/** Graph's code, message and request-id of a failed sub-response, read as the core reads any Graph error. */
export function failureOf(response: BatchResponseItem): SubRequestFailure | undefined {
  if (isSuccess(response)) return undefined;
  const error = graphErrorFromResponse(response.status, response.headers, response.body, "", "");
  return { status: response.status, code: error.code, message: error.graphMessage, requestId: error.requestId };
}
