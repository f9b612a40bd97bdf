import type { Connection } from "@prismatic-io/spectral";
import type { User } from "@microsoft/microsoft-graph-types";
import { Mailbox, MailStore, mailStore } from "../../emulator/areas/mail/store";
import { TestEnv, authCodeConnection, startTestEnv } from "../helpers/setup";

export interface MailEnv extends TestEnv {
  store: MailStore;
  /** Member users that have a mailbox. */
  people: User[];
  mailboxOf(user: User): Mailbox;
  /** A delegated (signed-in user) connection with these scopes. */
  delegated(user: User, scopes?: string[]): Connection;
}

export async function startMailEnv(): Promise<MailEnv> {
  const env = await startTestEnv({ userCount: 30 });
  const store = mailStore(env.emulator);
  const people = env.emulator.directory.users.filter((u) => u.userType === "Member" && u.mail);
  return {
    ...env,
    store,
    people,
    mailboxOf(user) {
      const box = store.find(user.id as string);
      if (!(box instanceof Mailbox)) throw new Error(`${user.userPrincipalName ?? ""} has no mailbox`);
      return box;
    },
    delegated(user, scopes = ["Mail.ReadWrite", "Mail.Send"]) {
      const token = env.emulator.tokens.issueAccessToken({
        kind: "delegated",
        clientId: env.emulator.app.clientId,
        tenantId: env.emulator.app.tenantId,
        scopes,
        userId: user.id,
      }).token;
      return authCodeConnection(env.emulator, token);
    },
  };
}

/** One emulator for a test file: `env` is filled before the first test, request logs cleared before each. */
export function useMailEnv(): MailEnv {
  const env = {} as MailEnv;
  beforeAll(async () => {
    Object.assign(env, await startMailEnv());
  });
  afterAll(() => env.emulator.close());
  beforeEach(() => {
    env.emulator.requests.length = 0;
  });
  return env;
}

/** The query of the n-th request the emulator received. */
export function queryOf(env: TestEnv, i = 0): URLSearchParams {
  return new URLSearchParams(env.emulator.requests[i]?.search ?? "");
}

/** A person whose mailbox has the nested folders Inbox / Projects / Falcon. */
export function personWithFolders(env: MailEnv): User {
  const found = env.people.find((u) => [...env.mailboxOf(u).folders.values()].some((f) => f.displayName === "Projects"));
  if (!found) throw new Error("no seeded mailbox with nested folders");
  return found;
}

export type Page<T> = { value: T[]; "@odata.nextLink"?: string; moreAvailable?: boolean };
