import { action, input } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { runDeltaRound } from "../../graph/delta";
import { apiVersionInput, connectionInput, debugInput, selectInput } from "../../inputs/common";
import { deltaLinkInput, maxChangesInput } from "./inputs";

interface DeltaActionSpec {
  resource: "users" | "groups";
  label: string;
  description: string;
  defaultSelect: string;
  examplePayload: { data: Record<string, unknown> };
}

/** usersDelta and groupsDelta differ only in the entity set and their examples. */
export function deltaAction(spec: DeltaActionSpec) {
  return action({
    display: { label: spec.label, description: spec.description },
    inputs: {
      connection: connectionInput,
      apiVersion: apiVersionInput,
      deltaLink: deltaLinkInput,
      select: input({
        ...selectInput,
        default: spec.defaultSelect,
        example: spec.defaultSelect,
        comments: `Properties a new round returns (${spec.resource}/delta $select). A delta link keeps the selection of the round that made it; this one is also used when an expired link forces a full round.`,
      }),
      maxChanges: maxChangesInput,
      debug: debugInput,
    },
    perform: async (context, params) => {
      const client = createGraphClient(params.connection, { apiVersion: params.apiVersion, debug: params.debug, logger: context.logger });
      const round = await runDeltaRound(client, {
        resource: spec.resource,
        deltaLink: params.deltaLink,
        select: params.select,
        maxChanges: params.maxChanges,
      });
      return {
        data: {
          value: round.changes,
          "@odata.deltaLink": round.deltaLink,
          resynced: round.resynced,
          ...(round.resyncCode ? { resyncCode: round.resyncCode } : {}),
          pages: round.pages,
        },
      };
    },
    examplePayload: spec.examplePayload,
  });
}
