import type { User } from "@microsoft/microsoft-graph-types";
import type { ActionLogger, Connection } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { userPath } from "../../graph";
import { USER_BASE_SELECT, patchThenGet } from "./shared";

/** Sets accountEnabled and returns the user's id, names and new accountEnabled. */
export async function setAccountEnabled(
  connection: Connection,
  userId: string,
  accountEnabled: boolean,
  logger?: ActionLogger,
): Promise<User> {
  const client = createGraphClient(connection, { logger });
  return patchThenGet<User>(client, userPath(userId), { accountEnabled }, USER_BASE_SELECT);
}
