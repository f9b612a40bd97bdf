import { action } from "@prismatic-io/spectral";
import type { DirectoryAudit } from "@microsoft/microsoft-graph-types";
import { connectionInput, fetchAllInput } from "../../inputs/common";
import { directoryAuditExample, feedExample } from "./examples";
import { auditCheckpointInput, auditFilterInputFor, auditLimitInput, auditTopInput, fromInput, toInput } from "./inputs";
import { listFeed } from "./listFeed";

export const listDirectoryAudits = action({
  display: {
    label: "List Directory Audits",
    description:
      "List Microsoft Entra directory audit events (user, group, app and role management, PIM, password resets...) in a time window, oldest first, with a checkpoint to get only newer events next time.",
  },
  inputs: {
    connection: connectionInput,
    from: fromInput,
    to: toInput,
    filter: auditFilterInputFor("directoryAudits"),
    top: auditTopInput("directoryAudits"),
    fetchAll: fetchAllInput,
    limit: auditLimitInput,
    checkpoint: auditCheckpointInput("directoryAudits"),
  },
  perform: (context, params) => listFeed<DirectoryAudit>(context, "directoryAudits", params),
  examplePayload: feedExample(directoryAuditExample),
});
