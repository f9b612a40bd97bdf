import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { connections } from "./connections";
import { dataSources } from "./dataSources";
import { triggers } from "./triggers";
import { redactThrown } from "./errorHook";

export default component({
  key: "ms-graph",
  public: false,
  display: {
    label: "Microsoft Graph API",
    description:
      "Manage users, groups, licenses and security data in Microsoft 365 through Microsoft Graph: typed actions, a safe Raw Request, delta and webhook triggers.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  actions,
  triggers,
  dataSources,
  connections,
  hooks: {
    error: redactThrown,
  },
});
