import { action } from "@prismatic-io/spectral";
import type { Message } from "@microsoft/microsoft-graph-types";
import { parseAttachments } from "./attachments";
import { buildDraft, messageBody } from "./compose";
import { composeInputs } from "./composeInputs";
import { draftExample } from "./examples";
import { keepDraftInput } from "./inputs";
import { folderInput, folderPath } from "./mailbox";
import { mailBaseInputs, mailTarget, messagePath } from "./shared";

export const createDraft = action({
  display: {
    label: "Create Draft",
    description:
      "Create a draft message, with attachments of any size up to 150 MB each, to send later with Send Draft (POST /users/{mailbox}/messages).",
  },
  inputs: {
    ...mailBaseInputs,
    ...composeInputs,
    folder: folderInput("Folder", "Where the draft is created. Empty: the Drafts folder."),
    keepDraftOnFailure: keepDraftInput,
  },
  perform: async (context, params) => {
    const files = parseAttachments(params.attachments, params.attachmentNames);
    const { client, root } = mailTarget(context, params);
    const createPath = params.folder ? folderPath(root, params.folder, "/messages") : `${root}/messages`;
    const result = await buildDraft(client, {
      createPath,
      root,
      message: messageBody(params),
      files,
      send: false,
      keepDraftOnFailure: params.keepDraftOnFailure,
    });
    const draft = result.draft as Message;
    // Attachments added after the draft was created are not in the create answer: read the draft back.
    const uploaded = result.attachments.some((a) => a.method !== "inline");
    return { data: uploaded ? await client.get<Message>(messagePath(root, draft.id as string)) : draft };
  },
  examplePayload: { data: draftExample },
});
