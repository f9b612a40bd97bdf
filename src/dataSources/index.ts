import { selectGroup } from "./selectGroup";
import { selectMailFolder } from "./selectMailFolder";
import { selectReport } from "./selectReport";
import { selectSubscribedSku } from "./selectSubscribedSku";
import { selectUser } from "./selectUser";

/** Every data source, keyed by its public key. */
export const dataSources = { selectUser, selectGroup, selectSubscribedSku, selectReport, selectMailFolder };
