/**
 * A small OData $filter parser and evaluator: eq ne gt ge lt le, and or not, parentheses, in (...),
 * startswith/endswith/contains, and lambda any(x:x/prop eq v) over collections. String comparison is
 * case-insensitive, as on Graph's directory objects.
 */
export type FilterNode =
  | { type: "and" | "or"; left: FilterNode; right: FilterNode }
  | { type: "not"; operand: FilterNode }
  | { type: "compare"; op: string; path: string; value: unknown }
  | { type: "in"; path: string; values: unknown[] }
  | { type: "func"; name: string; path: string; value: unknown }
  | { type: "any"; path: string; variable: string; predicate: FilterNode | null };

export class FilterSyntaxError extends Error {}

type Token = { kind: "str" | "word" | "punct"; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let text = "";
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError("unterminated string literal");
        if (input[i] === "'") {
          if (input[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += input[i];
        i++;
      }
      tokens.push({ kind: "str", text });
    } else if ("(),:".includes(ch)) {
      tokens.push({ kind: "punct", text: ch });
      i++;
    } else {
      let text = "";
      while (i < input.length && !/[\s(),']/.test(input[i]) && !(input[i] === ":" && !/\d/.test(input[i + 1] ?? ""))) {
        text += input[i];
        i++;
      }
      tokens.push({ kind: "word", text });
    }
  }
  return tokens;
}

const COMPARE = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const FUNCS = new Set(["startswith", "endswith", "contains"]);

export function parseFilter(input: string): FilterNode {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const t = tokens[pos++];
    if (!t) throw new FilterSyntaxError("unexpected end of filter");
    return t;
  };
  const expect = (text: string) => {
    const t = next();
    if (t.text !== text) throw new FilterSyntaxError(`expected '${text}' but found '${t.text}'`);
  };
  const literal = (): unknown => {
    const t = next();
    if (t.kind === "str") return t.text;
    if (t.kind !== "word") throw new FilterSyntaxError(`expected a value but found '${t.text}'`);
    if (t.text === "true") return true;
    if (t.text === "false") return false;
    if (t.text === "null") return null;
    if (/^-?\d+(\.\d+)?$/.test(t.text)) return Number(t.text);
    return t.text; // GUIDs and DateTimeOffset literals are unquoted
  };

  const primary = (): FilterNode => {
    const t = peek();
    if (!t) throw new FilterSyntaxError("unexpected end of filter");
    if (t.text === "(") {
      next();
      const inner = orExpr();
      expect(")");
      return inner;
    }
    if (t.kind === "word" && t.text.toLowerCase() === "not") {
      next();
      return { type: "not", operand: primary() };
    }
    if (t.kind === "word" && FUNCS.has(t.text.toLowerCase()) && tokens[pos + 1]?.text === "(") {
      next();
      expect("(");
      const path = next().text;
      expect(",");
      const value = literal();
      expect(")");
      const node: FilterNode = { type: "func", name: t.text.toLowerCase(), path, value };
      const after = peek();
      if (after && COMPARE.has(after.text.toLowerCase())) {
        next();
        const expected = literal();
        return expected === false ? { type: "not", operand: node } : node;
      }
      return node;
    }
    if (t.kind !== "word") throw new FilterSyntaxError(`unexpected '${t.text}'`);
    next();
    const anyMatch = /^(.+)\/(any|all)$/i.exec(t.text);
    if (anyMatch && peek()?.text === "(") {
      next();
      if (peek()?.text === ")") {
        next();
        return { type: "any", path: anyMatch[1], variable: "", predicate: null };
      }
      const variable = next().text;
      expect(":");
      const predicate = orExpr();
      expect(")");
      return { type: "any", path: anyMatch[1], variable, predicate };
    }
    const op = next();
    const opText = op.text.toLowerCase();
    if (opText === "in") {
      expect("(");
      const values: unknown[] = [literal()];
      while (peek()?.text === ",") {
        next();
        values.push(literal());
      }
      expect(")");
      return { type: "in", path: t.text, values };
    }
    if (!COMPARE.has(opText)) throw new FilterSyntaxError(`'${op.text}' is not a supported operator`);
    return { type: "compare", op: opText, path: t.text, value: literal() };
  };

  const andExpr = (): FilterNode => {
    let left = primary();
    while (peek()?.kind === "word" && peek()?.text.toLowerCase() === "and") {
      next();
      left = { type: "and", left, right: primary() };
    }
    return left;
  };

  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (peek()?.kind === "word" && peek()?.text.toLowerCase() === "or") {
      next();
      left = { type: "or", left, right: andExpr() };
    }
    return left;
  };

  const tree = orExpr();
  if (pos < tokens.length) throw new FilterSyntaxError(`unexpected '${tokens[pos]?.text}'`);
  return tree;
}

function resolve(object: unknown, path: string, variable?: string, scope?: unknown): unknown {
  const parts = path.split("/");
  let current: unknown = object;
  if (variable && parts[0] === variable) {
    current = scope;
    parts.shift();
  }
  for (const part of parts) {
    if (current === null || current === undefined || typeof current !== "object") return undefined;
    const record = current as Record<string, unknown>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? undefined : record[key];
  }
  return current;
}

function norm(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

function compare(op: string, actual: unknown, expected: unknown): boolean {
  const a = norm(actual ?? null);
  const b = norm(expected);
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    default: {
      if (a === null || b === null) return false;
      const x = a as string | number;
      const y = b as string | number;
      return op === "gt" ? x > y : op === "ge" ? x >= y : op === "lt" ? x < y : x <= y;
    }
  }
}

/** Names of the properties and operators a filter uses, for Graph's advanced-query rules. */
export function filterFeatures(node: FilterNode, out = new Set<string>()): Set<string> {
  switch (node.type) {
    case "and":
    case "or":
      filterFeatures(node.left, out);
      filterFeatures(node.right, out);
      break;
    case "not":
      out.add("not");
      filterFeatures(node.operand, out);
      break;
    case "compare":
      out.add(node.op);
      break;
    case "func":
      out.add(node.name);
      break;
    case "in":
      out.add("in");
      break;
    case "any":
      out.add("any");
      if (node.predicate) filterFeatures(node.predicate, out);
      break;
  }
  return out;
}

export function evaluate(node: FilterNode, object: unknown, variable?: string, scope?: unknown): boolean {
  switch (node.type) {
    case "and":
      return evaluate(node.left, object, variable, scope) && evaluate(node.right, object, variable, scope);
    case "or":
      return evaluate(node.left, object, variable, scope) || evaluate(node.right, object, variable, scope);
    case "not":
      return !evaluate(node.operand, object, variable, scope);
    case "compare":
      return compare(node.op, resolve(object, node.path, variable, scope), node.value);
    case "in": {
      const actual = norm(resolve(object, node.path, variable, scope));
      return node.values.some((v) => norm(v) === actual);
    }
    case "func": {
      const actual = resolve(object, node.path, variable, scope);
      if (typeof actual !== "string" || typeof node.value !== "string") return false;
      const a = actual.toLowerCase();
      const v = node.value.toLowerCase();
      return node.name === "startswith" ? a.startsWith(v) : node.name === "endswith" ? a.endsWith(v) : a.includes(v);
    }
    case "any": {
      const list = resolve(object, node.path, variable, scope);
      if (!Array.isArray(list)) return false;
      if (!node.predicate) return list.length > 0;
      return list.some((item) => evaluate(node.predicate as FilterNode, object, node.variable, item));
    }
  }
}
