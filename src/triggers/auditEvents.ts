import { input, pollingTrigger } from "@prismatic-io/spectral";
import { createGraphClient } from "../client";
import { fetchSince } from "../actions/auditLogs";
import { decodeCheckpoint, encodeCheckpoint } from "../actions/auditLogs/checkpoint";
import { auditFilterInput } from "../actions/auditLogs/inputs";
import { canonicalTimestamp, timestampInput } from "../actions/auditLogs/timestamps";
import { connectionInput, debugInput } from "../inputs/common";
import { integer, oneOf } from "../inputs/clean";
import { ALERTS_FEED, fetchAlertsSince } from "./alertsFeed";
import { examplePayloadWith } from "./examples";

const FEEDS = ["directoryAudits", "signIns", ALERTS_FEED] as const;
type Feed = (typeof FEEDS)[number];

interface AuditPollState {
  feed?: Feed;
  /** The audit log actions' checkpoint (opaque text) for this feed. */
  checkpoint?: string;
}

export const auditEvents = pollingTrigger({
  display: {
    label: "Audit Events",
    description:
      "Polls a Microsoft Entra audit log (directory audits or sign-ins) or Microsoft 365 Defender alerts and starts the flow with the events not seen before, oldest first, each exactly once. Re-reads a look-back window on every poll for events Microsoft logs late.",
  },
  inputs: {
    connection: connectionInput,
    feed: input({
      label: "Feed",
      type: "string",
      required: true,
      default: "directoryAudits",
      model: [
        { label: "Directory audits (/auditLogs/directoryAudits)", value: "directoryAudits" },
        { label: "Sign-ins (/auditLogs/signIns)", value: "signIns" },
        { label: "Security alerts v2 (/security/alerts_v2)", value: ALERTS_FEED },
      ],
      comments:
        "Directory audits need AuditLog.Read.All; sign-ins need AuditLog.Read.All and Directory.Read.All and a Microsoft Entra ID P1 or P2 licence; alerts need SecurityAlert.Read.All.",
      clean: oneOf("Feed", FEEDS),
    }),
    lookBackMinutes: input({
      label: "Look-back Minutes",
      type: "string",
      required: false,
      default: "120",
      comments:
        "Each poll also re-reads this many minutes before the newest event delivered, because Microsoft logs events late: audit and sign-in events within 2 minutes for 95% and 5 minutes for 99% of them, risk-related sign-in data up to 2 hours. Events already delivered are dropped (the trigger keeps a short hash of each event in the window: about 13 bytes each). 120 covers Microsoft's stated latencies with room; longer catches stragglers at the cost of state and of re-reading more each poll. 0 to 10080.",
      clean: integer("Look-back Minutes", { min: 0, max: 10080, fallback: 120 }),
    }),
    startFrom: input({
      label: "Start From",
      type: "string",
      required: false,
      example: "2024-05-01T00:00:00Z",
      comments:
        "Where the first poll starts: an ISO 8601 date or date-time. Empty: the time of the first poll (nothing older is delivered).",
      clean: timestampInput("Start From"),
    }),
    filter: auditFilterInput,
    maxEvents: input({
      label: "Max Events",
      type: "string",
      required: false,
      default: "10000",
      comments: "The most events one poll delivers (1 to 100,000); the rest come with the next poll.",
      clean: integer("Max Events", { min: 1, max: 100_000, fallback: 10_000 }),
    }),
    debug: debugInput,
  },
  perform: async (context, payload, params) => {
    const state = context.polling.getState() as AuditPollState;
    const feed = params.feed;
    const client = createGraphClient(params.connection, { debug: params.debug, logger: context.logger });
    // A changed Feed starts over rather than reusing another log's checkpoint.
    const checkpoint = state.feed === feed && state.checkpoint ? decodeCheckpoint(state.checkpoint, feed, "saved checkpoint") : undefined;
    const from = params.startFrom ?? canonicalTimestamp(new Date().toISOString());
    const lookBackSeconds = (params.lookBackMinutes ?? 120) * 60;
    const limit = params.maxEvents ?? 10_000;
    const result =
      feed === ALERTS_FEED
        ? await fetchAlertsSince(client, checkpoint, { limit, from, lookBackSeconds, filter: params.filter }).then((r) => ({
            ...r,
            checkpoint: encodeCheckpoint(r.checkpoint),
          }))
        : await fetchSince(client, feed, checkpoint, {
            limit,
            from: checkpoint ? undefined : from,
            lookBackSeconds,
            filter: params.filter,
          });
    context.polling.setState({ feed, checkpoint: result.checkpoint });
    return {
      payload: { ...payload, body: { data: { feed, events: result.events, moreAvailable: result.moreAvailable } } },
      polledNoChanges: result.events.length === 0,
    };
  },
  examplePayload: examplePayloadWith({
    feed: "directoryAudits",
    events: [
      {
        id: "Directory_ce50ec4a-6bc5-4e6f-9a65-2c8a5b7c1f0e_1P4TQ_53446279",
        category: "UserManagement",
        correlationId: "ce50ec4a-6bc5-4e6f-9a65-2c8a5b7c1f0e",
        result: "success",
        resultReason: "",
        activityDisplayName: "Update user",
        activityDateTime: "2026-01-15T09:58:12.1234567Z",
        loggedByService: "Core Directory",
        operationType: "Update",
        initiatedBy: {
          user: { id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd", displayName: null, userPrincipalName: "AdeleV@contoso.com", ipAddress: null },
        },
        targetResources: [
          { id: "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0", displayName: null, type: "User", userPrincipalName: "AlexW@contoso.com" },
        ],
        additionalDetails: [],
      },
    ],
    moreAvailable: false,
  }),
});
