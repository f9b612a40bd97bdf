import { action } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { runBatch, userPath } from "../../graph";
import { apiVersionInput, connectionInput, debugInput } from "../../inputs/common";
import { hintFor } from "../../permissions/denied";
import { SubRequestFailure, concurrencyInput, failuresOf, userListInput } from "./shared";
import { addLicensesInput, licenseChange, removeLicensesInput } from "./licenseInputs";
import { assignLicensesBulkExample } from "./examples";

export interface LicenseOutcome {
  user: string;
  status: number;
  success: boolean;
  /** The user as assignLicense answered it, on success. */
  result?: User;
  /** Graph's error; on a 403, `hint` says what to grant. */
  error?: SubRequestFailure;
}

export const assignLicensesBulk = action({
  display: {
    label: "Assign Licenses (Bulk)",
    description:
      "Make the same licence change (add and/or remove SKUs) for many users, 20 per $batch call. Reports success or Graph's error per user; one user's failure does not stop the others.",
  },
  inputs: {
    connection: connectionInput,
    apiVersion: apiVersionInput,
    users: userListInput({
      label: "Users",
      max: 5_000,
      comments:
        "Object IDs (GUIDs) or userPrincipalNames, up to 5,000. Each must have a usageLocation set, or Graph answers 400. Needs LicenseAssignment.ReadWrite.All.",
    }),
    addLicenses: addLicensesInput,
    removeLicenses: removeLicensesInput,
    concurrency: concurrencyInput,
    debugRequest: debugInput,
  },
  perform: async (context, params) => {
    const body = licenseChange(params.addLicenses, params.removeLicenses);
    const client = createGraphClient(params.connection, {
      apiVersion: params.apiVersion,
      debug: params.debugRequest,
      logger: context.logger,
    });
    const requests = params.users.map((ref, i) => ({
      id: String(i + 1),
      method: "POST",
      url: userPath(ref, "/assignLicense"),
      body,
    }));
    const responses = await runBatch(client, requests, { concurrency: params.concurrency, apiVersion: params.apiVersion });
    const failures = await failuresOf(client, responses, (claims) => hintFor("assignLicensesBulk", params.connection, claims));
    const results: LicenseOutcome[] = responses.map((response, i) => {
      const error = failures[i];
      const user = params.users[i];
      return error
        ? { user, status: response.status, success: false, error }
        : { user, status: response.status, success: true, result: response.body as User };
    });
    const succeeded = results.filter((r) => r.success).length;
    return { data: { results, succeeded, failed: results.length - succeeded } };
  },
  examplePayload: { data: assignLicensesBulkExample },
});
