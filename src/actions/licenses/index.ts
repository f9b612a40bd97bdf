import { assignLicenses } from "./assignLicenses";
import { listSubscribedSkus } from "./listSubscribedSkus";

export default { listSubscribedSkus, assignLicenses };
