// A reading that says `decides nothing` claims its impact is none: no decision and no claim check
// can change with it. The claim holds only when the statement it is on is read by neither (prose, a
// note without a rule, a service whose section no services exclusion names, a section with no logic
// under it); anything else is PC107. Input: the AST and symbols; output: diagnostics.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import type { DecidingStatement } from "../diagnostics/message-arguments.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { readingSites } from "./reading-alternatives.js";
import { parentId, type PolicySymbols } from "./symbols.js";

/** The sections a services exclusion names, each with the note that names it. */
function excludedSections(symbols: PolicySymbols): Map<string, string> {
  const named = new Map<string, string>();
  for (const statement of symbols.outline.values())
    if (statement.kind === "note" && statement.excludesServices)
      named.set(statement.excludesServices.section.text, statement.id.text);
  return named;
}

/** The statements a billing rule's `qualified under` names (the claim check reads the decision's path through them). */
function qualifyingNames(source: Ast.SourceFile): Map<string, string> {
  const named = new Map<string, string>();
  const visit = (value: unknown, rule: string | undefined): void => {
    if (Array.isArray(value)) for (const item of value) visit(item, rule);
    else if (typeof value === "object" && value !== null) {
      const here = "bodySpan" in value && "id" in value ? (value as Ast.BillingRule).id.text : rule;
      if ("kind" in value && value.kind === "qualifiedUnder" && "statement" in value && here !== undefined)
        named.set((value as { statement: Ast.Word }).statement.text, here);
      for (const child of Object.values(value)) visit(child, here);
    }
  };
  for (const statement of source.statements) if (statement.kind === "code") visit(statement, undefined);
  return named;
}

/** Whether an outline statement denies or excludes by logic of its own. */
function hasOwnLogic(statement: Ast.Statement): boolean {
  switch (statement.kind) {
    case "criterion":
    case "exclusion":
      return true;
    case "note":
      return statement.notCovered !== undefined || statement.excludesServices !== undefined;
    case "section":
      return statement.appliesWhen !== undefined;
    default:
      return false;
  }
}

/** Why the decision or the claim check reads `statement`, or undefined when neither does. */
export function whyItDecides(
  statement: Ast.Statement | Ast.BillingRule,
  symbols: PolicySymbols,
  source: Ast.SourceFile,
): DecidingStatement | undefined {
  if (!("kind" in statement)) return { kind: "billing rule" };
  switch (statement.kind) {
    case "prose":
    case "layout":
    case "reference":
      return undefined;
    case "note":
      return hasOwnLogic(statement) ? { kind: "note" } : undefined;
    case "service":
    case "section": {
      const id = statement.id.text;
      if (statement.kind === "section" && statement.appliesWhen) return { kind: "section" };
      const excluded = excludedSections(symbols);
      for (let at: string | undefined = id; at !== undefined; at = parentId(at)) {
        const by = excluded.get(at);
        if (by !== undefined) return { kind: "services", section: at, by };
      }
      if (statement.kind === "service") return undefined;
      const qualifying = qualifyingNames(source).get(id);
      if (qualifying !== undefined) return { kind: "qualifying", by: qualifying };
      const under = [...symbols.outline.values()].find(
        (other) => other.id.text.startsWith(`${id}.`) && hasOwnLogic(other),
      );
      return under ? { kind: "holds", rule: under.id.text } : undefined;
    }
    case "revision":
      return { kind: "revision" };
    default:
      return { kind: "logic" };
  }
}

export function checkReadingsThatDecideNothing(
  source: Ast.SourceFile,
  symbols: PolicySymbols,
  diagnostics: Diagnostic[],
): void {
  for (const { owner, statement, reading } of readingSites(source)) {
    if (!reading.decidesNothing) continue;
    const why = whyItDecides(statement, symbols, source);
    if (why === undefined) continue;
    diagnostics.push(
      diagnostic(
        catalogue.readingDecides,
        symbols.file,
        reading.decidesNothing,
        { id: owner, why },
        {
          hint: "Write the reading it rejects as logic (`alternative`), or put the reading on the statement that decides nothing.",
        },
      ),
    );
  }
}
