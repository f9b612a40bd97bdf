import { input } from "@prismatic-io/spectral";
import { InputError } from "../../graph";
import { boolean, oneOf, optionalOneOf, optionalString, requiredText, stringList } from "../../inputs/clean";

export const messageIdInput = input({
  label: "Message",
  type: "string",
  required: true,
  placeholder: "message ID",
  example: "AAMkAGI2TG93AAA1wkq9Yq0YyEa0-NlBqSKnBhAAAIOcsTAAA=",
  comments: "The message's ID, as List Messages, Get Message or the New Messages trigger return it (id).",
  clean: requiredText("Message", "the message's id"),
});

export const BODY_TYPES = ["text", "html"] as const;

/** An optional choice: the empty first entry leaves the value to Graph (its default, or unchanged). */
export function choiceInput<T extends string>(label: string, empty: string, choices: readonly (readonly [T, string])[], comments: string) {
  return input({
    label,
    type: "string",
    required: false,
    model: [{ label: empty, value: "" }, ...choices.map(([value, shown]) => ({ label: shown, value }))],
    comments,
    clean: optionalOneOf(
      label,
      choices.map(([value]) => value),
    ),
  });
}

export const bodyTypeInput = choiceInput(
  "Body Type",
  "(as stored)",
  [
    ["text", "Text"],
    ["html", "HTML"],
  ],
  'The format bodies come back in: sent as Prefer: outlook.body-content-type="text" or "html". Empty returns each body as stored.',
);

/** Graph's header for the body format bodies are returned in. */
export function bodyTypeHeaders(bodyType: string | undefined): Record<string, string> {
  return bodyType ? { Prefer: `outlook.body-content-type="${bodyType}"` } : {};
}

export interface EmailAddress {
  name?: string;
  address: string;
}

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** `ann@contoso.com` or `Ann Lee <ann@contoso.com>`. */
function parseAddress(text: string, label: string): EmailAddress {
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(text);
  const address = (named ? named[2] : text).trim();
  if (!ADDRESS.test(address))
    throw new InputError(label, `"${text}" is not an email address (like ann@contoso.com or Ann Lee <ann@contoso.com>)`);
  const name = named?.[1].replace(/^"|"$/g, "").trim();
  return name ? { name, address } : { address };
}

export function addressList(label: string) {
  return (value: unknown): EmailAddress[] => stringList(value).map((text) => parseAddress(text, label));
}

/** Graph's recipient shape. */
export function recipients(list: EmailAddress[]): { emailAddress: EmailAddress }[] {
  return list.map((emailAddress) => ({ emailAddress }));
}

export function recipientsInput(label: string, comments: string, required = false) {
  return input({
    label,
    type: "string",
    collection: "valuelist",
    required,
    placeholder: "ann@contoso.com",
    example: "Adele Vance <AdeleV@contoso.com>",
    comments: `${comments} Each entry an address (ann@contoso.com) or a name and address (Ann Lee <ann@contoso.com>); a comma-separated list works too.`,
    clean: addressList(label),
  });
}

export const subjectInput = input({
  label: "Subject",
  type: "string",
  required: false,
  example: "Quarterly report",
  comments: "The message's subject line.",
  clean: optionalString,
});

export const bodyInput = input({
  label: "Body",
  type: "text",
  required: false,
  example: "<p>The report is attached.</p>",
  comments: "The message body, as text or HTML (see Body Format).",
  clean: (value: unknown): string => optionalString(value) ?? "",
});

export const bodyFormatInput = input({
  label: "Body Format",
  type: "string",
  required: false,
  default: "html",
  model: [
    { label: "HTML", value: "html" },
    { label: "Text", value: "text" },
  ],
  comments: "Whether Body is HTML or plain text (Graph's body.contentType).",
  clean: oneOf("Body Format", BODY_TYPES, "html"),
});

export const IMPORTANCES = ["low", "normal", "high"] as const;

export const importanceInput = choiceInput(
  "Importance",
  "(Graph's default: normal)",
  IMPORTANCES.map((v) => [v, v] as const),
  "low, normal or high (Graph's importance).",
);

export const commentInput = input({
  label: "Comment",
  type: "text",
  required: false,
  example: "Thanks, see my answer below.",
  comments: "Text placed above the original message (Graph's comment).",
  clean: optionalString,
});

export const keepDraftInput = input({
  label: "Keep Draft On Failure",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Large attachments are sent through a draft (create, upload, send). Off: a failure deletes the half-built draft. On: it stays in Drafts for a look.",
  clean: boolean("Keep Draft On Failure"),
});
