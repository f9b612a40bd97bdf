import { input, pollingTrigger } from "@prismatic-io/spectral";
import { createGraphClient } from "../client";
import { DeltaItem, runDeltaRound } from "../graph/delta";
import { maxChangesInput } from "../actions/delta/inputs";
import { apiVersionInput, connectionInput, debugInput, selectInput } from "../inputs/common";
import { oneOf } from "../inputs/clean";
import { examplePayloadWith } from "./examples";

export type ChangeType = "created" | "updated" | "deleted";

export interface DirectoryChange {
  changeType: ChangeType;
  id: string;
  /** For deletes: Graph's @removed reason ("changed": soft-deleted and restorable; "deleted": gone for good). */
  removedReason?: string;
  /** The object as Graph's delta query returned it. */
  object: DeltaItem;
}

interface DeltaPollState {
  deltaLink?: string;
  /** When the previous round started (whole seconds, as Graph's createdDateTime). */
  roundStartedAt?: string;
  /** Objects the previous round already reported that were created in its starting second. */
  boundaryIds?: string[];
}

const MAX_BOUNDARY_IDS = 1000;

const BASELINES = ["emitNothing", "emitEverything"] as const;

function wholeSecondsNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

function createdSince(item: DeltaItem, since: string | undefined): boolean {
  return typeof item.createdDateTime === "string" && since !== undefined && Date.parse(item.createdDateTime) >= Date.parse(since);
}

/**
 * Delta query reports state, not events: an object is "deleted" when it carries @removed, "created" when Graph
 * created it after the previous round started (and that round did not already report it), and "updated" otherwise.
 */
export function classify(item: DeltaItem, previous: DeltaPollState): DirectoryChange {
  const removed = item["@removed"];
  if (removed) return { changeType: "deleted", id: item.id, removedReason: removed.reason, object: item };
  const created = createdSince(item, previous.roundStartedAt) && !(previous.boundaryIds ?? []).includes(item.id);
  return { changeType: created ? "created" : "updated", id: item.id, object: item };
}

function withCreatedDateTime(select: string | undefined): string | undefined {
  if (!select) return undefined;
  return /(^|,)\s*createdDateTime\s*(,|$)/i.test(select) ? select : `${select},createdDateTime`;
}

interface DeltaTriggerSpec {
  resource: "users" | "groups";
  noun: string;
  label: string;
  description: string;
  defaultSelect: string;
  exampleChanges: DirectoryChange[];
}

/** userChanges and groupChanges: a polling trigger over /{resource}/delta that keeps the delta link in the polling state. */
export function deltaChangesTrigger(spec: DeltaTriggerSpec) {
  return pollingTrigger({
    display: { label: spec.label, description: spec.description },
    inputs: {
      connection: connectionInput,
      apiVersion: apiVersionInput,
      select: input({
        ...selectInput,
        default: spec.defaultSelect,
        comments: `Properties each changed ${spec.noun} comes with (${spec.resource}/delta $select). createdDateTime is always added: it tells created from updated.`,
      }),
      firstRun: input({
        label: "First Run",
        type: "string",
        required: false,
        default: "emitNothing",
        model: [
          { label: `Emit nothing: start tracking from now`, value: "emitNothing" },
          { label: `Emit every existing ${spec.noun} as created`, value: "emitEverything" },
        ],
        comments: `What the first poll does. "Emit nothing" only records where to start (GET ${spec.resource}/delta?$deltatoken=latest, no ${spec.noun}s read); "emit everything" reads every ${spec.noun} once.`,
        clean: oneOf("First Run", BASELINES, "emitNothing"),
      }),
      maxChanges: maxChangesInput,
      debug: debugInput,
    },
    perform: async (context, payload, params) => {
      const state = context.polling.getState() as DeltaPollState;
      const client = createGraphClient(params.connection, { apiVersion: params.apiVersion, debug: params.debug, logger: context.logger });
      const roundStartedAt = wholeSecondsNow();
      const baseline = !state.deltaLink;
      const round = await runDeltaRound(client, {
        resource: spec.resource,
        deltaLink: state.deltaLink,
        select: withCreatedDateTime(params.select),
        latestOnly: baseline && params.firstRun === "emitNothing",
        maxChanges: params.maxChanges,
        deltaLinkInput: "saved delta link",
      });
      const changes: DirectoryChange[] = baseline
        ? round.changes.map((item) => ({ changeType: "created", id: item.id, object: item }))
        : round.changes.map((item) => classify(item, state));
      // Saved only now that the whole round is read: a failure above keeps the old link, so the round is repeated.
      const boundaryIds = round.changes
        .filter((item) => createdSince(item, roundStartedAt))
        .map((item) => item.id)
        .slice(0, MAX_BOUNDARY_IDS);
      const next: DeltaPollState = { deltaLink: round.deltaLink, roundStartedAt, boundaryIds };
      context.polling.setState({ ...next });
      if (round.resynced)
        context.logger.warn(
          `The saved ${spec.resource} delta link was no longer valid (${round.resyncCode ?? "resync"}); a full round was read.`,
        );
      return {
        payload: { ...payload, body: { data: { changes, baseline, resynced: round.resynced, resyncCode: round.resyncCode } } },
        polledNoChanges: changes.length === 0 && !round.resynced,
      };
    },
    examplePayload: examplePayloadWith({ changes: spec.exampleChanges, baseline: false, resynced: false }),
  });
}
