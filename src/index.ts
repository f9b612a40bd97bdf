import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { connections } from "./connections";
import { dataSources } from "./dataSources";
import { triggers } from "./triggers";
import { redactThrown } from "./errorHook";

/** Where the generated docs are published; set at build time (`DOCUMENTATION_URL=... npm run build`). */
const documentationUrl = process.env.DOCUMENTATION_URL;

export default component({
  key: "ms-graph",
  public: false,
  // Not "Microsoft Graph API": that is the label of Prismatic's own public component, which sits beside this
  // one in a builder's picker.
  display: {
    label: "Microsoft Graph (Full API)",
    description:
      "Manage Microsoft 365 through Microsoft Graph: users, groups, licenses, mail, SharePoint and OneDrive, security and audit data. Typed actions, a Raw Request for any endpoint, and delta, polling and webhook triggers.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  actions,
  triggers,
  dataSources,
  connections,
  ...(documentationUrl ? { documentationUrl } : {}),
  hooks: {
    error: redactThrown,
  },
});
