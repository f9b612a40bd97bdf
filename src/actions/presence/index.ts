import { getPresence } from "./getPresence";
import { getPresences } from "./getPresences";

export default { getPresence, getPresences };
