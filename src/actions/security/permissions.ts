import type { PermissionsOf } from "../../permissions/types";
import type security from "./index";

function both(permission: string, endpoints: string[]) {
  return { endpoints, application: [permission], delegated: [permission] };
}

export const securityPermissions: PermissionsOf<typeof security> = {
  listAlerts: both("SecurityEvents.Read.All", ["GET /security/alerts"]),
  getAlert: both("SecurityEvents.Read.All", ["GET /security/alerts/{alertId}"]),
  updateAlert: both("SecurityEvents.ReadWrite.All", ["GET /security/alerts/{alertId}", "PATCH /security/alerts/{alertId}"]),
  listAlertsV2: both("SecurityAlert.Read.All", ["GET /security/alerts_v2"]),
  getAlertV2: both("SecurityAlert.Read.All", ["GET /security/alerts_v2/{alertId}"]),
  updateAlertV2: both("SecurityAlert.ReadWrite.All", ["PATCH /security/alerts_v2/{alertId}"]),
  addAlertComment: both("SecurityAlert.ReadWrite.All", ["POST /security/alerts_v2/{alertId}/comments"]),
  listIncidents: both("SecurityIncident.Read.All", ["GET /security/incidents"]),
  getIncident: both("SecurityIncident.Read.All", ["GET /security/incidents/{incidentId}"]),
  updateIncident: both("SecurityIncident.ReadWrite.All", ["PATCH /security/incidents/{incidentId}"]),
  listSecureScores: both("SecurityEvents.Read.All", ["GET /security/secureScores"]),
  listSecureScoreControlProfiles: both("SecurityEvents.Read.All", ["GET /security/secureScoreControlProfiles"]),
  getSecureScoreControlProfile: both("SecurityEvents.Read.All", ["GET /security/secureScoreControlProfiles/{controlProfileId}"]),
};
