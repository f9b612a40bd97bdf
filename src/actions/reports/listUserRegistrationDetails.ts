import { action, input } from "@prismatic-io/spectral";
import type { UserRegistrationDetails } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { connectionInput, fetchAllInput, filterInput, limitInput, topInput } from "../../inputs/common";
import { listResult } from "../security/list";
import { pageExample } from "../security/examples";

const registrationExample: UserRegistrationDetails = {
  id: "86462606-fde0-4fc4-9e0c-a20eb73e54c6",
  userPrincipalName: "AlexW@Contoso.com",
  userDisplayName: "Alex Wilber",
  userType: "member",
  isAdmin: false,
  isSsprRegistered: false,
  isSsprEnabled: false,
  isSsprCapable: false,
  isMfaRegistered: true,
  isMfaCapable: true,
  isPasswordlessCapable: false,
  methodsRegistered: ["microsoftAuthenticatorPush", "softwareOneTimePasscode"],
  isSystemPreferredAuthenticationMethodEnabled: false,
  systemPreferredAuthenticationMethods: [],
  userPreferredMethodForSecondaryAuthentication: "push",
  lastUpdatedDateTime: "2024-04-05T19:34:32.0813564Z",
};

export const listUserRegistrationDetails = action({
  display: {
    label: "List User Registration Details",
    description:
      "List each user's authentication method registration (MFA and SSPR registered or capable, passwordless, methods registered) from the authentication methods activity report. Needs a Microsoft Entra ID P1 or P2 licence.",
  },
  inputs: {
    connection: connectionInput,
    filter: input({
      ...filterInput,
      example: "isMfaRegistered eq false",
      comments: "OData $filter, e.g. isMfaRegistered eq false, isAdmin eq true, or methodsRegistered/any(m: m eq 'fido2').",
    }),
    top: topInput(999, "users"),
    fetchAll: fetchAllInput,
    limit: limitInput,
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const query = { $filter: params.filter, $top: params.top };
    return listResult<UserRegistrationDetails>(client, { path: "/reports/authenticationMethods/userRegistrationDetails", query }, params);
  },
  examplePayload: pageExample(registrationExample, "reports/authenticationMethods/userRegistrationDetails"),
});
