import { checkConnection } from "./checkConnection";

export default { checkConnection };
