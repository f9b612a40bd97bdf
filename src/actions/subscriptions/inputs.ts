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
    "How long from now the subscription lasts. Empty asks for the longest the resource allows, less 5 minutes: users, groups and other directory resources 41760 minutes (just under 29 days); security alerts 43200; OneDrive and SharePoint 42300; Teams 4320; presence 60; Outlook messages, events and contacts and most others 4230.",
  clean: integer("Expiration Minutes", { min: 45, max: LONGEST_LIFETIME_MINUTES }),
});

export const resourceInput = input({
  label: "Resource",
  type: "string",
  required: true,
  default: "users",
  example: "groups",
  comments:
    "The Graph resource to watch, relative to the version root: users, groups, users/{id}, groups/{id}, groups/{id}/members, users/{id}/messages, security/alerts?$filter=status eq 'newAlert', ... Needs the permission Microsoft lists for that resource (users: User.Read.All; groups: Group.Read.All; Outlook mail: Mail.ReadBasic; security alerts: SecurityEvents.ReadWrite.All).",
  clean: (value: unknown): string => {
    const text = optionalString(value)?.replace(/^\/+/, "");
    if (!text) throw new InputError("Resource", "is required, e.g. users or groups");
    // Spaces belong only in the query, e.g. security/alerts?$filter=status eq 'newAlert'.
    if (/^[a-z]+:/i.test(text) || /\s/.test(text.split("?")[0] ?? ""))
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
