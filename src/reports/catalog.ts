/** Microsoft 365 usage reports (GET /reports/{name}(period='D7')): the functions Graph v1.0 offers, with readable names. */
export interface UsageReport {
  /** The report function's name, as it goes in the URL. */
  name: string;
  label: string;
  workload: string;
  /** The report also takes (date=YYYY-MM-DD) instead of a period. */
  acceptsDate: boolean;
}

export const REPORT_PERIODS = ["D7", "D30", "D90", "D180"] as const;

function report(name: string, label: string, workload: string, acceptsDate = false): UsageReport {
  return { name, label, workload, acceptsDate };
}

export const USAGE_REPORTS: readonly UsageReport[] = [
  report("getOffice365ActiveUserDetail", "Microsoft 365 active user detail", "Microsoft 365", true),
  report("getOffice365ActiveUserCounts", "Microsoft 365 active user counts", "Microsoft 365"),
  report("getOffice365ServicesUserCounts", "Microsoft 365 services user counts", "Microsoft 365"),
  report("getOffice365GroupsActivityDetail", "Microsoft 365 groups activity detail", "Microsoft 365", true),
  report("getM365AppUserDetail", "Microsoft 365 Apps user detail", "Microsoft 365 Apps", true),
  report("getEmailActivityUserDetail", "Email activity user detail", "Exchange", true),
  report("getEmailActivityCounts", "Email activity counts", "Exchange"),
  report("getEmailAppUsageUserDetail", "Email app usage user detail", "Exchange", true),
  report("getMailboxUsageDetail", "Mailbox usage detail", "Exchange"),
  report("getMailboxUsageStorage", "Mailbox storage used", "Exchange"),
  report("getOneDriveActivityUserDetail", "OneDrive activity user detail", "OneDrive", true),
  report("getOneDriveUsageAccountDetail", "OneDrive usage account detail", "OneDrive", true),
  report("getOneDriveUsageStorage", "OneDrive storage used", "OneDrive"),
  report("getSharePointActivityUserDetail", "SharePoint activity user detail", "SharePoint", true),
  report("getSharePointSiteUsageDetail", "SharePoint site usage detail", "SharePoint", true),
  report("getSharePointSiteUsageStorage", "SharePoint site storage used", "SharePoint"),
  report("getTeamsUserActivityUserDetail", "Teams user activity user detail", "Teams", true),
  report("getTeamsUserActivityCounts", "Teams user activity counts", "Teams"),
  report("getTeamsDeviceUsageUserDetail", "Teams device usage user detail", "Teams", true),
  report("getYammerActivityUserDetail", "Viva Engage activity user detail", "Viva Engage", true),
];

export function findUsageReport(name: string): UsageReport | undefined {
  return USAGE_REPORTS.find((r) => r.name.toLowerCase() === name.toLowerCase());
}
