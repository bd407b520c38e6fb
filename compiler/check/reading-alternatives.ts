// The readings' rejected alternatives, written as logic: `alternative "..." in I.C.4 category
// medical_necessity`. Each replacement must name a statement that has the clause it replaces (PC103),
// and no alternative may replace one clause twice (PC104). The policy text with an alternative's
// replacements made is what the build compiles to count how many decisions the rejected reading
// would change (build/reading-impacts.ts). Input: the AST and symbols; output: diagnostics, and the
// text of each alternative's policy.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { PolicySymbols } from "./symbols.js";

/** A reading that carries an alternative, with what it is a reading of (an id, a name, a revision). */
export interface AlternativeSite {
  /** The id, name or revision of the statement the reading is on, as the model keys its readings. */
  readonly owner: string;
  readonly reading: string;
  readonly alternative: Ast.ReadingAlternative;
}

/** The words the policy text shows for each clause an alternative may replace. */
export const clauseWords: Record<Ast.AlternativeClause, string> = {
  category: "category",
  metWhen: "met when",
  notCovered: "not covered",
  appliesWhen: "applies when",
  overrides: "overrides",
  effective: "effective",
  definitionBody: "as",
};

function ownerOf(statement: Ast.Statement): string | undefined {
  switch (statement.kind) {
    case "policy":
      return statement.reference.text;
    case "revision":
      return statement.approved.text;
    case "definition":
    case "fact":
      return statement.name.text;
    case "code":
      return statement.code.text;
    default:
      return "id" in statement ? statement.id.text : undefined;
  }
}

function isReading(value: unknown): value is Ast.Reading {
  return typeof value === "object" && value !== null && "text" in value && "alternative" in value;
}

/** Every reading with an alternative, anywhere under a statement (its versions, its billing rules). */
function readingsWithAlternatives(value: unknown, found: Ast.Reading[]): void {
  if (Array.isArray(value)) for (const item of value) readingsWithAlternatives(item, found);
  else if (isReading(value)) found.push(value);
  else if (typeof value === "object" && value !== null)
    for (const child of Object.values(value)) readingsWithAlternatives(child, found);
}

export function alternativeSites(source: Ast.SourceFile): AlternativeSite[] {
  return source.statements.flatMap((statement) => {
    const owner = ownerOf(statement);
    const readings: Ast.Reading[] = [];
    readingsWithAlternatives(statement, readings);
    return owner === undefined
      ? []
      : readings.flatMap((reading) =>
          reading.alternative ? [{ owner, reading: reading.text.value, alternative: reading.alternative }] : [],
        );
  });
}

/** Where a statement's own clause of a kind is written (the span an alternative replaces), if it has one. */
function replacedSpan(
  symbols: PolicySymbols,
  id: string,
  clause: Ast.AlternativeClause,
): Ast.Span | undefined | "no statement" {
  if (clause === "effective") {
    const revision = symbols.revisions.find((candidate) => candidate.approved.text === id);
    return revision ? revision.effective?.span : "no statement";
  }
  if (clause === "definitionBody") return symbols.definitions.get(id)?.body.span ?? "no statement";
  const statement = symbols.outline.get(id) ?? symbols.exceptions.get(id);
  if (!statement) return "no statement";
  switch (clause) {
    case "category":
      return "category" in statement ? statement.category?.span : undefined;
    case "metWhen":
      return statement.kind === "criterion" ? statement.metWhen?.span : undefined;
    case "notCovered":
      return statement.kind === "exclusion" || statement.kind === "note" ? statement.notCovered?.span : undefined;
    case "appliesWhen":
      return statement.kind === "section" || statement.kind === "exception" ? statement.appliesWhen?.span : undefined;
    case "overrides": {
      const [first, last] = statement.kind === "exception" ? [statement.overrides[0], statement.overrides.at(-1)] : [];
      return (
        first &&
        last && {
          ...first.span,
          endOffset: last.span.endOffset,
          endLine: last.span.endLine,
          endColumn: last.span.endColumn,
        }
      );
    }
  }
}

export function checkReadingAlternatives(source: Ast.SourceFile, symbols: PolicySymbols, diagnostics: Diagnostic[]) {
  for (const { alternative } of alternativeSites(source)) {
    const replaced = new Set<string>();
    for (const replacement of alternative.replacements) {
      const id = replacement.statement.text;
      const span = replacedSpan(symbols, id, replacement.clause);
      const clause = clauseWords[replacement.clause];
      if (span === undefined || span === "no statement") {
        diagnostics.push(
          diagnostic(
            catalogue.alternativeWithoutClause,
            symbols.file,
            replacement.statement.span,
            { id, clause, found: span !== "no statement" },
            {
              hint:
                span === "no statement"
                  ? "Name a criterion, exclusion, note, section or exception of this policy, a definition (for `as`) or a revision (for `effective`)."
                  : `Replace a clause ${id} has; to add one, write it in the statement and replace it here.`,
            },
          ),
        );
        continue;
      }
      const key = `${id} ${replacement.clause}`;
      if (replaced.has(key))
        diagnostics.push(
          diagnostic(
            catalogue.alternativeReplacesTwice,
            symbols.file,
            replacement.span,
            { id, clause },
            { hint: "Keep one replacement of this clause in the alternative." },
          ),
        );
      replaced.add(key);
    }
  }
}

/**
 * The policy's text as the rejected reading would have it: each replacement of `alternative` made in
 * `text`. Only for a policy whose alternatives checked without errors.
 */
export function alternativeText(text: string, symbols: PolicySymbols, alternative: Ast.ReadingAlternative): string {
  const edits = alternative.replacements.map((replacement) => {
    const span = replacedSpan(symbols, replacement.statement.text, replacement.clause);
    if (span === undefined || span === "no statement")
      throw new Error(`policyc: the alternative's replacement of ${replacement.statement.text} was not checked`);
    return { span, value: replacement.valueText };
  });
  edits.sort((a, b) => b.span.offset - a.span.offset);
  return edits.reduce(
    (changed, edit) => changed.slice(0, edit.span.offset) + edit.value + changed.slice(edit.span.endOffset),
    text,
  );
}
