import { action, input } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError } from "../../graph";
import { boolean, requiredString } from "../../inputs/clean";
import { connectionInput } from "../../inputs/common";
import { mailNickname } from "../groups/groupInputs";
import { userExample } from "./examples";
import { Profile, definedFields, profileInputs, propertiesInput, userPrincipalName } from "./shared";

/** The part of the userPrincipalName before @, kept to the characters and length Graph takes in a mail alias. */
function mailNicknameFrom(upn: string): string {
  const nickname = upn
    .slice(0, upn.lastIndexOf("@"))
    .replace(/[^A-Za-z0-9._'-]/g, "")
    .slice(0, 64);
  if (!nickname)
    throw new InputError("Mail Nickname", `cannot be made from "${upn}"; give one (up to 64 ASCII letters, digits and . _ ' -)`);
  return nickname;
}

export const createUser = action({
  display: {
    label: "Create User",
    description: "Create a work or school user (POST /users). Needs User.ReadWrite.All.",
  },
  inputs: {
    connection: connectionInput,
    displayName: input({
      label: "Display Name",
      type: "string",
      required: true,
      example: "Adele Vance",
      comments: "displayName (at most 256 characters).",
      clean: requiredString("Display Name"),
    }),
    userPrincipalName: input({
      label: "User Principal Name",
      type: "string",
      required: true,
      example: "AdeleV@contoso.com",
      comments: "userPrincipalName: alias@domain, where the domain is one of the tenant's verified domains.",
      clean: userPrincipalName,
    }),
    mailNickname: input({
      label: "Mail Nickname",
      type: "string",
      required: false,
      example: "AdeleV",
      comments:
        'mailNickname (the mail alias): up to 64 ASCII characters, without spaces or @ ( ) \\ [ ] " ; : < > ,. Empty uses the part of the userPrincipalName before @.',
      clean: mailNickname("Mail Nickname"),
    }),
    password: input({
      label: "Password",
      type: "password",
      required: true,
      comments: "The initial password. It must meet the tenant's password complexity rules.",
      clean: requiredString("Password"),
    }),
    forceChangePasswordNextSignIn: input({
      label: "Change Password At Next Sign-in",
      type: "boolean",
      required: false,
      default: "true",
      comments: "passwordProfile.forceChangePasswordNextSignIn.",
      clean: boolean("Change Password At Next Sign-in", true),
    }),
    accountEnabled: input({
      label: "Account Enabled",
      type: "boolean",
      required: false,
      default: "true",
      comments: "accountEnabled: whether the user can sign in.",
      clean: boolean("Account Enabled", true),
    }),
    ...profileInputs,
    properties: propertiesInput("user"),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    const profile: Profile = params;
    const body = {
      accountEnabled: params.accountEnabled,
      displayName: params.displayName,
      mailNickname: params.mailNickname ?? mailNicknameFrom(params.userPrincipalName),
      userPrincipalName: params.userPrincipalName,
      passwordProfile: { forceChangePasswordNextSignIn: params.forceChangePasswordNextSignIn, password: params.password },
      ...definedFields({
        givenName: profile.givenName,
        surname: profile.surname,
        jobTitle: profile.jobTitle,
        department: profile.department,
        usageLocation: profile.usageLocation,
      }),
      ...(params.properties ?? {}),
    };
    return { data: await client.post<User>("/users", body) };
  },
  examplePayload: { data: userExample },
});
