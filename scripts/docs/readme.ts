const START = "<!-- areas:start (written by `npm run docs`) -->";
const END = "<!-- areas:end -->";

/** The README with its table of areas replaced; unchanged when it has no markers. */
export function withAreasTable(readme: string, areasTable: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + START.length)}\n\n${areasTable}\n\n${readme.slice(end)}`;
}
