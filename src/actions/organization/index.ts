import { getOrganization } from "./getOrganization";

export default { getOrganization };
