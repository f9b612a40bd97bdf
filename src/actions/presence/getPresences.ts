import { action, input } from "@prismatic-io/spectral";
import { createGraphClient } from "../../client";
import { InputError } from "../../graph";
import { connectionInput } from "../../inputs/common";
import { guidList } from "../licenses/licenseInputs";
import { presenceExample } from "./examples";
import { fetchPresences } from "./presenceRequests";

const { "@odata.context": _context, ...examplePresence } = presenceExample;

export const getPresences = action({
  display: {
    label: "Get Presences",
    description:
      "Get the presence of many users at once (POST /communications/getPresencesByUserId). Lists over Graph's 650 ids per call go as several calls inside JSON batches; the result keeps the order of the ids given.",
  },
  inputs: {
    connection: connectionInput,
    userIds: input({
      label: "User IDs",
      type: "string",
      collection: "valuelist",
      required: true,
      placeholder: "User object ID (a GUID)",
      example: "66825e03-7ef5-42da-9069-724602c31f6b",
      comments: "Users' object IDs (GUIDs), one per entry. Duplicates are sent once.",
      clean: (value: unknown) => {
        const ids = [...new Set(guidList(value, "User IDs"))];
        if (ids.length === 0) throw new InputError("User IDs", "is required: at least one user object ID");
        return ids;
      },
    }),
  },
  perform: async (context, params) => {
    const client = createGraphClient(params.connection, { logger: context.logger });
    return { data: { value: await fetchPresences(client, params.userIds) } };
  },
  examplePayload: { data: { value: [examplePresence] } },
});
