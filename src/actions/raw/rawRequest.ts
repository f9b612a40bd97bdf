import { action, input, util } from "@prismatic-io/spectral";
import { inputs as httpInputs } from "@prismatic-io/spectral/dist/clients/http/inputs";
import FormData from "form-data";
import { createGraphClient } from "../../client";
import { InputError, asText } from "../../graph";
import { apiVersionInput, connectionInput, debugInput } from "../../inputs/common";
import { KeyValue, boolean, integer, keyValueList, oneOf, optionalString, requiredString } from "../../inputs/clean";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const RESPONSE_TYPES = ["json", "text", "arraybuffer", "document"] as const;

function headerObject(list: KeyValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of list) {
    if (/^(authorization|host)$/i.test(key.trim())) {
      throw new InputError("Header", `the ${key.trim()} header is set from the connection and cannot be overridden`);
    }
    out[key.trim()] = asText(value);
  }
  return out;
}

function queryObject(list: KeyValue[]): Record<string, string> {
  return Object.fromEntries(list.map(({ key, value }) => [key, asText(value)]));
}

function toForm(formData: KeyValue[], fileData: KeyValue[], fileNames: Record<string, unknown>): FormData | undefined {
  if (formData.length === 0 && fileData.length === 0) return undefined;
  const form = new FormData();
  for (const { key, value } of formData) form.append(key, Buffer.isBuffer(value) ? value : asText(value));
  for (const { key, value } of fileData) {
    const payload = util.types.toBufferDataPayload(value);
    const filename = typeof fileNames[key] === "string" && fileNames[key] ? String(fileNames[key]) : key;
    form.append(key, payload.data, { filename, contentType: payload.contentType });
  }
  return form;
}

export const rawRequest = action({
  display: {
    label: "Raw Request",
    description:
      "Send any request to Microsoft Graph with the connection's token. The token only ever goes to the connection's Graph host; throttled requests (429 for any method, 503 and 504 for reads, PUT and DELETE) are retried honouring Retry-After.",
  },
  inputs: {
    connection: connectionInput,
    apiVersion: apiVersionInput,
    url: input({
      ...httpInputs.url,
      example: "/users?$top=5",
      comments:
        "Path relative to {Microsoft Graph URL}/{API Version}, e.g. /me/messages or /users/{id}. An absolute URL is accepted only on the connection's own Graph host (such as an @odata.nextLink).",
      clean: requiredString("URL"),
    }),
    method: input({ ...httpInputs.method, default: "GET", clean: oneOf("Method", METHODS, "GET") }),
    data: input({
      ...httpInputs.data,
      comments:
        "Request body. JSON text is sent as application/json; other text as form-encoded unless a Content-Type header says otherwise. Not with Form Data or File Data.",
    }),
    formData: input({ ...httpInputs.formData, comments: "Fields sent as multipart/form-data. Not with Data." }),
    fileData: input({ ...httpInputs.fileData, comments: "Files sent as multipart/form-data parts, keyed by field name. Not with Data." }),
    fileDataFileNames: input({
      ...httpInputs.fileDataFileNames,
      clean: (value: unknown): Record<string, unknown> =>
        Object.fromEntries(keyValueList(value, "File Data File Names").map((e) => [e.key, e.value])),
    }),
    queryParams: input({
      ...httpInputs.queryParams,
      comments:
        "Query parameters such as $select, $filter, $top. $search, $count=true and endsWith/ne/not filters add ConsistencyLevel: eventual.",
    }),
    headers: input({
      ...httpInputs.headers,
      example: "ConsistencyLevel: eventual",
      comments:
        "Extra request headers (Prefer, ConsistencyLevel, If-Match). Authorization comes from the connection and cannot be set here.",
    }),
    responseType: input({ ...httpInputs.responseType, clean: oneOf("Response Type", RESPONSE_TYPES, "json") }),
    timeout: input({
      ...httpInputs.timeout,
      comments: "Milliseconds to wait for each attempt's answer. Empty waits as long as the platform allows.",
      clean: integer("Timeout", { min: 1, max: 900_000 }),
    }),
    debugRequest: input({ ...debugInput, label: httpInputs.debugRequest.label }),
    retryDelayMS: input({
      ...httpInputs.retryDelayMS,
      default: "0",
      comments:
        "Wait in milliseconds between retries when Graph sends no Retry-After: a fixed wait with Use Exponential Backoff off, the first step (instead of 1 s) with it on. 0 uses backoff from 1 s with jitter. Retry-After is always honoured.",
      clean: integer("Retry Delay (ms)", { min: 0, max: 120_000, fallback: 0 }),
    }),
    retryAllErrors: input({
      ...httpInputs.retryAllErrors,
      comments:
        "Also retry error statuses other than throttling (any 4xx except 401/403, and 5xx for POST and PATCH). 429 is always retried. A POST or PATCH whose connection dropped is never replayed, since it may have been done.",
      clean: boolean("Retry On All Errors"),
    }),
    maxRetries: input({
      ...httpInputs.maxRetries,
      default: "3",
      comments:
        "Retries after the first attempt (0 to 10), honouring Retry-After. 429 is retried for every method; 408, 500, 502, 503 and 504 for GET, HEAD, OPTIONS, PUT and DELETE (for POST and PATCH too with Retry On All Errors).",
      clean: integer("Max Retry Count", { min: 0, max: 10, fallback: 3 }),
    }),
    useExponentialBackoff: input({
      ...httpInputs.useExponentialBackoff,
      default: "true",
      comments:
        "Wait twice as long before each retry (from 1 s or Retry Delay, with jitter, at most 32 s per step) when Graph sends no Retry-After.",
      clean: boolean("Use Exponential Backoff", true),
    }),
  },
  perform: async (context, params) => {
    const formList = keyValueList(params.formData, "Form Data");
    const fileList = keyValueList(params.fileData, "File Data");
    const data = optionalString(typeof params.data === "string" ? params.data : params.data ? JSON.stringify(params.data) : undefined);
    if (data !== undefined && (formList.length > 0 || fileList.length > 0)) {
      throw new InputError("Data", "cannot be combined with Form Data or File Data; send either a body or a multipart form");
    }
    const headers = headerObject(keyValueList(params.headers, "Header"));
    const client = createGraphClient(params.connection, {
      apiVersion: params.apiVersion,
      debug: params.debugRequest,
      logger: context.logger,
      timeoutMs: params.timeout,
      retry: {
        maxRetries: params.maxRetries,
        retryDelayMs: params.retryDelayMS,
        retryAllErrors: params.retryAllErrors,
        useExponentialBackoff: params.useExponentialBackoff,
      },
    });
    const response = await client.request({
      method: params.method,
      path: params.url,
      pathInput: "URL",
      query: queryObject(keyValueList(params.queryParams, "Query Parameter")),
      headers,
      body: data,
      form: toForm(formList, fileList, params.fileDataFileNames),
      responseType: params.responseType,
    });
    return { data: response.data, contentType: response.headers["content-type"] };
  },
  examplePayload: {
    data: {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName)",
      value: [{ id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd", displayName: "Adele Vance", userPrincipalName: "AdeleV@contoso.com" }],
      "@odata.nextLink":
        "https://graph.microsoft.com/v1.0/users?$select=id,displayName,userPrincipalName&$top=1&$skiptoken=RFNwdAIAAQAAAB8",
    },
    contentType: "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8",
  },
});
