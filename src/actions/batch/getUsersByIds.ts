import { action, input } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { runBatch, toQueryString, userPath } from "../../graph";
import { apiVersionInput, connectionInput, debugInput, selectInput } from "../../inputs/common";
import { hintFor } from "../../permissions/denied";
import { SubRequestFailure, concurrencyInput, failuresOf, userListInput } from "./shared";
import { getUsersByIdsExample } from "./examples";

export interface UsersByIdsResult {
  /** Users found, in the order they were asked for. */
  value: User[];
  /** References Graph answered 404 for. */
  notFound: string[];
  /** References that failed for another reason (permissions, throttling past the retry cap); a 403 says what to grant in `hint`. */
  failed: (SubRequestFailure & { user: string })[];
}

export const getUsersByIds = action({
  display: {
    label: "Get Users By IDs",
    description:
      "Look up many users by object ID or userPrincipalName in one step, 20 per $batch call. Returns the users found in the order asked, and lists those that were not found.",
  },
  inputs: {
    connection: connectionInput,
    apiVersion: apiVersionInput,
    users: userListInput({
      label: "Users",
      max: 10_000,
      comments:
        "Object IDs (GUIDs) or userPrincipalNames, one per entry (or comma-separated), up to 10,000. Duplicates are looked up once. Needs User.Read.All (User.ReadBasic.All, delegated, is enough when Select asks only for basic properties such as id, displayName, mail, userPrincipalName).",
    }),
    select: input({ ...selectInput, default: "id,displayName,userPrincipalName,mail,accountEnabled" }),
    concurrency: concurrencyInput,
    debugRequest: debugInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, {
      apiVersion: params.apiVersion,
      debug: params.debugRequest,
      logger: context.logger,
    });
    const query = toQueryString({ $select: params.select });
    const requests = params.users.map((ref, i) => ({
      id: String(i + 1),
      method: "GET",
      url: `${userPath(ref)}${query ? `?${query}` : ""}`,
    }));
    const responses = await runBatch(client, requests, { concurrency: params.concurrency, apiVersion: params.apiVersion });
    const failures = await failuresOf(client, responses, (claims) => hintFor("getUsersByIds", params.connection, claims));
    const data: UsersByIdsResult = { value: [], notFound: [], failed: [] };
    responses.forEach((response, i) => {
      const user = params.users[i];
      const failure = failures[i];
      if (!failure) data.value.push(response.body as User);
      else if (failure.status === 404) data.notFound.push(user);
      else data.failed.push({ user, ...failure });
    });
    return { data };
  },
  examplePayload: { data: getUsersByIdsExample },
});
