import { dataSource } from "@prismatic-io/spectral";
import type { MailFolder } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../client";
import { encodeSegment } from "../graph";
import { mailboxInput, mailboxRoot } from "../actions/mail/mailbox";
import { connectionInput } from "../inputs/common";
import { PicklistOption, maxResultsInput, sortByLabel } from "./picklist";

export const selectMailFolder = dataSource({
  display: {
    label: "Select Mail Folder",
    description: "Pick a mail folder of a mailbox, child folders included, labelled by path (Inbox / Projects); gives the folder's ID.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, mailbox: mailboxInput, maxResults: maxResultsInput },
  perform: async (context, params) => {
    const root = mailboxRoot(params.connection, params.mailbox);
    const client = createGraphClient(params.connection, { logger: context.logger });
    const limit = params.maxResults ?? 10_000;
    const options: PicklistOption[] = [];
    // Depth-first through childFolders, only into folders that have children, until the limit.
    const visit = async (path: string, prefix: string): Promise<void> => {
      const { items } = await client.collect<MailFolder>(
        { path, query: { $top: 100, $select: "id,displayName,childFolderCount" } },
        { limit: limit - options.length },
      );
      for (const folder of items) {
        if (options.length >= limit) return;
        const label = prefix ? `${prefix} / ${folder.displayName ?? ""}` : (folder.displayName ?? "");
        options.push({ label, key: folder.id as string });
        if ((folder.childFolderCount ?? 0) > 0 && options.length < limit) {
          await visit(`${root}/mailFolders/${encodeSegment(folder.id as string, "Folder")}/childFolders`, label);
        }
      }
    };
    await visit(`${root}/mailFolders`, "");
    return { result: sortByLabel(options) };
  },
  examplePayload: {
    result: [
      {
        label: "Inbox",
        key: "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAA=",
      },
      {
        label: "Inbox / Projects",
        key: "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAYbvZEAAA=",
      },
    ],
  },
});
