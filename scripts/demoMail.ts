/** The demo's mail step: a message with a large attachment, sent through an upload session and seen by newMessages. */
import { randomBytes } from "node:crypto";
import type { Connection } from "@prismatic-io/spectral";
import type { createHarness } from "@prismatic-io/spectral/dist/testing";
import type { Emulator } from "../emulator";

interface MailDemo {
  harness: ReturnType<typeof createHarness>;
  connection: Connection;
  emulator: Emulator;
  step: (title: string, run: () => Promise<void>) => Promise<void>;
  line: (label: string, text: string) => void;
  logger: Record<string, () => void>;
}

interface SendResult {
  via: string;
  attachments: { name: string; size: number; method: string; chunks?: number }[];
}

interface PollBody {
  changes: { changeType: string; object: { subject?: string; hasAttachments?: boolean; from?: { emailAddress?: { address?: string } } } }[];
}

export async function showMail({ harness, connection, emulator, step, line, logger }: MailDemo): Promise<void> {
  const people = emulator.directory.users.filter((u) => u.userType === "Member" && u.mail);
  const [sender, recipient] = people;
  if (!sender || !recipient) return;
  await step("Mail: a 12 MB attachment through an upload session, picked up by the newMessages trigger", async () => {
    const state: Record<string, unknown> = {};
    const poll = async () => {
      const result = (await harness.trigger(
        "newMessages",
        undefined,
        { connection, mailbox: recipient.userPrincipalName, maxChanges: "50" },
        {
          instanceState: state,
          logger: logger as never,
        },
      )) as unknown as { payload: { body: { data: PollBody } } };
      return result.payload.body.data;
    };
    const baseline = await poll();
    line("newMessages, first poll", `${baseline.changes.length} messages (starts from now)`);

    const uploadsBefore = emulator.preAuth.requests.length;
    const sent = await harness.action(
      "sendMail",
      {
        connection,
        mailbox: sender.userPrincipalName,
        to: [recipient.mail],
        subject: "Site survey (12 MB of photos)",
        body: "<p>The survey photos are attached.</p>",
        attachments: [{ data: randomBytes(12 * 1024 * 1024), contentType: "application/zip" }],
        attachmentNames: ["survey-photos.zip"],
      },
      { logger: logger as never },
    );
    const data = (sent as { data: SendResult }).data;
    const file = data.attachments[0];
    line("sendMail", `${sender.userPrincipalName ?? ""} → ${recipient.mail ?? ""}, via ${data.via}`);
    line("attachment", `${file?.name ?? ""}: ${file?.size ?? 0} bytes, ${file?.method ?? ""}, ${file?.chunks ?? 0} chunks of at most 4 MB`);
    const uploads = emulator.preAuth.requests.slice(uploadsBefore);
    line("upload host requests", `${uploads.length}, with Authorization: ${uploads.filter((r) => r.headers.authorization).length}`);

    const next = await poll();
    for (const change of next.changes) {
      line(
        `newMessages: ${change.changeType}`,
        `"${change.object.subject ?? ""}" from ${change.object.from?.emailAddress?.address ?? "?"}, attachments: ${String(change.object.hasAttachments)}`,
      );
    }
    line("newMessages, next poll", `${(await poll()).changes.length} messages (each comes once)`);
  });
}
