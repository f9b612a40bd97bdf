import { createSubscription } from "./createSubscription";
import { deleteInstanceSubscriptions } from "./deleteInstanceSubscriptions";
import { deleteSubscription } from "./deleteSubscription";
import { getSubscription } from "./getSubscription";
import { listSubscriptions } from "./listSubscriptions";
import { renewSubscription } from "./renewSubscription";
import { updateSubscription } from "./updateSubscription";

export default {
  createSubscription,
  getSubscription,
  updateSubscription,
  deleteSubscription,
  listSubscriptions,
  renewSubscription,
  deleteInstanceSubscriptions,
};
