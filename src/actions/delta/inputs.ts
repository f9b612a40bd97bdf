import { input } from "@prismatic-io/spectral";
import { InputError } from "../../graph";
import { DEFAULT_MAX_DELTA_CHANGES } from "../../graph/delta";
import { integer, optionalString } from "../../inputs/clean";

export const deltaLinkInput = input({
  label: "Delta Link",
  type: "string",
  required: false,
  example:
    "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=oEcOySpF_hWYmTIUZBOIfPzcwisr_rPe8o9M54L45qEXQGmvQC6T2dbL-9O7nSU-njKhFiGlAZqewNAThmCVnNxqPu5gOBegrm1CaVZ-ZtFZ2tPOAO98OD9y0ao460",
  comments:
    "The @odata.deltaLink a previous round returned. Empty starts a full round (every object). Delta links for users and groups expire after 7 days; an expired one starts a full round and the result says resynced: true.",
  clean: (value: unknown): string | undefined => {
    const link = optionalString(value);
    if (link !== undefined && !/^https?:\/\//i.test(link))
      throw new InputError("Delta Link", "must be the absolute @odata.deltaLink URL of a previous round");
    return link;
  },
});

export const maxChangesInput = input({
  label: "Max Changes",
  type: "string",
  required: false,
  default: String(DEFAULT_MAX_DELTA_CHANGES),
  comments: "The most distinct objects one round may hold (1 to 1,000,000). A bigger round fails, so no round is ever returned in part.",
  clean: integer("Max Changes", { min: 1, max: 1_000_000, fallback: DEFAULT_MAX_DELTA_CHANGES }),
});
