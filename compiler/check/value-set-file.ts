// A value set's CSV file, read strictly: text in, its rows (each a code or a range, with its label
// and place) and the problems of its malformed rows out. No dependency: the format is small.
//
//   code,label
//   J44.0,"Chronic obstructive pulmonary disease with acute lower respiratory infection"
//   J44.1..J44.9,Other chronic obstructive pulmonary disease
//
// The first line is exactly `code,label`; each other line is one row of two fields, a code or a
// range (`first..last` or `first-last`) and its label, which is not empty. A field may be quoted
// with double quotes (`""` for a quote inside), so a label may hold commas; a row is one line. The
// file may end with one line break; an empty line elsewhere is a malformed row.

/** A code as written in the file, with where it starts (lines and columns from 1). */
export interface PlacedCode {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export interface ValueSetRow {
  readonly first: PlacedCode;
  /** The same code as `first` for a row of one code. */
  readonly last: PlacedCode;
  readonly label: string;
  readonly line: number;
}

/** What is wrong with a row (diagnostics/value-set-arguments.ts says it in words). */
export type RowProblemKind =
  | { readonly kind: "header" }
  | { readonly kind: "emptyLine" }
  | { readonly kind: "fields"; readonly count: number }
  | { readonly kind: "unclosedQuote" }
  | { readonly kind: "emptyCode" }
  | { readonly kind: "emptyLabel" }
  | { readonly kind: "rangeEnd" };

export interface RowProblem {
  readonly line: number;
  readonly column: number;
  /** How many characters to underline. */
  readonly length: number;
  readonly problem: RowProblemKind;
}

interface Field {
  readonly text: string;
  readonly column: number;
  readonly width: number;
}

/** The fields of one line, or the column of a quote that does not close. */
function splitFields(line: string): { readonly fields: Field[] } | { readonly unclosedAt: number } {
  const fields: Field[] = [];
  let at = 0;
  for (;;) {
    const start = at;
    let text = "";
    if (line[at] === '"') {
      at++;
      for (;;) {
        if (at >= line.length) return { unclosedAt: start + 1 };
        if (line[at] === '"') {
          if (line[at + 1] === '"') {
            text += '"';
            at += 2;
            continue;
          }
          at++;
          break;
        }
        text += line[at];
        at++;
      }
      if (at < line.length && line[at] !== ",") return { unclosedAt: start + 1 };
    } else {
      const comma = line.indexOf(",", at);
      const end = comma < 0 ? line.length : comma;
      text = line.slice(at, end);
      at = end;
    }
    fields.push({ text, column: start + 1, width: Math.max(1, at - start) });
    if (at >= line.length) return { fields };
    at++; // the comma
  }
}

/** The code or range of a row's first field: `J44.0`, `J44.0..J44.9` or `J44.0-J44.9`. */
function rangeOf(field: Field, line: number): { first: PlacedCode; last: PlacedCode } | undefined {
  const separator = field.text.includes("..") ? ".." : field.text.includes("-") ? "-" : undefined;
  const place = (text: string, offset: number): PlacedCode => ({ text, line, column: field.column + offset });
  if (separator === undefined) return { first: place(field.text, 0), last: place(field.text, 0) };
  const parts = field.text.split(separator);
  const [first, last] = parts;
  if (parts.length !== 2 || !first || !last) return undefined;
  return { first: place(first, 0), last: place(last, first.length + separator.length) };
}

/** Reads a value set file's text into rows, with a problem for each malformed row. */
export function readValueSetFile(text: string): { rows: ValueSetRow[]; problems: RowProblem[] } {
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  const rows: ValueSetRow[] = [];
  const problems: RowProblem[] = [];
  const header = lines[0] ?? "";
  if (header !== "code,label")
    problems.push({ line: 1, column: 1, length: Math.max(1, header.length), problem: { kind: "header" } });
  lines.slice(1).forEach((content, index) => {
    const line = index + 2;
    const problem = (column: number, length: number, kind: RowProblemKind): void => {
      problems.push({ line, column, length, problem: kind });
    };
    if (content === "") return problem(1, 1, { kind: "emptyLine" });
    const split = splitFields(content);
    if ("unclosedAt" in split) return problem(split.unclosedAt, 1, { kind: "unclosedQuote" });
    const [code, label] = split.fields;
    if (split.fields.length !== 2 || !code || !label)
      return problem(1, content.length, { kind: "fields", count: split.fields.length });
    if (code.text === "") return problem(code.column, 1, { kind: "emptyCode" });
    if (label.text.trim() === "") return problem(label.column, label.width, { kind: "emptyLabel" });
    const range = rangeOf(code, line);
    if (!range) return problem(code.column, code.width, { kind: "rangeEnd" });
    rows.push({ ...range, label: label.text, line });
  });
  return { rows, problems };
}
