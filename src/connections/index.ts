import { oauth } from "./oauth";
import { oauthClientCredentials } from "./clientCredentials";
import { certificateCredentials } from "./certificate";
import { passwordGrant } from "./passwordGrant";
import { refreshToken } from "./refreshToken";

export { oauth, oauthClientCredentials, certificateCredentials, passwordGrant, refreshToken };
export const connections = [oauth, oauthClientCredentials, certificateCredentials, passwordGrant, refreshToken];
