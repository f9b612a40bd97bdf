import { action } from "@prismatic-io/spectral";
import type { ProvisioningObjectSummary } from "@microsoft/microsoft-graph-types";
import { connectionInput, fetchAllInput } from "../../inputs/common";
import { feedExample, provisioningExample } from "./examples";
import { auditCheckpointInput, auditFilterInputFor, auditLimitInput, auditTopInput, fromInput, toInput } from "./inputs";
import { listFeed } from "./listFeed";

export const listProvisioningAudits = action({
  display: {
    label: "List Provisioning Audits",
    description:
      "List Microsoft Entra provisioning events (users and groups created, updated or deleted in connected apps) in a time window, oldest first, with a checkpoint to get only newer events next time.",
  },
  inputs: {
    connection: connectionInput,
    from: fromInput,
    to: toInput,
    filter: auditFilterInputFor("provisioning"),
    top: auditTopInput("provisioning"),
    fetchAll: fetchAllInput,
    limit: auditLimitInput,
    checkpoint: auditCheckpointInput("provisioning"),
  },
  perform: (context, params) => listFeed<ProvisioningObjectSummary>(context, "provisioning", params),
  examplePayload: feedExample(provisioningExample),
});
