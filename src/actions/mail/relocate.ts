import type { Message } from "@microsoft/microsoft-graph-types";
import type { ActionContext, Connection } from "@prismatic-io/spectral";
import { messageExample } from "./examples";
import { messageIdInput } from "./inputs";
import { requiredFolderInput } from "./mailbox";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

/** Inputs, perform and example of moveMessage and copyMessage: the same call but for the last path segment. */
export function messageToFolder(verb: "move" | "copy") {
  return {
    inputs: {
      ...mailBaseInputs,
      messageId: messageIdInput,
      destination: requiredFolderInput("Destination Folder", `The folder to ${verb} the message to (destinationId).`),
    },
    perform: async (
      context: ActionContext,
      params: { connection: Connection; mailbox: string | undefined; messageId: string; destination: string },
    ) => {
      const { client, root } = mailTarget(context, params);
      return { data: await client.post<Message>(messagePath(root, params.messageId, `/${verb}`), { destinationId: params.destination }) };
    },
    examplePayload: { data: messageExample },
  };
}
