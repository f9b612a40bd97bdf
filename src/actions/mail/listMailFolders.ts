import { action, input } from "@prismatic-io/spectral";
import type { MailFolder } from "@microsoft/microsoft-graph-types";
import { boolean } from "../../inputs/clean";
import { selectInputFor } from "../../inputs/common";
import { listOrCollect, pagingInputs } from "../users/listing";
import { mailFoldersExample } from "./examples";
import { folderInput, folderPath } from "./mailbox";
import { mailBaseInputs, mailTarget } from "./shared";

export const listMailFolders = action({
  display: {
    label: "List Mail Folders",
    description:
      "List a mailbox's folders, or a folder's child folders (GET /users/{mailbox}/mailFolders, .../mailFolders/{id}/childFolders).",
  },
  inputs: {
    ...mailBaseInputs,
    parentFolder: folderInput(
      "Parent Folder",
      "List this folder's child folders. Empty lists the top-level folders (Inbox, Drafts, Sent Items, ...).",
    ),
    includeHidden: input({
      label: "Include Hidden Folders",
      type: "boolean",
      required: false,
      default: "false",
      comments: "Also list folders marked hidden (isHidden), with Graph's includeHiddenFolders=true.",
      clean: boolean("Include Hidden Folders"),
    }),
    select: selectInputFor("mailFolder"),
    ...pagingInputs(1000, "folders"),
  },
  perform: async (context, params) => {
    const { client, root } = mailTarget(context, params);
    const path = params.parentFolder ? folderPath(root, params.parentFolder, "/childFolders") : `${root}/mailFolders`;
    const query = { $select: params.select, $top: params.top, includeHiddenFolders: params.includeHidden ? "true" : undefined };
    return { data: await listOrCollect<MailFolder>(client, { path, query }, params) };
  },
  examplePayload: { data: mailFoldersExample },
});
