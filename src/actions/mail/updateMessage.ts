import { action, input } from "@prismatic-io/spectral";
import type { Message } from "@microsoft/microsoft-graph-types";
import { InputError } from "../../graph";
import { stringList } from "../../inputs/clean";
import { messageExample } from "./examples";
import { choiceInput, importanceInput, messageIdInput } from "./inputs";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

const FLAGS = ["notFlagged", "flagged", "complete"] as const;

export const updateMessage = action({
  display: {
    label: "Update Message",
    description: "Mark a message read or unread, flag it, set its categories or importance (PATCH /users/{mailbox}/messages/{id}).",
  },
  inputs: {
    ...mailBaseInputs,
    messageId: messageIdInput,
    isRead: choiceInput(
      "Read",
      "(unchanged)",
      [
        ["true", "Read"],
        ["false", "Unread"],
      ],
      "Mark the message read (true) or unread (false): Graph's isRead. Empty leaves it unchanged.",
    ),
    flag: choiceInput(
      "Flag",
      "(unchanged)",
      FLAGS.map((v) => [v, v] as const),
      "flag.flagStatus: notFlagged, flagged or complete. Empty leaves it unchanged.",
    ),
    categories: input({
      label: "Categories",
      type: "string",
      collection: "valuelist",
      required: false,
      example: "Red category",
      comments: "Category names (Graph's categories), replacing the message's list. Empty leaves them unchanged.",
      clean: stringList,
    }),
    importance: importanceInput,
  },
  perform: async (context, params) => {
    const changes: Record<string, unknown> = {};
    if (params.isRead !== undefined) changes.isRead = params.isRead === "true";
    if (params.flag) changes.flag = { flagStatus: params.flag };
    if (params.categories.length) changes.categories = params.categories;
    if (params.importance) changes.importance = params.importance;
    if (Object.keys(changes).length === 0) throw new InputError("Read", "nothing to update: set Read, Flag, Categories or Importance");
    const { client, root } = mailTarget(context, params);
    return { data: await client.patch<Message>(messagePath(root, params.messageId), changes) };
  },
  examplePayload: { data: { ...messageExample, isRead: true, flag: { flagStatus: "flagged" }, categories: ["Red category"] } },
});
