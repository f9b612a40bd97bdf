import { oauth } from "./oauth";
import { oauthClientCredentials } from "./clientCredentials";

export { oauth, oauthClientCredentials };
export const connections = [oauth, oauthClientCredentials];
