import { action, input } from "@prismatic-io/spectral";
import type { SignIn } from "@microsoft/microsoft-graph-types";
import { InputError, odataString } from "../../graph";
import { apiVersionInput, connectionInput, fetchAllInput } from "../../inputs/common";
import { oneOf, stringList } from "../../inputs/clean";
import { feedExample, signInExample } from "./examples";
import { auditCheckpointInput, auditFilterInputFor, auditLimitInput, auditTopInput, fromInput, toInput } from "./inputs";
import { listFeed } from "./listFeed";

const SIGN_IN_EVENT_TYPES = ["interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity"] as const;

function eventTypesClause(types: readonly string[]): string | undefined {
  if (types.length === 0) return undefined;
  return `signInEventTypes/any(t: ${types.map((type) => `t eq ${odataString(type)}`).join(" or ")})`;
}

export const listSignIns = action({
  display: {
    label: "List Sign-ins",
    description:
      "List Microsoft Entra sign-in events in a time window, oldest first, with a checkpoint to get only newer events next time. Needs a Microsoft Entra ID P1 or P2 licence.",
  },
  inputs: {
    connection: connectionInput,
    apiVersion: input({
      ...apiVersionInput,
      comments:
        "v1.0 returns interactive user sign-ins only. beta adds non-interactive user, service principal and managed identity sign-ins through Sign-in Event Types.",
    }),
    from: fromInput,
    to: toInput,
    signInEventTypes: input({
      label: "Sign-in Event Types",
      type: "string",
      collection: "valuelist",
      required: false,
      example: "nonInteractiveUser",
      comments: `Beta only: which sign-ins to return (${SIGN_IN_EVENT_TYPES.join(", ")}). Empty: interactive user sign-ins, as Graph returns by default.`,
      clean: (value: unknown): string[] => stringList(value).map((type) => oneOf("Sign-in Event Types", SIGN_IN_EVENT_TYPES)(type)),
    }),
    filter: auditFilterInputFor("signIns"),
    top: auditTopInput("signIns"),
    fetchAll: fetchAllInput,
    limit: auditLimitInput,
    checkpoint: auditCheckpointInput("signIns"),
  },
  perform: async (context, params) => {
    if (params.signInEventTypes.length > 0 && params.apiVersion !== "beta") {
      throw new InputError("Sign-in Event Types", "needs API Version beta (v1.0 has interactive user sign-ins only)");
    }
    const clauses = [eventTypesClause(params.signInEventTypes), params.filter].filter((c): c is string => Boolean(c));
    const filter = clauses.length > 1 ? clauses.map((c) => `(${c})`).join(" and ") : clauses[0];
    return listFeed<SignIn>(context, "signIns", { ...params, filter });
  },
  examplePayload: feedExample(signInExample),
});
