import { action, input } from "@prismatic-io/spectral";
import type { Site } from "@microsoft/microsoft-graph-types";
import { createGraphClient } from "../../client";
import { InputError } from "../../graph";
import { optionalString } from "../../inputs/clean";
import { connectionInput, selectInputFor } from "../../inputs/common";
import { siteExample } from "./examples";
import { optionalSiteIdInput, sitePath } from "./inputs";
import { siteAddress, siteAddressPath } from "./siteAddress";

export const getSite = action({
  display: {
    label: "Get Site",
    description:
      "Get a SharePoint site by hostname and path (GET /sites/{hostname}:/{path}), from a pasted site URL, or by id (GET /sites/{site-id}).",
  },
  inputs: {
    connection: connectionInput,
    hostname: input({
      label: "Hostname",
      type: "string",
      required: false,
      placeholder: "contoso.sharepoint.com",
      example: "contoso.sharepoint.com",
      comments:
        "The SharePoint hostname, like contoso.sharepoint.com. A whole site URL pasted here (https://contoso.sharepoint.com/sites/integrations/…) is split into hostname and site path. Leave empty when Site is given.",
      clean: optionalString,
    }),
    sitePath: input({
      label: "Site Path",
      type: "string",
      required: false,
      placeholder: "sites/integrations",
      example: "sites/integrations",
      comments: "The site's server-relative path, like sites/integrations or teams/finance. Empty means the root site of Hostname.",
      clean: optionalString,
    }),
    siteId: { ...optionalSiteIdInput, comments: `${optionalSiteIdInput.comments ?? ""} Give either Site or Hostname, not both.` },
    select: selectInputFor("site"),
  },
  perform: async (context, params) => {
    if (Boolean(params.siteId) === Boolean(params.hostname)) {
      throw new InputError("Site", "give exactly one of Site (a site id) or Hostname (with Site Path, or a pasted site URL)");
    }
    const path = params.siteId ? sitePath(params.siteId) : siteAddressPath(siteAddress(params.hostname as string, params.sitePath));
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: await client.get<Site>(path, { $select: params.select }) };
  },
  examplePayload: { data: siteExample },
});
