import { getUsageReport } from "./getUsageReport";
import { listUserRegistrationDetails } from "./listUserRegistrationDetails";

export default { getUsageReport, listUserRegistrationDetails };
