import { assignLicensesBulk } from "./assignLicensesBulk";
import { batchRequest } from "./batchRequest";
import { getUsersByIds } from "./getUsersByIds";

export default { batchRequest, getUsersByIds, assignLicensesBulk };
