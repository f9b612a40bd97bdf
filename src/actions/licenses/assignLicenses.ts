import { action, input } from "@prismatic-io/spectral";
import type { AssignedLicense, User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { GraphError, InputError, userPath } from "../../graph";
import { guid } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { userExample } from "../users/examples";
import { userIdInput } from "../users/shared";
import { addLicensesList, guidList } from "./licenseInputs";

const HINTS: [RegExp, string][] = [
  [/usage location/i, "Set the user's usageLocation (a two-letter country code) with Update User, then assign the licence again."],
  [
    /does not correspond to a valid company License/i,
    "That skuId is not one of the tenant's subscriptions: List Subscribed SKUs gives the skuId of each.",
  ],
  [
    /does not have any available licenses/i,
    "Every unit of that SKU is assigned: buy more, or remove the licence from someone else (List Subscribed SKUs shows prepaidUnits and consumedUnits).",
  ],
];

/** Graph's licence errors are terse; add what to do about the common ones. */
function explain(error: unknown): unknown {
  if (error instanceof GraphError) {
    const hint = HINTS.find(([pattern]) => pattern.test(error.graphMessage))?.[1];
    if (hint) error.message = `${error.message} ${hint}`;
  }
  return error;
}

export const assignLicenses = action({
  display: {
    label: "Assign Licenses",
    description:
      "Add and remove a user's licences in one call (POST /users/{id}/assignLicense). The user needs a usageLocation. Returns the user with Graph's default properties, which leave out assignedLicenses: List User License Details shows the result.",
  },
  inputs: {
    connection: connectionInput,
    userId: userIdInput,
    skuId: input({
      label: "SKU ID",
      type: "string",
      required: false,
      dataSource: "selectSubscribedSku",
      placeholder: "skuId (a GUID) of a subscribed SKU",
      example: "6fd2c87f-b296-42f0-b197-1e91e994b900",
      comments: "A SKU to add: its skuId (a GUID) from List Subscribed SKUs. For several SKUs, use Add Licenses.",
      clean: guid("SKU ID", false),
    }),
    disabledPlans: input({
      label: "Disabled Plans",
      type: "string",
      collection: "valuelist",
      required: false,
      example: "57ff2da0-773e-42df-b2af-ffb7a2317929",
      comments: "Service plans (servicePlanId GUIDs) of the SKU ID above to turn off for this user.",
      clean: (value: unknown) => guidList(value, "Disabled Plans"),
    }),
    addLicenses: input({
      label: "Add Licenses",
      type: "code",
      language: "json",
      required: false,
      example: '[{"skuId": "6fd2c87f-b296-42f0-b197-1e91e994b900", "disabledPlans": ["57ff2da0-773e-42df-b2af-ffb7a2317929"]}]',
      comments: 'More SKUs to add, as Graph\'s addLicenses JSON: [{"skuId": "...", "disabledPlans": ["..."]}], or a list of skuId strings.',
      clean: addLicensesList,
    }),
    removeLicenses: input({
      label: "Remove Licenses",
      type: "string",
      collection: "valuelist",
      required: false,
      example: "f30db892-07e9-47e9-837c-80727f46fd3d",
      comments: "SKUs to remove from the user: skuId GUIDs.",
      clean: (value: unknown) => guidList(value, "Remove Licenses"),
    }),
  },
  perform: async (context, params) => {
    const addLicenses: AssignedLicense[] = [
      ...(params.skuId ? [{ skuId: params.skuId, disabledPlans: params.disabledPlans }] : []),
      ...params.addLicenses,
    ];
    if (params.disabledPlans.length > 0 && !params.skuId)
      throw new InputError("Disabled Plans", "apply to the SKU ID input; give a SKU ID, or put disabledPlans inside Add Licenses");
    if (addLicenses.length === 0 && params.removeLicenses.length === 0) {
      throw new InputError("SKU ID", "nothing to do: give a SKU ID, Add Licenses or Remove Licenses");
    }
    const client = createGraphClient(params.connection, { logger: context.logger });
    const body = { addLicenses, removeLicenses: params.removeLicenses };
    const user = await client.post<User>(userPath(params.userId, "/assignLicense"), body).catch((error: unknown) => {
      throw explain(error);
    });
    return { data: user };
  },
  examplePayload: { data: userExample },
});
