import { input } from "@prismatic-io/spectral";
import { InputError, isLoopbackHost } from "../../graph";
import { guid, integer, optionalString, stringList } from "../../inputs/clean";
import { LONGEST_LIFETIME_MINUTES } from "./lifetimes";

export const CHANGE_TYPES = ["created", "updated", "deleted"] as const;

export const subscriptionIdInput = input({
  label: "Subscription ID",
  type: "string",
  required: true,
  example: "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
  placeholder: "Subscription ID (a GUID)",
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
  example: "users/AdeleV@contoso.com/mailFolders('inbox')/messages",
  placeholder: "users",
  comments:
    "Any resource Graph sends change notifications for, relative to the version root: users, groups, groups/{id}/members, a mailbox folder's messages (users/{id or UPN}/mailFolders('inbox')/messages), a drive root (drives/{drive-id}/root), a SharePoint list (sites/{site-id}/lists/{list-id}), Teams channel messages (teams/{team-id}/channels/{channel-id}/messages), security/alerts?$filter=status eq 'newAlert', ... Each has its own longest lifetime and change types (drive roots and lists: updated only; users and groups: updated and deleted). Needs the permission Microsoft lists for that resource (users: User.Read.All; groups: Group.Read.All; mail: Mail.ReadBasic; files: Files.Read.All; lists: Sites.Read.All; channel messages: ChannelMessage.Read.All).",
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

function webhookUrl(label: string) {
  return (value: unknown): string | undefined => {
    const text = optionalString(value);
    if (text === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new InputError(label, `"${text}" is not a URL`);
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname)))
      throw new InputError(label, "must be an https:// URL (Graph delivers notifications only over HTTPS)");
    return url.toString();
  };
}

export const notificationUrlInput = input({
  label: "Notification URL",
  type: "string",
  required: false,
  example: "https://hooks.prismatic.io/trigger/SW5zdGFuY2VGbG93Q29uZmlnOjE=",
  placeholder: "Empty: this flow's webhook URL",
  comments:
    "Where Graph posts notifications (https). Graph validates it first: it must answer ?validationToken= with the token, as the Change Notifications trigger does. Empty uses this flow's own webhook URL.",
  clean: webhookUrl("Notification URL"),
});

export const lifecycleNotificationUrlInput = input({
  label: "Lifecycle Notification URL",
  type: "string",
  required: false,
  example: "https://hooks.prismatic.io/trigger/SW5zdGFuY2VGbG93Q29uZmlnOjE=",
  placeholder: "Empty: the Notification URL",
  comments:
    "Where Graph posts lifecycle events (reauthorizationRequired, subscriptionRemoved, missed). Required by Graph for Teams resources that live longer than an hour. Empty uses the Notification URL.",
  clean: webhookUrl("Lifecycle Notification URL"),
});

export const clientStateInput = input({
  label: "Client State",
  type: "password",
  required: false,
  comments:
    "A secret (at most 128 characters) Graph sends back in every notification, so the receiver can tell Graph's notifications from forged ones. Empty generates a random one; it is never returned in step results.",
  clean: (value: unknown): string | undefined => {
    const text = optionalString(value);
    if (text !== undefined && text.length > 128) throw new InputError("Client State", "is longer than Graph's 128 characters");
    return text;
  },
});
