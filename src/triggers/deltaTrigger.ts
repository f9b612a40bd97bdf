import { ActionInputParameters, Inputs, input, pollingTrigger } from "@prismatic-io/spectral";
import { createGraphClient } from "../client";
import { DeltaCursor, DeltaItem, readDeltaStep } from "../graph/delta";
import type { Query } from "../graph/odata";
import { apiVersionInput, connectionInput, debugInput, selectInput } from "../inputs/common";
import { integer, oneOf } from "../inputs/clean";
import { examplePayloadWith } from "./examples";

export type ChangeType = "created" | "updated" | "deleted";

export interface DeltaChange {
  changeType: ChangeType;
  id: string;
  /** For deletes: Graph's @removed reason ("changed": soft-deleted and restorable; "deleted": gone for good). */
  removedReason?: string;
  /** The object as Graph's delta query returned it. */
  object: DeltaItem;
}

/** Kept for the directory triggers' public types. */
export type DirectoryChange = DeltaChange;

/** What a classifier knows about the rounds before the one being read. */
export interface ClassifyContext {
  /** The first round of a trigger run with "emit everything": every object is new to the flow. */
  baseline: boolean;
  /** When the previous complete round started (whole seconds, as Graph's createdDateTime); absent before one. */
  since?: string;
  /** Objects the previous round already reported that were created at or after its start. */
  boundaryIds: readonly string[];
}

/** The trigger's saved state; spectral keeps it under the instance's polling state. */
export interface DeltaTriggerState {
  /** Where the next poll continues: the round's next link, or the delta link between rounds. */
  cursor?: DeltaCursor;
  since?: string;
  boundaryIds?: string[];
  /** The round in progress when a poll stopped part way through it. */
  round?: { startedAt: string; baseline: boolean; boundaryIds: string[]; resyncCode?: string; discard?: boolean };
}

/** The body a delta trigger starts its flow with. */
export interface DeltaPollBody {
  changes: DeltaChange[];
  /** These changes come from the first round ("emit everything"). */
  baseline: boolean;
  /** The saved position had expired, so this round re-reads the whole collection. */
  resynced: boolean;
  resyncCode?: string;
  /** False while a round larger than Max Changes is being read across polls: the next poll continues it. */
  roundComplete: boolean;
}

const MAX_BOUNDARY_IDS = 1000;
export const DEFAULT_MAX_CHANGES_PER_POLL = 5000;
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
export function classifyByCreatedDateTime(item: DeltaItem, context: ClassifyContext): DeltaChange {
  const removed = item["@removed"];
  if (removed) return { changeType: "deleted", id: item.id, removedReason: removed.reason, object: item };
  const created = context.baseline || (createdSince(item, context.since) && !context.boundaryIds.includes(item.id));
  return { changeType: created ? "created" : "updated", id: item.id, object: item };
}

function withCreatedDateTime(select: string | undefined): string | undefined {
  if (!select) return undefined;
  return /(^|,)\s*createdDateTime\s*(,|$)/i.test(select) ? select : `${select},createdDateTime`;
}

/** State saved by earlier versions ({ deltaLink, roundStartedAt, boundaryIds }) reads as a round boundary. */
function readState(raw: Record<string, unknown>): DeltaTriggerState {
  const state = raw as DeltaTriggerState & { deltaLink?: string; roundStartedAt?: string };
  if (state.cursor || !state.deltaLink) return state;
  return { cursor: { deltaLink: state.deltaLink }, since: state.roundStartedAt, boundaryIds: state.boundaryIds };
}

export const maxChangesPerPollInput = input({
  label: "Max Changes",
  type: "string",
  required: false,
  default: String(DEFAULT_MAX_CHANGES_PER_POLL),
  comments:
    "The most changes one poll emits (1 to 100,000). A larger round (a first run that emits everything, or a full re-read after the saved position expired) is read across several polls, each emitting the next part exactly once.",
  clean: integer("Max Changes", { min: 1, max: 100_000, fallback: DEFAULT_MAX_CHANGES_PER_POLL }),
});

const commonInputs = {
  connection: connectionInput,
  apiVersion: apiVersionInput,
};

type CommonInputs = typeof commonInputs;

/**
 * Options of `deltaPollingTrigger`.
 * - `label`, `description`: how the trigger shows in the designer.
 * - `noun`: one tracked object in words ("user", "message", "file"), used in input comments.
 * - `inputs`: the trigger's own inputs beyond connection, API version, Select, First Run, Max Changes and Debug
 *   (e.g. mailbox and folder, or drive), each with its `clean`.
 * - `deltaPath`: the tracked collection relative to the version root, without `/delta`, built from the cleaned
 *   inputs with `graphPath` so every segment is encoded: "users", or
 *   (p) => graphPath`users/${p.mailbox}/mailFolders/${p.folder}/messages`, or (p) => graphPath`drives/${p.driveId}/root`.
 * - `defaultSelect`, `selectComments`: the Select input's default and comment. createdDateTime is added to any
 *   selection unless `addCreatedDateTime` is false, since the default classifier needs it.
 * - `query`: other query options for a new round (e.g. `$expand`), from the cleaned inputs.
 * - `classify`: turns one delta item into a change; the default (`classifyByCreatedDateTime`) says deleted for
 *   `@removed`, created for objects created after the previous round started, updated otherwise.
 * - `pageSize`: `Prefer: odata.maxpagesize` for this collection; DELTA_PAGE_SIZE if absent.
 * - `latestQuery`: how the collection asks for a delta link from now (First Run "emit nothing"):
 *   `{ $deltatoken: "latest" }` by default (users, groups), `{ token: "latest" }` for drive items, or `null` for
 *   collections that have none: the first round is then read in full (across polls if large) and its
 *   objects are not emitted.
 * - `baselineQuery`: for collections without `$deltatoken=latest` (message delta): query options that keep the first
 *   "emit nothing" round short (e.g. `$filter=receivedDateTime ge {now}`); that round is read but emits nothing.
 * - `keep`: which classified changes a poll emits (e.g. only the change types and unread messages asked for).
 * - `exampleChanges`: the example payload's changes, in Graph's shape for the collection.
 *
 * What every trigger built here does: the first poll either records where to start (`$deltatoken=latest`, nothing
 * read) or reads every object as created; each poll emits at most Max Changes and saves the cursor (the round's
 * next link, or the delta link once the round ends) with what it emits, in the same return; a poll that fails
 * changes no state, so the next one repeats it; an expired position starts a full round and says `resynced`.
 */
export interface DeltaTriggerOptions<TInputs extends Inputs> {
  label: string;
  description: string;
  noun: string;
  inputs?: TInputs;
  deltaPath: string | ((params: ActionInputParameters<TInputs>) => string);
  defaultSelect: string;
  selectComments?: string;
  addCreatedDateTime?: boolean;
  query?: (params: ActionInputParameters<TInputs>) => Query;
  classify?: (item: DeltaItem, context: ClassifyContext) => DeltaChange;
  pageSize?: number;
  latestQuery?: Query | null;
  baselineQuery?: () => Query;
  keep?: (change: DeltaChange, params: ActionInputParameters<TInputs>) => boolean;
  exampleChanges: DeltaChange[];
}

/** A resumable polling trigger over any Graph delta query. */
export function deltaPollingTrigger<TInputs extends Inputs = Record<string, never>>(spec: DeltaTriggerOptions<TInputs>) {
  const classify = spec.classify ?? classifyByCreatedDateTime;
  const addCreated = spec.addCreatedDateTime ?? true;
  return pollingTrigger({
    display: { label: spec.label, description: spec.description },
    inputs: {
      ...commonInputs,
      ...(spec.inputs ?? ({} as TInputs)),
      select: input({
        ...selectInput,
        default: spec.defaultSelect,
        example: spec.defaultSelect,
        comments:
          spec.selectComments ??
          `Properties each changed ${spec.noun} comes with (delta $select).${addCreated ? " createdDateTime is always added: it tells created from updated." : ""}`,
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
        comments: `What the first poll does. "Emit nothing" only records where to start (delta with $deltatoken=latest, no ${spec.noun}s read); "emit everything" reads every ${spec.noun} once, across several polls when there are more than Max Changes.`,
        clean: oneOf("First Run", BASELINES, "emitNothing"),
      }),
      maxChanges: maxChangesPerPollInput,
      debug: debugInput,
    },
    perform: async (context, payload, params) => {
      const own = params as unknown as ActionInputParameters<TInputs>;
      const state = readState(context.polling.getState());
      const common = params as unknown as ActionInputParameters<CommonInputs>;
      const client = createGraphClient(common.connection, { apiVersion: common.apiVersion, debug: params.debug, logger: context.logger });
      const continuing = state.cursor?.nextLink !== undefined && state.round !== undefined;
      const baseline = continuing ? (state.round?.baseline ?? false) : !state.cursor;
      const select = addCreated ? withCreatedDateTime(params.select) : params.select;
      const silent = baseline && params.firstRun === "emitNothing";
      // "Emit nothing" on a collection without a from-now token: the first round is read (kept short by
      // baselineQuery where the collection allows it) and not emitted.
      const discard = continuing
        ? state.round?.discard === true
        : silent && (spec.latestQuery === null || spec.baselineQuery !== undefined);
      const startedAt = continuing ? (state.round?.startedAt as string) : wholeSecondsNow();
      const shortBaseline = discard && !continuing && spec.baselineQuery ? spec.baselineQuery() : undefined;
      const step = await readDeltaStep(client, {
        path: typeof spec.deltaPath === "string" ? spec.deltaPath : spec.deltaPath(own),
        cursor: state.cursor,
        select,
        query: { ...spec.query?.(own), ...shortBaseline },
        latestOnly: silent && !continuing && !discard,
        latestQuery: spec.latestQuery ?? undefined,
        maxChanges: params.maxChanges,
        pageSize: spec.pageSize,
        cursorInput: "saved delta position",
      });
      // A resync starts the round over: it begins now, and what the broken round gathered is dropped.
      const roundStart = step.resynced ? wholeSecondsNow() : startedAt;
      const earlierBoundary = continuing && !step.resynced ? (state.round?.boundaryIds ?? []) : [];
      const resyncCode = step.resynced ? step.resyncCode : continuing ? state.round?.resyncCode : undefined;
      const classifyContext: ClassifyContext = { baseline, since: state.since, boundaryIds: state.boundaryIds ?? [] };
      const classified = discard ? [] : step.changes.map((item) => classify(item, classifyContext));
      const changes = spec.keep ? classified.filter((change) => spec.keep?.(change, own)) : classified;
      // A round starting in the same second as the previous one inherits its boundary: objects created in that
      // second were reported then, and must not come out as created again.
      const sameSecond = !continuing && !step.resynced && state.since === roundStart ? (state.boundaryIds ?? []) : [];
      const boundaryIds = [
        ...sameSecond,
        ...earlierBoundary,
        ...step.changes.filter((item) => createdSince(item, roundStart)).map((item) => item.id),
      ].slice(0, MAX_BOUNDARY_IDS);
      const next: DeltaTriggerState = step.complete
        ? { cursor: step.cursor, since: roundStart, boundaryIds }
        : {
            cursor: step.cursor,
            since: state.since,
            boundaryIds: state.boundaryIds,
            round: { startedAt: roundStart, baseline, boundaryIds, ...(resyncCode ? { resyncCode } : {}), ...(discard ? { discard } : {}) },
          };
      // Saved in the same return as the changes: a failure above leaves the old state, so the poll is repeated.
      context.polling.setState({ ...next });
      if (step.resynced)
        context.logger.warn(
          `The saved ${spec.noun} delta position was no longer valid (${step.resyncCode ?? "resync"}); a full round was started.`,
        );
      const body: DeltaPollBody = {
        changes,
        baseline,
        resynced: resyncCode !== undefined,
        ...(resyncCode ? { resyncCode } : {}),
        roundComplete: step.complete,
      };
      return {
        payload: { ...payload, body: { data: body } },
        polledNoChanges: changes.length === 0 && (!step.resynced || discard),
      };
    },
    examplePayload: examplePayloadWith({ changes: spec.exampleChanges, baseline: false, resynced: false, roundComplete: true }),
  });
}

interface DirectoryTriggerSpec {
  resource: "users" | "groups";
  noun: string;
  label: string;
  description: string;
  defaultSelect: string;
  exampleChanges: DeltaChange[];
}

/** userChanges and groupChanges: the delta trigger over a directory entity set. */
export function deltaChangesTrigger(spec: DirectoryTriggerSpec) {
  return deltaPollingTrigger({
    label: spec.label,
    description: spec.description,
    noun: spec.noun,
    deltaPath: spec.resource,
    defaultSelect: spec.defaultSelect,
    selectComments: `Properties each changed ${spec.noun} comes with (${spec.resource}/delta $select). createdDateTime is always added: it tells created from updated.`,
    exampleChanges: spec.exampleChanges,
  });
}
