// The policy's symbol tables: every declared name, collected once, with duplicates reported.
// Input: the statements of one policy file. Output: PolicySymbols, which later checks and the
// lowering stage read; the AST itself is never modified.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DeclaredKind } from "../diagnostics/message-arguments.js";

/** Statements numbered in the policy's outline: I, I.A, I.A.1, II.note-1... */
export type OutlineStatement = Ast.Section | Ast.Criterion | Ast.Exclusion | Ast.Note | Ast.ServiceItem;

export interface PolicySymbols {
  readonly file: string;
  readonly header: Ast.PolicyHeader | undefined;
  readonly revisions: readonly Ast.Revision[];
  readonly categories: ReadonlyMap<string, Ast.CategoryDeclaration>;
  readonly facts: ReadonlyMap<string, Ast.FactDeclaration>;
  readonly definitions: ReadonlyMap<string, Ast.Definition>;
  /** In source order. */
  readonly outline: ReadonlyMap<string, OutlineStatement>;
  readonly exceptions: ReadonlyMap<string, Ast.Exception>;
  readonly prose: readonly Ast.Prose[];
  readonly codes: readonly Ast.CodeEntry[];
  readonly codeGroups: ReadonlyMap<string, Ast.CodeGroup>;
  readonly references: readonly Ast.Reference[];
  /** Value sets by name, in source order. */
  readonly valueSets: ReadonlyMap<string, Ast.ValueSetDeclaration>;
}

/** "criterion I.A.3", "fact member.age": where a diagnostic sits, in the author's terms. */
export function describeStatement(statement: Ast.Statement): string {
  switch (statement.kind) {
    case "policy":
      return `policy ${statement.reference.text}`;
    case "revision":
      return `revision ${statement.approved.text}`;
    case "category":
      return `category ${statement.name.text}`;
    case "fact":
      return `fact ${statement.name.text}`;
    case "definition":
      return `definition ${statement.name.text}`;
    case "section":
    case "criterion":
    case "exclusion":
    case "note":
    case "service":
    case "exception":
    case "prose":
      return `${statement.kind} ${statement.id.text}`;
    case "code":
      return `code ${codeLabel(statement)}`;
    case "codeGroup":
      return `code group ${statement.name.text}`;
    case "claimCase":
      return `claim case "${statement.title.value}"`;
    case "reference":
      return `reference ${statement.number}`;
    case "layout":
      return `layout "${statement.text.value}"`;
    case "cases":
      return `cases for ${statement.policy.text}`;
    case "factSet":
      return `facts ${statement.name.text}`;
    case "case":
      return `case "${statement.title.value}"`;
    case "valueSet":
      return `value set ${statement.name.text}`;
    case "fhirMapping":
      return "the FHIR mapping";
  }
}

/** Statements whose id becomes an anchor in the docs and a name in expressions: one namespace. */
type AnchoredStatement = OutlineStatement | Ast.Definition | Ast.Exception | Ast.Prose;

/**
 * What two statements that claim one anchor are declared as, for PC010: sections, criteria,
 * exclusions, notes and services share one numbering, so two of them are two of one number.
 */
function anchorKinds(first: AnchoredStatement, second: AnchoredStatement): [DeclaredKind, DeclaredKind] {
  const numbered = (kind: AnchoredStatement["kind"]) =>
    kind !== "definition" && kind !== "exception" && kind !== "prose";
  return numbered(first.kind) && numbered(second.kind) ? ["number", "number"] : [first.kind, second.kind];
}

/** A code as the policy lists it: `S9494`, or `T1002 SD` with its modifier. */
export function codeLabel(code: Ast.CodeEntry): string {
  return code.modifier ? `${code.code.text} ${code.modifier.text}` : code.code.text;
}

/** The key of a code's billing note in a checked policy's lifetimes: `S9379#0`. */
export function billingKey(code: Ast.CodeEntry, index: number): string {
  return `${codeLabel(code)}#${index}`;
}

/** The id one level up: `I.A.3` -> `I.A`, `II.note-1` -> `II`, `I` -> undefined. */
export function parentId(id: string): string | undefined {
  const dot = id.lastIndexOf(".");
  return dot < 0 ? undefined : id.slice(0, dot);
}

export function collectSymbols(source: Ast.SourceFile, diagnostics: Diagnostic[]): PolicySymbols {
  const file = source.path;
  const headers: Ast.PolicyHeader[] = [];
  const revisions: Ast.Revision[] = [];
  const categories = new Map<string, Ast.CategoryDeclaration>();
  const facts = new Map<string, Ast.FactDeclaration>();
  const definitions = new Map<string, Ast.Definition>();
  const outline = new Map<string, OutlineStatement>();
  const exceptions = new Map<string, Ast.Exception>();
  const prose: Ast.Prose[] = [];
  const codes: Ast.CodeEntry[] = [];
  const codeGroups = new Map<string, Ast.CodeGroup>();
  const references: Ast.Reference[] = [];
  const valueSets = new Map<string, Ast.ValueSetDeclaration>();
  /** Every id that becomes an anchor in the docs and a name in expressions shares one namespace. */
  const anchors = new Map<string, AnchoredStatement>();

  const duplicate = (
    name: Ast.Word,
    kinds: [DeclaredKind, DeclaredKind],
    first: Ast.Statement,
    statement: Ast.Statement,
  ) => {
    diagnostics.push(
      diagnostic(
        catalogue.duplicateName,
        file,
        name.span,
        { name: name.text, first: kinds[0], second: kinds[1] },
        {
          hint: "Give each one its own name, or remove one of them.",
          context: describeStatement(statement),
          related: [{ file, span: first.span, message: "first declared here" }],
        },
      ),
    );
  };

  const claimAnchor = (id: Ast.Word, statement: AnchoredStatement): boolean => {
    const existing = anchors.get(id.text);
    if (existing) {
      duplicate(id, anchorKinds(existing, statement), existing, statement);
      return false;
    }
    anchors.set(id.text, statement);
    return true;
  };

  for (const statement of source.statements) {
    switch (statement.kind) {
      case "policy":
        headers.push(statement);
        break;
      case "revision":
        revisions.push(statement);
        break;
      case "category": {
        const existing = categories.get(statement.name.text);
        if (existing) duplicate(statement.name, ["category", "category"], existing, statement);
        else categories.set(statement.name.text, statement);
        break;
      }
      case "fact": {
        const existing = facts.get(statement.name.text);
        if (existing) duplicate(statement.name, ["fact", "fact"], existing, statement);
        else facts.set(statement.name.text, statement);
        break;
      }
      case "definition":
        if (claimAnchor(statement.name, statement)) definitions.set(statement.name.text, statement);
        break;
      case "section":
      case "criterion":
      case "exclusion":
      case "note":
      case "service":
        if (claimAnchor(statement.id, statement)) outline.set(statement.id.text, statement);
        break;
      case "exception":
        if (claimAnchor(statement.id, statement)) exceptions.set(statement.id.text, statement);
        break;
      case "prose":
        if (claimAnchor(statement.id, statement)) prose.push(statement);
        break;
      case "code":
        codes.push(statement);
        break;
      case "codeGroup": {
        const existing = codeGroups.get(statement.name.text);
        if (existing) duplicate(statement.name, ["code group", "code group"], existing, statement);
        else codeGroups.set(statement.name.text, statement);
        break;
      }
      case "reference":
        references.push(statement);
        break;
      case "valueSet": {
        const existing = valueSets.get(statement.name.text);
        if (existing) duplicate(statement.name, ["value set", "value set"], existing, statement);
        else valueSets.set(statement.name.text, statement);
        break;
      }
      case "cases":
      case "factSet":
      case "case":
      case "claimCase":
        diagnostics.push(
          diagnostic(
            catalogue.misplacedStatement,
            file,
            statement.span,
            { statement: statement.kind },
            {
              hint: "Move this to a file ending in `.cases` that starts with `cases for <policy>`.",
            },
          ),
        );
        break;
    }
  }

  // A condition names a fact, a definition or a criterion by the same kind of word: one name, one meaning.
  for (const fact of facts.values()) {
    const other = anchors.get(fact.name.text);
    if (!other) continue;
    const otherName = other.kind === "definition" ? other.name : other.id;
    const factFirst = fact.span.offset < other.span.offset;
    diagnostics.push(
      diagnostic(
        catalogue.duplicateName,
        file,
        factFirst ? otherName.span : fact.name.span,
        { name: fact.name.text, first: factFirst ? "fact" : other.kind, second: factFirst ? other.kind : "fact" },
        {
          hint: "Rename one of them: a condition must know which one it means.",
          context: describeStatement(factFirst ? other : fact),
          related: [{ file, span: factFirst ? fact.name.span : otherName.span, message: "the other one" }],
        },
      ),
    );
  }

  for (const extra of headers.slice(1)) {
    diagnostics.push(
      diagnostic(
        catalogue.secondPolicyInFile,
        file,
        extra.reference.span,
        { statement: "policy" },
        {
          hint: "Put each policy in its own file.",
          related: headers[0] ? [{ file, span: headers[0].reference.span, message: "first policy here" }] : [],
        },
      ),
    );
  }
  checkCodesUnique(codes, file, diagnostics);
  checkReferencesUnique(references, file, diagnostics);

  return {
    file,
    header: headers[0],
    revisions,
    categories,
    facts,
    definitions,
    outline,
    exceptions,
    prose,
    codes,
    codeGroups,
    references,
    valueSets,
  };
}

function checkCodesUnique(codes: readonly Ast.CodeEntry[], file: string, diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Ast.CodeEntry>();
  for (const code of codes) {
    // NOTE: keyed by the code alone: a claim line is matched to its entry by code, modifiers aside.
    const key = code.code.text;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, code);
      continue;
    }
    diagnostics.push(
      diagnostic(
        catalogue.duplicateName,
        file,
        code.code.span,
        { name: key, first: "code", second: "code" },
        {
          hint: "List each code once; give it several `billing` clauses if it has several rules.",
          related: [{ file, span: first.code.span, message: "first listed here" }],
        },
      ),
    );
  }
}

function checkReferencesUnique(references: readonly Ast.Reference[], file: string, diagnostics: Diagnostic[]): void {
  const seen = new Map<number, Ast.Reference>();
  for (const reference of references) {
    const first = seen.get(reference.number);
    if (!first) {
      seen.set(reference.number, reference);
      continue;
    }
    diagnostics.push(
      diagnostic(
        catalogue.duplicateName,
        file,
        reference.span,
        { name: String(reference.number), first: "reference", second: "reference" },
        {
          hint: "Number the references 1, 2, 3 and so on.",
          related: [{ file, span: first.span, message: "first listed here" }],
        },
      ),
    );
  }
}
