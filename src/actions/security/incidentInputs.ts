import { input } from "@prismatic-io/spectral";
import { boolean } from "../../inputs/clean";

export const expandAlertsInput = input({
  label: "Include Alerts",
  type: "boolean",
  required: false,
  default: "false",
  comments: "Also return each incident's alerts ($expand=alerts).",
  clean: boolean("Include Alerts"),
});
