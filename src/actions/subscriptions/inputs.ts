import { input } from "@prismatic-io/spectral";
import { InputError } from "../../graph";
import { guid, integer, optionalString, stringList } from "../../inputs/clean";
import { LONGEST_LIFETIME_MINUTES } from "./lifetimes";

export const CHANGE_TYPES = ["created", "updated", "deleted"] as const;

export const subscriptionIdInput = input({
  label: "Subscription ID",
  type: "string",
  required: true,
  example: "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
  comments: "The id of the change notification subscription (a GUID), as POST /subscriptions or List Subscriptions returned it.",
  clean: (value: unknown): string => guid("Subscription ID")(value) as string,
});

export const expirationMinutesInput = input({
  label: "Expiration Minutes",
  type: "string",
  required: false,
  example: "4230",
  comments:
    "How long from now the subscription lasts. Empty asks for the longest the resource allows (users and groups: 41760 minutes, just under 29 days; Outlook items: 10080; security alerts: 43200; most others: 4230).",
  clean: integer("Expiration Minutes", { min: 45, max: LONGEST_LIFETIME_MINUTES }),
});

export const resourceInput = input({
  label: "Resource",
  type: "string",
  required: true,
  default: "users",
  example: "groups",
  comments:
    "The Graph resource to watch, relative to the version root: users, groups, users/{id}, groups/{id}, me/messages, security/alerts_v2, ... Needs the read permission for that resource (users: User.Read.All; groups: Group.Read.All).",
  clean: (value: unknown): string => {
    const text = optionalString(value)?.replace(/^\/+/, "");
    if (!text) throw new InputError("Resource", "is required, e.g. users or groups");
    if (/^[a-z]+:/i.test(text) || /\s/.test(text))
      throw new InputError("Resource", `"${text}" must be a path relative to the Graph version root, like users or groups/{id}`);
    return text;
  },
});

export const changeTypesInput = input({
  label: "Change Types",
  type: "string",
  required: true,
  default: "updated,deleted",
  example: "created,updated,deleted",
  comments:
    "Comma-separated: created, updated, deleted. Users and groups support only updated and deleted (a new user or group comes as updated); Outlook items and most others support all three.",
  clean: (value: unknown): string => {
    const types = stringList(value).map((t) => t.toLowerCase());
    if (types.length === 0) throw new InputError("Change Types", "is required: one or more of created, updated, deleted");
    const wrong = types.filter((t) => !(CHANGE_TYPES as readonly string[]).includes(t));
    if (wrong.length > 0) throw new InputError("Change Types", `"${wrong.join(", ")}" is not one of created, updated, deleted`);
    return [...new Set(types)].join(",");
  },
});
