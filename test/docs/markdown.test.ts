import { anchor, cell, code, table } from "../../scripts/docs/markdown";

test("a table cell keeps one value in one cell and shows angle brackets outside code", () => {
  expect(cell("a | b\nc")).toBe("a \\| b<br>c");
  expect(cell("ends with @<domain>, as in `<tag>`")).toBe("ends with @&lt;domain>, as in `<tag>`");
});

test("code spans survive backticks in the value", () => {
  expect(code("plain")).toBe("`plain`");
  expect(code("a`b")).toBe("``a`b``");
  expect(code("`edge")).toBe("`` `edge ``");
  expect(code("")).toBe("");
});

test("tables and anchors are written as GitHub reads them", () => {
  expect(table(["A", "B"], [["1", ""]])).toBe("| A | B |\n| --- | --- |\n| 1 |   |");
  expect(anchor("Get User (`getUser`)")).toBe("get-user-getuser");
});
