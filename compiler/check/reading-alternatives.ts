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

/** A reading, with the statement it is on: a top-level statement, or a billing rule under a code. */
export interface ReadingSite {
  /** The id, name or revision of the statement the reading is on, as the model keys its readings. */
  readonly owner: string;
  /** The statement itself (a billing rule is under its code statement). */
  readonly statement: Ast.Statement | Ast.BillingRule;
  readonly reading: Ast.Reading;
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
  excludesServices: "excludes services",
  addedIn: "added in",
  rule: "rule",
  group: "group",
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

/** A reading worth collecting: one that rejects an alternative or says it decides nothing (with `all`, any). */
function isMarkedReading(value: unknown, all: boolean): value is Ast.Reading {
  if (typeof value !== "object" || value === null || !("text" in value)) return false;
  if ("alternative" in value || "decidesNothing" in value) return true;
  // An unmarked reading is `{ text }` alone: nothing else of the AST has a text and no other field.
  return all && Object.keys(value).length === 1;
}

function isBillingRule(value: object): value is Ast.BillingRule {
  return "body" in value && "bodySpan" in value && "id" in value;
}

/** Every marked reading under `value` (a statement's versions, its billing rules), each with its owner. */
function collectReadings(
  value: unknown,
  owner: Pick<ReadingSite, "owner" | "statement">,
  found: ReadingSite[],
  all: boolean,
): void {
  if (Array.isArray(value)) for (const item of value) collectReadings(item, owner, found, all);
  else if (isMarkedReading(value, all)) found.push({ ...owner, reading: value });
  else if (typeof value === "object" && value !== null) {
    // A billing rule's readings are the rule's, as the model and the register key them.
    const here = isBillingRule(value) ? { owner: value.id.text, statement: value } : owner;
    for (const child of Object.values(value)) collectReadings(child, here, found, all);
  }
}

/**
 * Every reading that rejects an alternative or says it decides nothing, with the statement it is on;
 * with `all`, every reading.
 */
export function readingSites(source: Ast.SourceFile, all = false): ReadingSite[] {
  const found: ReadingSite[] = [];
  for (const statement of source.statements) {
    const owner = ownerOf(statement);
    if (owner !== undefined) collectReadings(statement, { owner, statement }, found, all);
  }
  return found;
}

export function alternativeSites(source: Ast.SourceFile): AlternativeSite[] {
  return readingSites(source).flatMap(({ owner, reading }) =>
    reading.alternative ? [{ owner, reading: reading.text.value, alternative: reading.alternative }] : [],
  );
}

/** The billing rule of this id, under any code and billing sentence. */
function billingRule(symbols: PolicySymbols, id: string): Ast.BillingRule | undefined {
  for (const code of symbols.codes)
    for (const rule of [...code.rules, ...code.billing.flatMap((note) => note.rules)])
      if (rule.id.text === id) return rule;
  return undefined;
}

/** One span from the first to the last of `spans`. */
function spanning(first: Ast.Span | undefined, last: Ast.Span | undefined): Ast.Span | undefined {
  return first && last && { ...first, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn };
}

/** An empty span at the end of `span`: where a clause the statement lacks is added. */
function endOf(span: Ast.Span): Ast.Span {
  return { ...span, offset: span.endOffset, line: span.endLine, column: span.endColumn };
}

/**
 * What a replacement edits: the span of the clause it replaces, or, for a clause the statement may
 * have but lacks (`added in`, a note's `not covered`), an empty span after its words where the
 * clause is added, with the words that start it (`before`).
 */
interface ReplacedPlace {
  readonly span: Ast.Span;
  readonly before: string;
  /** The statement's keyword, rewritten: a service read as a criterion becomes `criterion`. */
  readonly keyword?: { readonly span: Ast.Span; readonly value: string };
}

function replaced(span: Ast.Span | undefined): ReplacedPlace | undefined {
  return span && { span, before: "" };
}

function added(after: Ast.Span, before: string): ReplacedPlace {
  return { span: endOf(after), before };
}

/** The span of a service's `service` keyword (its statement starts with it), to become `criterion`. */
function serviceKeyword(statement: Ast.ServiceItem): ReplacedPlace["keyword"] {
  const span = { ...statement.span, endOffset: statement.span.offset + "service".length };
  return { span: { ...span, endLine: span.line, endColumn: span.column + "service".length }, value: "criterion" };
}

/** Where a statement's own clause of a kind is written (the span an alternative replaces), if it has one. */
function replacedSpan(
  symbols: PolicySymbols,
  id: string,
  clause: Ast.AlternativeClause,
): ReplacedPlace | undefined | "no statement" {
  if (clause === "effective") {
    const revision = symbols.revisions.find((candidate) => candidate.approved.text === id);
    return revision ? replaced(revision.effective?.span) : "no statement";
  }
  if (clause === "definitionBody") {
    const definition = symbols.definitions.get(id);
    return definition ? replaced(definition.body.span) : "no statement";
  }
  if (clause === "rule") {
    const rule = billingRule(symbols, id);
    return rule ? replaced(rule.bodySpan) : "no statement";
  }
  if (clause === "group") {
    const group = symbols.codeGroups.get(id);
    return group ? replaced(spanning(group.codes[0]?.span, group.codes.at(-1)?.span)) : "no statement";
  }
  const statement = symbols.outline.get(id) ?? symbols.exceptions.get(id);
  if (!statement) return "no statement";
  switch (clause) {
    case "category":
      return replaced("category" in statement ? statement.category?.span : undefined);
    case "metWhen":
      // A service read as a coverage criterion: the alternative makes it one, met when ...
      if (statement.kind === "service")
        return { ...added(statement.text.span, "\n  met when "), keyword: serviceKeyword(statement) };
      return replaced(statement.kind === "criterion" ? statement.metWhen?.span : undefined);
    case "notCovered":
      if (statement.kind === "exclusion") return replaced(statement.notCovered?.span);
      if (statement.kind !== "note") return undefined;
      // A note that carries no rule may be given one: a duty read as a member criterion, say.
      if (statement.notCovered) return replaced(statement.notCovered.span);
      return statement.excludesServices ? undefined : added(statement.text.span, " ");
    case "appliesWhen":
      return replaced(
        statement.kind === "section" || statement.kind === "exception" ? statement.appliesWhen?.span : undefined,
      );
    case "overrides":
      return replaced(
        statement.kind === "exception"
          ? spanning(statement.overrides[0]?.span, statement.overrides.at(-1)?.span)
          : undefined,
      );
    case "excludesServices":
      return replaced(statement.kind === "note" ? statement.excludesServices?.span : undefined);
    case "addedIn":
      // A statement without `added in` is in force from the first revision; the alternative adds one.
      if (statement.added) return replaced(statement.added.span);
      return added(
        "text" in statement && statement.text
          ? statement.text.span
          : "title" in statement
            ? statement.title.span
            : statement.id.span,
        " added in ",
      );
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
                  ? "Name a criterion, exclusion, note, section or exception of this policy, a definition (for `as`), a revision (for `effective`), a billing rule (for `rule`) or a code group (for `group`)."
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
  const edits = alternative.replacements.flatMap((replacement) => {
    const place = replacedSpan(symbols, replacement.statement.text, replacement.clause);
    if (place === undefined || place === "no statement")
      throw new Error(`policyc: the alternative's replacement of ${replacement.statement.text} was not checked`);
    return [
      { span: place.span, value: place.before + replacement.valueText },
      ...(place.keyword ? [place.keyword] : []),
    ];
  });
  edits.sort((a, b) => b.span.offset - a.span.offset);
  const replaced = edits.reduce(
    (changed, edit) => changed.slice(0, edit.span.offset) + edit.value + changed.slice(edit.span.endOffset),
    text,
  );
  // The facts it declares go at the end, as statements of their own.
  const facts = alternative.facts.map(({ span }) => text.slice(span.offset, span.endOffset));
  return facts.length === 0 ? replaced : `${replaced}\n\n${facts.join("\n\n")}\n`;
}
