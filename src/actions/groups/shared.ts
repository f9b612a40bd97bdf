import { input } from "@prismatic-io/spectral";
import { guid } from "../../inputs/clean";

/** A required GUID input whose clean result is a string (guid() throws when it is empty), with its picker if one exists. */
export function requiredGuidInput(label: string, comments: string, example: string, picker?: { dataSource: string; placeholder: string }) {
  const clean = guid(label);
  return input({
    label,
    type: "string",
    required: true,
    example,
    comments,
    ...(picker ?? { placeholder: `${label} object ID (a GUID)` }),
    clean: (value: unknown): string => clean(value) as string,
  });
}

export const groupIdInput = requiredGuidInput("Group", "The group's object ID (a GUID).", "02bd9fd6-8f93-4758-87c3-1fb73740a315", {
  dataSource: "selectGroup",
  placeholder: "Group object ID (a GUID)",
});

export const GROUP_BASE_SELECT = ["id", "displayName", "mailNickname"] as const;
