import { listDirectoryAudits } from "./listDirectoryAudits";
import { listProvisioningAudits } from "./listProvisioningAudits";
import { listSignIns } from "./listSignIns";

export { fetchSince, AUDIT_FEEDS } from "./feed";
export type { AuditFeedKey, FetchSinceOptions, FetchSinceResult } from "./feed";

export default { listDirectoryAudits, listProvisioningAudits, listSignIns };
