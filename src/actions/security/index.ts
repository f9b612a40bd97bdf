import { addAlertComment } from "./addAlertComment";
import { getAlert } from "./getAlert";
import { getAlertV2 } from "./getAlertV2";
import { getIncident } from "./getIncident";
import { getSecureScoreControlProfile } from "./getSecureScoreControlProfile";
import { listAlerts } from "./listAlerts";
import { listAlertsV2 } from "./listAlertsV2";
import { listIncidents } from "./listIncidents";
import { listSecureScoreControlProfiles } from "./listSecureScoreControlProfiles";
import { listSecureScores } from "./listSecureScores";
import { updateAlert } from "./updateAlert";
import { updateAlertV2 } from "./updateAlertV2";
import { updateIncident } from "./updateIncident";

export default {
  listAlerts,
  getAlert,
  updateAlert,
  listAlertsV2,
  getAlertV2,
  updateAlertV2,
  addAlertComment,
  listIncidents,
  getIncident,
  updateIncident,
  listSecureScores,
  listSecureScoreControlProfiles,
  getSecureScoreControlProfile,
};
