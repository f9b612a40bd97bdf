import { input } from "@prismatic-io/spectral";
import { oneOf, optionalString, pathId, stringList } from "../../inputs/clean";

export const alertV2IdInput = input({
  label: "Alert ID",
  type: "string",
  required: true,
  example: "da637551227677560813_-961444813",
  comments: "The id of an alert from /security/alerts_v2 (List Alerts v2), e.g. da637551227677560813_-961444813.",
  clean: pathId("Alert ID"),
});

export const legacyAlertIdInput = input({
  label: "Alert ID",
  type: "string",
  required: true,
  example: "6C9C3B6D-8F2E-4E0B-9A43-1D8F0B2C7E11",
  comments: "The id of an alert from the legacy /security/alerts (List Alerts).",
  clean: pathId("Alert ID"),
});

export const incidentIdInput = input({
  label: "Incident ID",
  type: "string",
  required: true,
  example: "2972395",
  comments: "The id of a Microsoft 365 Defender incident, e.g. 2972395.",
  clean: pathId("Incident ID"),
});

/**
 * An optional choice among Graph's enum members; empty leaves the field out of the request. Aliases (other
 * spellings Microsoft's pages use) are accepted and replaced by the member they stand for.
 */
export function enumInput(label: string, members: readonly string[], comments: string, aliases: Readonly<Record<string, string>> = {}) {
  const aliasNames = Object.keys(aliases);
  return input({
    label,
    type: "string",
    required: false,
    model: members.map((member) => ({ label: member, value: member })),
    comments: `${comments} One of: ${members.join(", ")}.${
      aliasNames.length > 0 ? ` Also accepted: ${aliasNames.map((a) => `${a} (sent as ${aliases[a] ?? a})`).join(", ")}.` : ""
    } Empty leaves it unchanged.`,
    clean: (value: unknown): string | undefined => {
      const text = optionalString(value);
      if (text === undefined) return undefined;
      const alias = aliasNames.find((a) => a.toLowerCase() === text.toLowerCase());
      return alias ? aliases[alias] : oneOf(label, members)(text);
    },
  });
}

export const assignedToInput = input({
  label: "Assigned To",
  type: "string",
  required: false,
  example: "secAdmin@contoso.onmicrosoft.com",
  comments: "The owner, usually a user principal name (free text for Graph). Empty leaves it unchanged.",
  clean: optionalString,
});

export function tagListInput(label: string, comments: string) {
  return input({
    label,
    type: "string",
    collection: "valuelist",
    required: false,
    example: "Demo",
    comments,
    clean: stringList,
  });
}
