import type { ActionContext, Connection } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import type { GraphClient } from "../../graph";
import { encodeSegment } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { mailboxInput, mailboxRoot } from "./mailbox";

/** Inputs every mail action starts with. */
export const mailBaseInputs = { connection: connectionInput, mailbox: mailboxInput };

export interface MailTarget {
  client: GraphClient;
  /** `/me` or `/users/{mailbox}`. */
  root: string;
}

/** The mailbox root (refused before any request when an app-only connection names no mailbox) and the client. */
export function mailTarget(context: Pick<ActionContext, "logger">, params: { connection: Connection; mailbox?: string }): MailTarget {
  const root = mailboxRoot(params.connection, params.mailbox);
  return { client: createGraphClient(params.connection, { logger: context.logger }), root };
}

export function messagePath(root: string, messageId: string, suffix = ""): string {
  return `${root}/messages/${encodeSegment(messageId, "Message")}${suffix}`;
}
