import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { connections } from "./connections";
import { dataSources } from "./dataSources";
import { triggers } from "./triggers";
import { redactValue } from "./graph";

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
    // Whatever reaches the platform's logs leaves without tokens or secrets.
    error: (error: unknown) => {
      if (error instanceof Error) {
        const message = redactValue(error.message) as string;
        if (message !== error.message) error.message = message;
        return error;
      }
      return redactValue(error);
    },
  },
});
