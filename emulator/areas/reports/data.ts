import type { User, UserRegistrationDetails } from "@microsoft/microsoft-graph-types";

type Cell = (user: User, index: number, context: { refreshDate: string; reportPeriod: string }) => string;

const yes = (index: number, every: number): string => (index % every === 0 ? "False" : "True");
const dayBefore = (refreshDate: string, days: number): string =>
  new Date(Date.parse(`${refreshDate}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const alias = (user: User): string => (user.userPrincipalName ?? "").split("@")[0] ?? "";

const refresh: Cell = (_u, _i, c) => c.refreshDate;
const upn: Cell = (u) => u.userPrincipalName ?? "";
const name: Cell = (u) => u.displayName ?? "";
const notDeleted: Cell = () => "False";
const blank: Cell = () => "";
const licensed: Cell = (_u, i) => yes(i, 5);
const lastActive: Cell = (_u, i, c) => (i % 4 === 3 ? "" : dayBefore(c.refreshDate, i % 6));
const count: Cell = (_u, i) => String((i * 37) % 211);
const bytes: Cell = (_u, i) => String(1_048_576 * (1 + ((i * 13) % 900)));
const period: Cell = (_u, _i, c) => c.reportPeriod;
const assigned: Cell = (_u, i, c) => (i % 5 === 0 ? "" : dayBefore(c.refreshDate, 200 + i));

/** Column name -> cell, per report, in the order of the CSV headers on each report's Microsoft Graph page. */
export const REPORT_COLUMNS: Record<string, [string, Cell][]> = {
  getOffice365ActiveUserDetail: [
    ["Report Refresh Date", refresh],
    ["User Principal Name", upn],
    ["Display Name", name],
    ["Is Deleted", notDeleted],
    ["Deleted Date", blank],
    ["Has Exchange License", licensed],
    ["Has OneDrive License", licensed],
    ["Has SharePoint License", licensed],
    ["Has Skype For Business License", () => "False"],
    ["Has Yammer License", licensed],
    ["Has Teams License", licensed],
    ["Exchange Last Activity Date", lastActive],
    ["OneDrive Last Activity Date", lastActive],
    ["SharePoint Last Activity Date", lastActive],
    ["Skype For Business Last Activity Date", blank],
    ["Yammer Last Activity Date", blank],
    ["Teams Last Activity Date", lastActive],
    ["Exchange License Assign Date", assigned],
    ["OneDrive License Assign Date", assigned],
    ["SharePoint License Assign Date", assigned],
    ["Skype For Business License Assign Date", blank],
    ["Yammer License Assign Date", assigned],
    ["Teams License Assign Date", assigned],
    // This report has no Report Period column.
    ["Assigned Products", (_u, i) => (i % 3 === 0 ? "MICROSOFT 365 E5+POWER BI (FREE)" : "OFFICE 365 E3")],
  ],
  getM365AppUserDetail: [
    ["Report Refresh Date", refresh],
    ["User Principal Name", upn],
    ["Last Activation Date", lastActive],
    ["Last Activity Date", lastActive],
    ["Report Period", period],
    ["Windows", licensed],
    ["Mac", () => "No"],
    ["Mobile", licensed],
    ["Web", licensed],
    ["Outlook", licensed],
    ["Word", licensed],
    ["Excel", licensed],
    ["PowerPoint", licensed],
    ["OneNote", () => "No"],
    ["Teams", licensed],
    ["Outlook (Windows)", licensed],
    ["Word (Windows)", licensed],
    ["Excel (Windows)", licensed],
    ["PowerPoint (Windows)", licensed],
    ["OneNote (Windows)", () => "No"],
    ["Teams (Windows)", licensed],
    ["Outlook (Mac)", () => "No"],
    ["Word (Mac)", () => "No"],
    ["Excel (Mac)", () => "No"],
    ["PowerPoint (Mac)", () => "No"],
    ["OneNote (Mac)", () => "No"],
    ["Teams (Mac)", () => "No"],
    ["Outlook (Mobile)", licensed],
    ["Word (Mobile)", licensed],
    ["Excel (Mobile)", licensed],
    ["PowerPoint (Mobile)", licensed],
    ["OneNote (Mobile)", () => "No"],
    ["Teams (Mobile)", licensed],
    ["Outlook (Web)", licensed],
    ["Word (Web)", licensed],
    ["Excel (Web)", licensed],
    ["PowerPoint (Web)", licensed],
    ["OneNote (Web)", () => "No"],
    ["Teams (Web)", licensed],
  ],
  getEmailActivityUserDetail: [
    ["Report Refresh Date", refresh],
    ["User Principal Name", upn],
    ["Display Name", name],
    ["Is Deleted", notDeleted],
    ["Deleted Date", blank],
    ["Last Activity Date", lastActive],
    ["Send Count", count],
    ["Receive Count", (u, i, c) => String(Number(count(u, i, c)) * 3)],
    ["Read Count", count],
    ["Meeting Created Count", (_u, i) => String(i % 5)],
    ["Meeting Interacted Count", (_u, i) => String(i % 7)],
    ["Assigned Products", () => "OFFICE 365 E3"],
    ["Report Period", period],
  ],
  getMailboxUsageDetail: [
    ["Report Refresh Date", refresh],
    ["User Principal Name", upn],
    ["Display Name", name],
    ["Is Deleted", notDeleted],
    ["Deleted Date", blank],
    ["Created Date", (u) => (u.createdDateTime ?? "").slice(0, 10)],
    ["Last Activity Date", lastActive],
    ["Item Count", count],
    ["Storage Used (Byte)", bytes],
    ["Issue Warning Quota (Byte)", () => "106300440576"],
    ["Prohibit Send Quota (Byte)", () => "106837311488"],
    ["Prohibit Send/Receive Quota (Byte)", () => "107374182400"],
    ["Deleted Item Count", (_u, i) => String(i % 40)],
    ["Deleted Item Size (Byte)", bytes],
    ["Deleted Item Quota (Byte)", () => "32212254720"],
    ["Has Archive", () => "False"],
    ["Report Period", period],
  ],
  getTeamsUserActivityUserDetail: [
    ["Report Refresh Date", refresh],
    ["Tenant Display Name", () => "Contoso"],
    ["Shared Channel Tenant Display Names", blank],
    ["User Id", (u) => u.id ?? ""],
    ["User Principal Name", upn],
    ["Last Activity Date", lastActive],
    ["Is Deleted", notDeleted],
    ["Deleted Date", blank],
    ["Assigned Products", () => "MICROSOFT TEAMS"],
    ["Team Chat Message Count", count],
    ["Private Chat Message Count", count],
    ["Call Count", (_u, i) => String(i % 9)],
    ["Meeting Count", (_u, i) => String(i % 6)],
    ["Post Messages", (_u, i) => String(i % 11)],
    ["Reply Messages", (_u, i) => String(i % 13)],
    ["Urgent Messages", () => "0"],
    ["Meetings Organized Count", (_u, i) => String(i % 4)],
    ["Meetings Attended Count", (_u, i) => String(i % 6)],
    ["Ad Hoc Meetings Organized Count", (_u, i) => String(i % 2)],
    ["Ad Hoc Meetings Attended Count", (_u, i) => String(i % 3)],
    ["Scheduled One-time Meetings Organized Count", (_u, i) => String(i % 2)],
    ["Scheduled One-time Meetings Attended Count", (_u, i) => String(i % 2)],
    ["Scheduled Recurring Meetings Organized Count", () => "0"],
    ["Scheduled Recurring Meetings Attended Count", (_u, i) => String(i % 2)],
    ["Audio Duration", (_u, i) => `PT${i % 60}M`],
    ["Video Duration", (_u, i) => `PT${i % 30}M`],
    ["Screen Share Duration", (_u, i) => `PT${i % 10}M`],
    ["Audio Duration In Seconds", (_u, i) => String((i % 60) * 60)],
    ["Video Duration In Seconds", (_u, i) => String((i % 30) * 60)],
    ["Screen Share Duration In Seconds", (_u, i) => String((i % 10) * 60)],
    ["Has Other Action", () => "No"],
    ["Is Licensed", () => "Yes"],
    ["Report Period", period],
  ],
  getOneDriveUsageAccountDetail: [
    ["Report Refresh Date", refresh],
    ["Site URL", (u) => `https://contoso-my.sharepoint.com/personal/${alias(u).replace(/[^a-z0-9]/gi, "_")}`],
    ["Owner Display Name", name],
    ["Is Deleted", notDeleted],
    ["Last Activity Date", lastActive],
    ["File Count", count],
    ["Active File Count", (_u, i) => String(i % 30)],
    ["Storage Used (Byte)", bytes],
    ["Storage Allocated (Byte)", () => "1099511627776"],
    ["Owner Principal Name", upn],
    ["Report Period", period],
  ],
  getSharePointSiteUsageDetail: [
    ["Report Refresh Date", refresh],
    ["Site Id", (u) => u.id ?? ""],
    ["Site URL", (u) => `https://contoso.sharepoint.com/sites/${alias(u)}`],
    // Site titles carry commas, quotes and line breaks, as real ones can: the CSV quotes them.
    ["Owner Display Name", (u, i) => (i % 4 === 1 ? `${u.displayName ?? ""}, "Projects"\nEMEA` : (u.displayName ?? ""))],
    ["Is Deleted", notDeleted],
    ["Last Activity Date", lastActive],
    ["File Count", count],
    ["Active File Count", (_u, i) => String(i % 30)],
    ["Page View Count", count],
    ["Visited Page Count", (_u, i) => String(i % 50)],
    ["Storage Used (Byte)", bytes],
    ["Storage Allocated (Byte)", () => "27487790694400"],
    ["Root Web Template", () => "Team Site"],
    ["Owner Principal Name", upn],
    ["Report Period", period],
  ],
};

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A report's CSV as Graph's download host sends it: UTF-8 BOM, header row, CRLF line ends. */
export function reportCsv(report: string, users: readonly User[], refreshDate: string, reportPeriod: string): string {
  const columns = REPORT_COLUMNS[report] ?? [];
  const lines = [columns.map(([column]) => csvField(column)).join(",")];
  users.forEach((user, index) =>
    lines.push(columns.map(([, cell]) => csvField(cell(user, index, { refreshDate, reportPeriod }))).join(",")),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const METHODS = [
  "microsoftAuthenticatorPush",
  "softwareOneTimePasscode",
  "mobilePhone",
  "email",
  "fido2",
  "windowsHelloForBusiness",
] as const;

/** The authentication methods registration report row of each user. */
export function registrationDetails(users: readonly User[]): UserRegistrationDetails[] {
  return users.map((user, index) => {
    const methodsRegistered = index % 5 === 4 ? [] : METHODS.filter((_m, m) => (index + m) % 3 === 0);
    const mfa = methodsRegistered.some((m) => m !== "email");
    return {
      id: user.id ?? "",
      userPrincipalName: user.userPrincipalName ?? undefined,
      userDisplayName: user.displayName ?? undefined,
      userType: user.userType === "Guest" ? "guest" : "member",
      isAdmin: index < 2,
      isSsprRegistered: methodsRegistered.length > 0,
      isSsprEnabled: index % 2 === 0,
      isSsprCapable: index % 2 === 0 && methodsRegistered.length > 0,
      isMfaRegistered: mfa,
      isMfaCapable: mfa,
      isPasswordlessCapable: methodsRegistered.includes("fido2") || methodsRegistered.includes("windowsHelloForBusiness"),
      methodsRegistered: [...methodsRegistered],
      isSystemPreferredAuthenticationMethodEnabled: false,
      systemPreferredAuthenticationMethods: [],
      userPreferredMethodForSecondaryAuthentication: mfa ? "push" : "none",
      lastUpdatedDateTime: "2026-01-14T19:34:32.0813564Z",
    };
  });
}
