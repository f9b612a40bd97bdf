import { input } from "@prismatic-io/spectral";
import { filterInput, limitInput, topInput } from "../../inputs/common";
import { checkpointInput } from "./checkpoint";
import { AuditFeedKey, AUDIT_FEEDS } from "./feed";
import { timestampInput } from "./timestamps";

export const fromInput = input({
  label: "From",
  type: "string",
  required: false,
  example: "2024-05-01T00:00:00Z",
  comments:
    "Start of the time window, inclusive: an ISO 8601 date or date-time (UTC unless it carries an offset). Empty: from the oldest event Graph keeps (30 days for most tenants).",
  clean: timestampInput("From"),
});

export const toInput = input({
  label: "To",
  type: "string",
  required: false,
  example: "2024-05-02T00:00:00Z",
  comments: "End of the time window, inclusive: an ISO 8601 date or date-time. Empty: up to now.",
  clean: timestampInput("To"),
});

/** A filter each log accepts: the logs name their properties differently (only sign-ins have userPrincipalName). */
const FILTER_EXAMPLES: Record<AuditFeedKey, string> = {
  directoryAudits: "category eq 'UserManagement'",
  signIns: "startswith(userPrincipalName,'ann')",
  provisioning: "provisioningAction eq 'create'",
};

export const auditFilterInput = input({
  ...filterInput,
  example: FILTER_EXAMPLES.directoryAudits,
  comments:
    "Extra OData $filter, combined with the time window by 'and'. Quote string values with single quotes and double any quote inside. Each log supports its own properties and operators (see Microsoft's docs).",
});

/** The Filter input with an example that fits the log. */
export function auditFilterInputFor(feed: AuditFeedKey) {
  return input({ ...auditFilterInput, example: FILTER_EXAMPLES[feed] });
}

export function auditTopInput(feed: AuditFeedKey) {
  return input({
    ...topInput(AUDIT_FEEDS[feed].maxPageSize, "events"),
    comments: `OData $top: events per request (1 to ${AUDIT_FEEDS[feed].maxPageSize}). With Fetch All off, also the most events returned.`,
  });
}

export const auditLimitInput = input({
  ...limitInput,
  comments:
    "With Fetch All on: the most new events returned (1 to 1,000,000). The result's moreAvailable says whether more were left; call again with its checkpoint to continue.",
});

export function auditCheckpointInput(feed: AuditFeedKey) {
  return input({
    label: "Checkpoint",
    type: "string",
    required: false,
    comments:
      "The checkpoint of a previous result of this action, passed back unchanged: returns only events not yet returned (none twice, none skipped, also for events sharing a timestamp). Empty: start from From.",
    clean: checkpointInput(feed),
  });
}
