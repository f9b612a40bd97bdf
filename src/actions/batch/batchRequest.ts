import { action, input } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { BatchRequestItem, BatchResponseItem, InputError, planBatches, runBatch } from "../../graph";
import { apiVersionInput, connectionInput, debugInput } from "../../inputs/common";
import { parseJson } from "../../inputs/clean";
import { anyRequestHint } from "../../permissions/denied";
import { concurrencyInput, failuresOf } from "./shared";
import { batchRequestExample } from "./examples";

const MAX_REQUESTS = 10_000;

export const batchRequest = action({
  display: {
    label: "Batch Request",
    description:
      "Send any number of requests through Graph's JSON batching ($batch, 20 per call, a few calls at once). Throttled sub-requests (429) are retried after their Retry-After, and so are GET, PUT and DELETE answered 503 or 504; one response per request comes back in your order.",
  },
  inputs: {
    connection: connectionInput,
    apiVersion: apiVersionInput,
    requests: input({
      label: "Requests",
      type: "code",
      language: "json",
      required: true,
      example:
        '[{"id":"1","method":"GET","url":"/users/AdeleV@contoso.com"},{"id":"2","method":"GET","url":"/users/AdeleV@contoso.com/manager","dependsOn":["1"]}]',
      comments:
        `A JSON array of {id, method, url, headers?, body?, dependsOn?}, up to ${MAX_REQUESTS.toLocaleString("en-US")}. id: unique, non-empty; url: relative to the version root (/users/{id}, not /v1.0/users or an absolute URL). ` +
        'headers: e.g. {"ConsistencyLevel": "eventual"} for $count or $search. A JSON object body gets Content-Type: application/json; a string body needs its own Content-Type header. ' +
        "Requests linked by dependsOn run in a $batch call of their own, in sequence (at most 20, starting from one request without dependsOn); a request whose dependency failed gets 424. " +
        "Each response is {id, status, headers, body}, plus a hint on a 403 saying what the token holds; a non-JSON body comes base64-encoded. Status 0: a POST or PATCH whose $batch call got no clear answer (503, 504, none), which may or may not have been done and was not sent again. Each sub-request needs its own Graph permission.",
      clean: (value: unknown): BatchRequestItem[] => {
        const parsed = parseJson(value, "Requests");
        if (parsed === undefined) throw new InputError("Requests", "is required: a JSON array of requests");
        if (Array.isArray(parsed) && parsed.length === 0) throw new InputError("Requests", "is an empty list");
        if (Array.isArray(parsed) && parsed.length > MAX_REQUESTS)
          throw new InputError("Requests", `has ${parsed.length} requests; at most ${MAX_REQUESTS} per run`);
        return planBatches(parsed, undefined, "Requests").items;
      },
    }),
    concurrency: concurrencyInput,
    debugRequest: debugInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, {
      apiVersion: params.apiVersion,
      debug: params.debugRequest,
      logger: context.logger,
    });
    const answers = await runBatch(client, params.requests, { concurrency: params.concurrency, apiVersion: params.apiVersion });
    const failures = await failuresOf(client, answers, (claims) => anyRequestHint(params.connection, claims));
    const responses: (BatchResponseItem & { hint?: string })[] = answers.map((answer, i) => {
      const hint = failures[i]?.hint;
      return hint ? { ...answer, hint } : answer;
    });
    return { data: { responses } };
  },
  examplePayload: { data: batchRequestExample },
});
