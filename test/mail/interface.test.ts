import component from "../../src";
import {
  mailDataSourcePermissions,
  mailPermissions as actionPermissions,
  mailTriggerPermissions,
} from "../../src/actions/mail/permissions";

const mailPermissions = { ...actionPermissions, ...mailTriggerPermissions, ...mailDataSourcePermissions };

interface ConvertedInput {
  key: string;
  comments?: string;
  placeholder?: string;
  example?: string;
  dataSource?: string;
}
interface Converted {
  display: { label: string; description: string };
  inputs: ConvertedInput[];
  examplePayload?: unknown;
}
const converted = component as unknown as {
  actions: Record<string, Converted>;
  triggers: Record<string, Converted>;
  dataSources: Record<string, Converted>;
};

const MAIL_ACTIONS = [
  "listMailFolders",
  "listMessages",
  "getMessage",
  "getMessageMime",
  "sendMail",
  "createDraft",
  "sendDraft",
  "replyToMessage",
  "forwardMessage",
  "moveMessage",
  "copyMessage",
  "updateMessage",
  "deleteMessage",
  "listAttachments",
  "getAttachment",
];
const PICKERS: Record<string, string> = {
  mailbox: "selectUser",
  folder: "selectMailFolder",
  parentFolder: "selectMailFolder",
  destination: "selectMailFolder",
};

const entries = (): [string, Converted][] => [
  ...MAIL_ACTIONS.map((key): [string, Converted] => [key, converted.actions[key]]),
  ["newMessages", converted.triggers.newMessages],
  ["selectMailFolder", converted.dataSources.selectMailFolder],
];

test("every mail action, the trigger and the picker keep their public keys", () => {
  for (const [key, entry] of entries()) expect({ key, present: entry !== undefined }).toEqual({ key, present: true });
});

test.each(entries().map(([key]) => key))("%s: permissions as data, pickers with placeholder and example on id inputs", (key) => {
  const entry = entries().find(([k]) => k === key)?.[1] as Converted;
  expect(mailPermissions[key]?.endpoints.length).toBeGreaterThan(0);
  expect(mailPermissions[key]?.notes).toMatch(/Exchange RBAC for Applications|application access policy/);
  expect(entry.examplePayload).toBeDefined();
  for (const input of entry.inputs) {
    const picker = PICKERS[input.key];
    if (!picker && !["messageId", "attachmentId"].includes(input.key)) continue;
    if (picker) expect({ key: input.key, dataSource: input.dataSource }).toEqual({ key: input.key, dataSource: picker });
    expect({ key: input.key, placeholder: Boolean(input.placeholder), example: Boolean(input.example) }).toEqual({
      key: input.key,
      placeholder: true,
      example: true,
    });
  }
});

test("the permissions name only keys that exist", () => {
  const known = new Set(entries().map(([key]) => key));
  expect(Object.keys(mailPermissions).filter((key) => !known.has(key))).toEqual([]);
});
