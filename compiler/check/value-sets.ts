// Value sets: each `value set` statement's clauses, its file read beside the policy (as untrusted
// input) and its rows checked against its code system; and the system of every fact of codes. Input:
// the symbols and a reader of files beside the policy; output: each value set's entries, sorted,
// for lowering, and diagnostics (PC113-PC118; a row's problem sits at its line and column in the file).

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { RequiredClause } from "../diagnostics/message-arguments.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { PolicyFileReader } from "../files/beside-policy.js";
import { codeKey, codeSystems, entryBounds, isCodeOf, isCodeSystem, type CodeSystem } from "../runtime/codes.js";
import type { PolicySymbols } from "./symbols.js";
import { readValueSetFile, type PlacedCode, type ValueSetRow } from "./value-set-file.js";

/** One row of a value set as the model keeps it: a code (`first` = `last`) or a range, and its label. */
export interface ValueSetContentsEntry {
  readonly first: string;
  readonly last: string;
  readonly label: string;
}

/** A value set read and checked: its system, its file (relative to the project) and its entries sorted by code. */
export interface ValueSetContents {
  readonly system: CodeSystem;
  readonly path: string;
  readonly entries: readonly ValueSetContentsEntry[];
}

/** The file of a value set is named like a published text: a plain relative name inside the policy's folder. */
function isPlainFileName(name: string): boolean {
  return name.length <= 200 && name.split("/").every((part) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part));
}

function spanAt(text: string, code: PlacedCode | { line: number; column: number }, length: number): Ast.Span {
  const lines = text.split("\n");
  let offset = 0;
  for (let index = 0; index < code.line - 1; index++) offset += (lines[index] ?? "").length + 1;
  offset += code.column - 1;
  return {
    offset,
    endOffset: offset + length,
    line: code.line,
    column: code.column,
    endLine: code.line,
    endColumn: code.column + length - 1,
  };
}

class ValueSetChecker {
  readonly contents = new Map<string, ValueSetContents>();
  /** The text of each value set file read, by path, for rendering its diagnostics. */
  readonly texts = new Map<string, string>();

  constructor(
    private readonly symbols: PolicySymbols,
    private readonly read: PolicyFileReader,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private report<Arguments>(
    entry: CatalogueEntry<Arguments>,
    file: string,
    span: Ast.Span,
    args: NoInfer<Arguments>,
    context: string,
    hint?: string,
  ): void {
    this.diagnostics.push(diagnostic(entry, file, span, args, { context, ...(hint !== undefined && { hint }) }));
  }

  /** The system a fact or value set names, when policyc knows it (PC118 otherwise). */
  system(text: Ast.TextLiteral, context: string): CodeSystem | undefined {
    if (isCodeSystem(text.value)) return text.value;
    this.report(
      catalogue.unknownCodeSystem,
      this.symbols.file,
      text.span,
      { system: text.value, systems: codeSystems },
      context,
      didYouMean(text.value, codeSystems),
    );
    return undefined;
  }

  run(): void {
    for (const fact of this.symbols.facts.values())
      if (fact.type.kind === "code" || fact.type.kind === "codes")
        this.system(fact.type.system, `fact ${fact.name.text}`);
    for (const valueSet of this.symbols.valueSets.values()) this.checkValueSet(valueSet);
  }

  private checkValueSet(valueSet: Ast.ValueSetDeclaration): void {
    const context = `value set ${valueSet.name.text}`;
    const clauses: [Ast.TextLiteral | undefined, RequiredClause, string][] = [
      [valueSet.system, "system", 'system "ICD-10-CM"'],
      [valueSet.file, "file", `file "value-sets/${valueSet.name.text}.csv"`],
      [valueSet.source, "source", 'source "CMS ICD-10-CM 2025 code tables"'],
      [valueSet.version, "version", 'version "2025"'],
    ];
    for (const [given, clause, example] of clauses)
      if (!given)
        this.report(
          catalogue.missingClause,
          this.symbols.file,
          valueSet.name.span,
          { statement: "value set", clause },
          context,
          `Add \`${example}\`.`,
        );
    const system = valueSet.system && this.system(valueSet.system, context);
    if (!system || !valueSet.file) return;
    const file = valueSet.file;
    if (!isPlainFileName(file.value)) {
      this.report(
        catalogue.valueSetFileUnread,
        this.symbols.file,
        file.span,
        { path: file.value, problem: { kind: "name" } },
        context,
        "Name a file beside the policy (or in a folder under it), such as `value-sets/copd.csv`: letters, digits, `.`, `-` and `_`, parts joined by `/`, no `..` and no leading `/`.",
      );
      return;
    }
    const read = this.read(file.value);
    if (read.kind !== "read") {
      this.report(
        catalogue.valueSetFileUnread,
        this.symbols.file,
        file.span,
        { path: read.path, problem: read.kind === "refused" ? read.refusal : { kind: read.kind } },
        context,
        "Keep the value set as a plain CSV file in the policy's folder.",
      );
      return;
    }
    this.texts.set(read.path, read.text);
    const entries = this.checkRows(read.path, read.text, system, context);
    if (entries === undefined) return;
    if (entries.length === 0) {
      this.report(
        catalogue.emptyValueSet,
        this.symbols.file,
        file.span,
        { name: valueSet.name.text, path: read.path },
        context,
        "List at least one code under the header `code,label`.",
      );
      return;
    }
    this.contents.set(valueSet.name.text, { system, path: read.path, entries });
  }

  /** The rows of a file as entries sorted by code, or undefined when a row has a problem (each reported). */
  private checkRows(
    path: string,
    text: string,
    system: CodeSystem,
    context: string,
  ): ValueSetContentsEntry[] | undefined {
    const { rows, problems } = readValueSetFile(text);
    for (const problem of problems)
      this.report(
        catalogue.malformedValueSetRow,
        path,
        spanAt(text, problem, problem.length),
        { row: problem.problem },
        context,
        "Write each row as `code,label` or `first..last,label`; quote a label that holds a comma.",
      );
    let failed = problems.length > 0;
    const good: ValueSetRow[] = [];
    for (const row of rows) {
      const bad = [row.first, row.last].find((code) => !isCodeOf(system, code.text));
      if (bad) {
        failed = true;
        this.report(
          catalogue.malformedValueSetRow,
          path,
          spanAt(text, bad, Math.max(1, bad.text.length)),
          { row: { kind: "codeShape", code: bad.text, system } },
          context,
          `Write a code of ${system} as its code tables do, in capital letters${system === "ICD-10-CM" ? ", such as `J44.0`" : ", such as `E0431`"}.`,
        );
      } else if (codeKey(row.first.text) > codeKey(row.last.text)) {
        failed = true;
        this.report(
          catalogue.reversedRange,
          path,
          spanAt(text, row.first, row.last.column + row.last.text.length - row.first.column),
          { first: row.first.text, last: row.last.text },
          context,
          `Write the earlier code first: \`${row.last.text}..${row.first.text}\`.`,
        );
      } else good.push(row);
    }
    const sorted = [...good].sort((a, b) => {
      const first = entryBounds({ first: a.first.text, last: a.last.text }).low;
      const second = entryBounds({ first: b.first.text, last: b.last.text }).low;
      return first < second ? -1 : first > second ? 1 : a.line - b.line;
    });
    for (let index = 1; index < sorted.length; index++) {
      const previous = sorted[index - 1];
      const row = sorted[index];
      if (!previous || !row) continue;
      const before = entryBounds({ first: previous.first.text, last: previous.last.text });
      if (entryBounds({ first: row.first.text, last: row.last.text }).low >= before.high) continue;
      failed = true;
      const [earlier, later] = previous.line < row.line ? [previous, row] : [row, previous];
      const written = (r: ValueSetRow): string =>
        r.first.text === r.last.text ? r.first.text : `${r.first.text}..${r.last.text}`;
      this.report(
        catalogue.overlappingCodes,
        path,
        spanAt(text, later.first, Math.max(1, later.last.column + later.last.text.length - later.first.column)),
        { code: written(later), other: written(earlier), line: earlier.line },
        context,
        "Keep each code in one row: remove this row, or narrow one of the two.",
      );
    }
    if (failed) return undefined;
    return sorted.map((row) => ({ first: row.first.text, last: row.last.text, label: row.label }));
  }
}

/**
 * Checks every value set of a policy and the system of every fact of codes. Returns each value set
 * read without a problem, by name, and the text of each file read (for rendering diagnostics).
 */
export function checkValueSets(
  symbols: PolicySymbols,
  read: PolicyFileReader,
  diagnostics: Diagnostic[],
): { contents: ReadonlyMap<string, ValueSetContents>; texts: ReadonlyMap<string, string> } {
  const checker = new ValueSetChecker(symbols, read, diagnostics);
  checker.run();
  return { contents: checker.contents, texts: checker.texts };
}
