import { listSubscriptions } from "./listSubscriptions";
import { renewSubscription } from "./renewSubscription";

export default { renewSubscription, listSubscriptions };
