/** Markdown pieces the generated pages share: escaped table cells, code spans, tables. */

/** Text outside code spans with `<` escaped, so "<domain>" shows instead of vanishing as an HTML tag. */
export function prose(text: string): string {
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, "&lt;")))
    .join("");
}

/** A table cell: pipes escaped, line breaks kept as <br>, so one value stays in one cell. */
export function cell(text: string): string {
  return prose(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>").trim();
}

/** Inline code that survives backticks in the value. */
export function code(text: string): string {
  if (text === "") return "";
  const fence = text.includes("`") ? "``" : "`";
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => (c === "" ? " " : c)).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** GitHub's heading anchor for a heading text. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}
