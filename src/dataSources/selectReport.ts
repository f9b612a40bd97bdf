import { dataSource } from "@prismatic-io/spectral";
import { USAGE_REPORTS } from "../reports/catalog";
import { matchesSearch, searchTextInput, sortByLabel } from "./picklist";

export const selectReport = dataSource({
  display: {
    label: "Select Usage Report",
    description: "Pick a Microsoft 365 usage report (GET /reports/{name}(period='D7')): shows its name, gives the report function's name.",
  },
  dataSourceType: "picklist",
  inputs: { search: searchTextInput },
  perform: async (_context, params) => {
    const options = USAGE_REPORTS.map((r) => ({ label: `${r.workload}: ${r.label}`, key: r.name })).filter((o) =>
      matchesSearch(o.label, params.search),
    );
    return Promise.resolve({ result: sortByLabel(options) });
  },
  examplePayload: {
    result: [
      { label: "Exchange: Email activity user detail", key: "getEmailActivityUserDetail" },
      { label: "Microsoft 365: Microsoft 365 active user detail", key: "getOffice365ActiveUserDetail" },
    ],
  },
});
