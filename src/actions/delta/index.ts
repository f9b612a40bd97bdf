import { groupsDelta } from "./groupsDelta";
import { usersDelta } from "./usersDelta";

export default { usersDelta, groupsDelta };
