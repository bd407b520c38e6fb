// Case files: the tests a policy author writes. Input: a parsed `.cases` file and the models of the
// policies that checked cleanly. Output: each case resolved to plain facts (as an engineer would pass
// them to `evaluate`) with its expectations, and a diagnostic for every mistake.

import type { ClaimCheckOptions, ClaimDecision } from "../runtime/index.js";
import type * as Ast from "../syntax/ast.js";
import type { FactModel, PolicyModel } from "../model/policy-model.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { UnknownKind } from "../diagnostics/message-arguments.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { describeStatement } from "../check/symbols.js";
import { isValidDate, valueText, valueTypeWord } from "../check/literals.js";
import { compareText } from "../diagnostics/compare-text.js";
import { normalUnit, percentNormal } from "../syntax/number-units.js";
import { isCodeOf, isCodeSystem } from "../runtime/codes.js";
import { checkExpectedPending } from "./claim-case-pending.js";

export type FactValue = boolean | number | string | readonly string[] | readonly RecordFacts[];

/** A record of a list fact in a case: its known fields, by name. */
export interface RecordFacts {
  readonly [field: string]: FactValue;
}

export interface CaseExpectation {
  readonly outcome: Ast.ExpectedOutcome;
  /** Reasons that deny (not covered), are undecided (pending), or were set aside (covered). */
  readonly because?: readonly string[];
  readonly asking?: readonly string[];
  readonly exceptionsApplied: readonly string[];
  readonly priorApprovalRequired: boolean;
  readonly servicesNotCovered: readonly string[];
  /** When the case says so: the alternatives a covered decision qualified under, and the statements whose limitations it lists. */
  readonly qualifiedUnder?: readonly string[];
  readonly limitations?: readonly string[];
}

export interface ResolvedClaimCase {
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly policy: string;
  /** As `checkClaim` takes it: service date, claim facts by field, lines. */
  readonly claim: Readonly<Record<string, unknown>>;
  /** The ids of the rules the claim must break, exactly; empty for a clean claim. */
  readonly expectViolations: readonly string[];
  /** The ids of the rules the check must be pending on, exactly (`expect pending`); empty when left out. */
  readonly expectPending: readonly string[];
  /** As `checkClaim` takes its options: the coverage decision the case gives (`decision covered ...`). */
  readonly options: ClaimCheckOptions;
}

export interface ResolvedCase {
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly policy: string;
  readonly asOf: string;
  /** Nested as the evaluator takes them: `{ member: { age: 45 } }`. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly expect: CaseExpectation;
}

type Assigned = Map<string, FactValue | undefined>;

function nest(flat: Assigned): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of [...flat.entries()].sort(([a], [b]) => compareText(a, b))) {
    if (value === undefined) continue;
    const parts = name.split(".");
    let group = root;
    for (const part of parts.slice(0, -1)) {
      const next = group[part];
      if (typeof next === "object" && next !== null && !Array.isArray(next)) group = next as Record<string, unknown>;
      else group = group[part] = {};
    }
    group[parts[parts.length - 1]!] = value;
  }
  return root;
}

class CasesChecker {
  readonly diagnostics: Diagnostic[] = [];
  private model: PolicyModel | undefined;
  private facts = new Map<string, FactModel>();
  private readonly factSets = new Map<string, Ast.FactSet>();
  private readonly resolvedSets = new Map<string, Assigned>();

  constructor(
    private readonly source: Ast.SourceFile,
    private readonly policies: ReadonlyMap<string, PolicyModel>,
    private readonly policiesWithErrors: ReadonlySet<string>,
  ) {}

  private report<Arguments>(
    entry: CatalogueEntry<Arguments>,
    span: Ast.Span,
    args: NoInfer<Arguments>,
    context?: string,
    hint?: string,
  ): void {
    this.diagnostics.push(
      diagnostic(entry, this.source.path, span, args, {
        ...(context !== undefined && { context }),
        ...(hint !== undefined && { hint }),
      }),
    );
  }

  readonly claimCases: ResolvedClaimCase[] = [];

  run(): ResolvedCase[] {
    const headers = this.source.statements.filter((s): s is Ast.CasesHeader => s.kind === "cases");
    const header = headers[0];
    if (!header) {
      const start: Ast.Span = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
      this.report(
        catalogue.missingClause,
        start,
        { statement: "file", clause: "cases for" },
        undefined,
        "Start it with `cases for <reference number>`.",
      );
      return [];
    }
    for (const extra of headers.slice(1))
      this.report(catalogue.secondPolicyInFile, extra.span, { statement: "cases for" });
    this.model = this.policies.get(header.policy.text);
    if (!this.model && this.policiesWithErrors.has(header.policy.text)) return [];
    if (!this.model) {
      this.report(
        catalogue.unknownPolicy,
        header.policy.span,
        { reference: header.policy.text },
        describeStatement(header),
        didYouMean(header.policy.text, this.policies.keys()),
      );
      return [];
    }
    this.facts = new Map(this.model.facts.map((fact) => [fact.name, fact]));

    for (const statement of this.source.statements) {
      if (statement.kind === "factSet") {
        const first = this.factSets.get(statement.name.text);
        if (first)
          this.diagnostics.push(
            diagnostic(
              catalogue.duplicateName,
              this.source.path,
              statement.name.span,
              { name: statement.name.text, first: "set of facts", second: "set of facts" },
              { related: [{ file: this.source.path, span: first.name.span, message: "first declared here" }] },
            ),
          );
        else this.factSets.set(statement.name.text, statement);
      } else if (statement.kind === "claimCase") {
        const resolved = this.resolveClaimCase(statement);
        if (resolved) this.claimCases.push(resolved);
      } else if (statement.kind !== "cases" && statement.kind !== "case") {
        this.report(catalogue.misplacedStatement, statement.span, { statement: statement.kind });
      }
    }
    for (const set of this.factSets.values()) this.resolveSet(set, []);
    return this.source.statements.flatMap((statement) =>
      statement.kind === "case" ? this.resolveCase(statement) : [],
    );
  }

  private resolveSet(set: Ast.FactSet, path: string[]): Assigned {
    const done = this.resolvedSets.get(set.name.text);
    if (done) return done;
    if (path.includes(set.name.text)) {
      this.report(catalogue.definitionCycle, set.name.span, { name: set.name.text, cycle: [...path, set.name.text] });
      return new Map();
    }
    const assigned = this.applyGiven(set.given, describeStatement(set), [...path, set.name.text]);
    this.applyAssignments(assigned, set.assignments, describeStatement(set));
    this.resolvedSets.set(set.name.text, assigned);
    return assigned;
  }

  private applyGiven(given: readonly Ast.Word[], context: string, path: string[]): Assigned {
    const assigned: Assigned = new Map();
    for (const name of given) {
      const set = this.factSets.get(name.text);
      if (!set) {
        this.report(
          catalogue.unknownName,
          name.span,
          { name: name.text, kind: "set of facts" },
          context,
          didYouMean(name.text, this.factSets.keys()),
        );
        continue;
      }
      for (const [fact, value] of this.resolveSet(set, path)) assigned.set(fact, value);
    }
    return assigned;
  }

  private applyAssignments(
    assigned: Assigned,
    assignments: readonly Ast.Assignment[],
    context: string,
    facts = this.facts,
  ): void {
    for (const assignment of assignments) {
      const fact = facts.get(assignment.fact.text);
      if (!fact) {
        this.report(
          catalogue.unknownName,
          assignment.fact.span,
          { name: assignment.fact.text, kind: "fact" },
          context,
          didYouMean(assignment.fact.text, facts.keys()),
        );
        continue;
      }
      if (assignment.value.kind === "unknown") {
        assigned.set(fact.name, undefined);
        continue;
      }
      const value = this.factValue(fact, assignment.value, context);
      if (value !== undefined) assigned.set(fact.name, value);
    }
  }

  private factValue(
    fact: FactModel,
    assigned: Exclude<Ast.AssignedValue, { kind: "unknown" }>,
    context: string,
  ): FactValue | undefined {
    const type = fact.type;
    if (type.kind === "list") return this.recordsValue(fact, type, assigned, context);
    if (assigned.kind === "records") {
      this.report(
        catalogue.typeMismatch,
        assigned.span,
        { subject: "[...]", is: "a list", needs: { by: "fact", fact: fact.name, takes: "one value" } },
        context,
      );
      return undefined;
    }
    if (type.kind === "codes") {
      const values = assigned.kind === "list" ? assigned.values : [assigned.value];
      const codes = values.map((value) => this.caseCode(fact, type.system, value, context));
      return codes.every((code): code is string => code !== undefined) ? codes : undefined;
    }
    if (type.kind === "setOf") {
      const values = assigned.kind === "list" ? assigned.values : [assigned.value];
      const words = values.map((value) => this.enumWord(fact, value, context));
      return words.every((word): word is string => word !== undefined) ? words : undefined;
    }
    if (assigned.kind === "list") {
      this.report(
        catalogue.typeMismatch,
        assigned.span,
        {
          subject: `(${assigned.values.map(valueText).join(", ")})`,
          is: "a list",
          needs: { by: "fact", fact: fact.name, takes: "one value" },
        },
        context,
      );
      return undefined;
    }
    const value = assigned.value;
    switch (type.kind) {
      case "code":
        return this.caseCode(fact, type.system, value, context);
      case "oneOf":
        return this.enumWord(fact, value, context);
      case "boolean":
        if (value.kind === "word" && (value.word.text === "yes" || value.word.text === "no"))
          return value.word.text === "yes";
        this.report(
          catalogue.typeMismatch,
          value.span,
          {
            subject: valueText(value),
            is: valueTypeWord(value),
            needs: { by: "fact", fact: fact.name, takes: "`yes` or `no`" },
          },
          context,
          "Write `yes` or `no`.",
        );
        return undefined;
      case "number":
        if (value.kind !== "number") {
          this.report(
            catalogue.typeMismatch,
            value.span,
            {
              subject: valueText(value),
              is: valueTypeWord(value),
              needs: { by: "fact", fact: fact.name, takes: "a number" },
            },
            context,
          );
          return undefined;
        }
        if (value.percent && (type.unit === undefined || normalUnit(type.unit) !== percentNormal)) {
          this.report(
            catalogue.unitMismatch,
            value.span,
            {
              operation: "compare",
              left: { text: `${value.value}%`, unit: percentNormal, from: { kind: "percent" } },
              right: { text: fact.name, unit: type.unit, from: { kind: "fact", fact: fact.name } },
            },
            context,
            `Write the number without \`%\`: \`${value.value}\`${type.unit === undefined ? "" : ` (in ${type.unit})`}.`,
          );
          return undefined;
        }
        if ((type.min !== undefined && value.value < type.min) || (type.max !== undefined && value.value > type.max)) {
          this.report(
            catalogue.valueOutOfRange,
            value.span,
            {
              value: value.value,
              fact: fact.name,
              ...(type.min !== undefined && { min: type.min }),
              ...(type.max !== undefined && { max: type.max }),
            },
            context,
          );
          return undefined;
        }
        return value.value;
      case "date":
        if (value.kind !== "date") {
          this.report(
            catalogue.typeMismatch,
            value.span,
            {
              subject: valueText(value),
              is: valueTypeWord(value),
              needs: { by: "fact", fact: fact.name, takes: "a date (YYYY-MM-DD)" },
            },
            context,
          );
          return undefined;
        }
        if (!isValidDate(value.value)) {
          this.report(catalogue.invalidLiteral, value.span, { text: value.value, expected: "date" }, context);
          return undefined;
        }
        return value.value;
    }
  }

  /** The records of a list fact: each field one of the list's, given once, of its field's type. */
  private recordsValue(
    fact: FactModel,
    type: Extract<FactModel["type"], { kind: "list" }>,
    assigned: Exclude<Ast.AssignedValue, { kind: "unknown" }>,
    context: string,
  ): FactValue | undefined {
    const first = type.fields[0]?.name ?? "field";
    if (assigned.kind !== "records") {
      this.report(
        catalogue.caseRecordProblem,
        assigned.span,
        { list: fact.name, index: 0, field: first, problem: "a list of records is expected" },
        context,
      );
      return undefined;
    }
    let valid = true;
    const records = assigned.records.map((record, index) => {
      const values: Record<string, FactValue> = {};
      for (const given of record.fields) {
        const field = type.fields.find((candidate) => candidate.name === given.name.text);
        const problem = !field ? "not a field" : Object.hasOwn(values, given.name.text) ? "given twice" : undefined;
        if (problem || !field) {
          valid = false;
          this.report(
            catalogue.caseRecordProblem,
            given.name.span,
            { list: fact.name, index, field: given.name.text, problem: problem ?? "not a field" },
            context,
            didYouMean(
              given.name.text,
              type.fields.map((candidate) => candidate.name),
            ) ?? `The fields are: ${type.fields.map((candidate) => candidate.name).join(", ")}.`,
          );
          continue;
        }
        if (given.value.kind === "unknown") continue;
        const fieldFact: FactModel = {
          name: `${fact.name}[${index}].${field.name}`,
          type: field.type,
          description: field.label,
          question: "",
          readBy: [],
        };
        const value = this.factValue(fieldFact, given.value, context);
        if (value === undefined) valid = false;
        else values[field.name] = value;
      }
      return values;
    });
    return valid ? records : undefined;
  }

  /** A code as a case writes it (`J44.1`, `E0431`, `99213`), of the shape of its fact's system. */
  private caseCode(fact: FactModel, system: string, value: Ast.Value, context: string): string | undefined {
    const code = value.kind === "word" ? value.word.text : value.kind === "number" ? valueText(value) : undefined;
    if (code !== undefined && isCodeSystem(system) && isCodeOf(system, code)) return code;
    this.report(
      catalogue.typeMismatch,
      value.span,
      {
        subject: valueText(value),
        is: valueTypeWord(value),
        needs: { by: "fact", fact: fact.name, takes: `a code of ${system}` },
      },
      context,
      "Write the code as its code tables do, in capital letters: `J44.1`, `E0431`.",
    );
    return undefined;
  }

  private enumWord(fact: FactModel, value: Ast.Value, context: string): string | undefined {
    const allowed = fact.type.kind === "oneOf" || fact.type.kind === "setOf" ? fact.type.values.map((v) => v.name) : [];
    if (value.kind === "word" && allowed.includes(value.word.text)) return value.word.text;
    const text = valueText(value);
    this.report(
      catalogue.unknownValue,
      value.span,
      { value: text, fact: fact.name },
      context,
      didYouMean(text, allowed) ?? `The values are: ${allowed.join(", ")}.`,
    );
    return undefined;
  }

  private checkIds(words: readonly Ast.Word[], known: readonly string[], kind: UnknownKind, context: string): void {
    for (const word of words) {
      if (!known.includes(word.text)) {
        this.report(catalogue.unknownName, word.span, { name: word.text, kind }, context, didYouMean(word.text, known));
      }
    }
  }

  private resolveClaimCase(statement: Ast.ClaimCase): ResolvedClaimCase | undefined {
    const model = this.model!;
    const context = describeStatement(statement);
    const claimFacts = new Map(model.claimFacts.map((fact) => [fact.name, fact]));
    const assigned: Assigned = new Map();
    this.applyAssignments(assigned, statement.assignments, context, claimFacts);
    const ruleIds = model.billingRules.map((rule) => rule.id);
    this.checkIds(statement.expect?.violations ?? [], ruleIds, "billing rule", context);
    this.checkIds(statement.expectPending?.rules ?? [], ruleIds, "billing rule", context);
    checkExpectedPending(statement, model, (entry, span, args, hint) => this.report(entry, span, args, context, hint));
    const qualifying = [
      ...model.outline.flatMap((entry) => (entry.kind === "note" ? [] : [entry.id])),
      ...model.exceptions.map((e) => e.id),
    ];
    this.checkIds(statement.decision?.qualifiedUnder ?? [], qualifying, "section, criterion or exception", context);
    for (const line of statement.lines) {
      if (!Number.isInteger(line.units))
        this.report(catalogue.invalidLiteral, line.span, { text: String(line.units), expected: "units" }, context);
    }
    if (!statement.on)
      this.report(
        catalogue.missingClause,
        statement.title.span,
        { statement: "claim case", clause: "on" },
        context,
        "Add `on YYYY-MM-DD`.",
      );
    else if (!isValidDate(statement.on.text))
      this.report(catalogue.invalidLiteral, statement.on.span, { text: statement.on.text, expected: "date" }, context);
    if (!statement.expect && !statement.expectPending)
      this.report(
        catalogue.missingClause,
        statement.title.span,
        { statement: "claim case", clause: "expect" },
        context,
        "Add `expect clean`, `expect violations <rule>, ...` or `expect pending <rule>, ...`.",
      );
    if (!statement.on || (!statement.expect && !statement.expectPending)) return undefined;
    const claim: Record<string, unknown> = { serviceDate: statement.on.text };
    for (const [name, value] of assigned) if (value !== undefined) claim[name.replace(/^claim\./, "")] = value;
    claim["lines"] = statement.lines.map((line) => ({
      code: line.code.text,
      ...(line.modifiers.length > 0 && { modifiers: line.modifiers.map((modifier) => modifier.text) }),
      units: line.units,
      ...(line.date && { date: line.date.text }),
    }));
    return {
      title: statement.title.value,
      file: this.source.path,
      line: statement.span.line,
      policy: model.reference,
      claim,
      expectViolations: (statement.expect?.violations ?? []).map((word) => word.text),
      expectPending: (statement.expectPending?.rules ?? []).map((word) => word.text),
      options: statement.decision ? { decision: claimCaseDecision(statement.decision) } : {},
    };
  }

  private resolveCase(statement: Ast.Case): ResolvedCase[] {
    const model = this.model!;
    const context = describeStatement(statement);
    const assigned = this.applyGiven(statement.given, context, []);
    this.applyAssignments(assigned, statement.assignments, context);
    const ruleIds = [
      ...model.rules.filter((rule) => rule.role === "requirement" || rule.role === "exclusion").map((rule) => rule.id),
      ...model.exceptions.map((e) => e.id),
    ];
    this.checkIds(statement.because ?? [], ruleIds, "criterion, exclusion or exception", context);
    this.checkIds(
      statement.asking ?? [],
      model.facts.map((fact) => fact.name),
      "fact",
      context,
    );
    this.checkIds(
      statement.underException ? [statement.underException] : [],
      model.exceptions.map((e) => e.id),
      "exception",
      context,
    );
    const sections = model.outline.flatMap((entry) => (entry.kind === "section" ? [entry.id] : []));
    this.checkIds(statement.excludesServicesOf, sections, "section", context);
    this.checkIds(
      statement.qualifiedUnder ?? [],
      [...model.rules.map((rule) => rule.id), ...sections],
      "criterion or section",
      context,
    );
    this.checkIds(
      statement.limitations ?? [],
      model.limitations.map((limitation) => limitation.id),
      "statement with a limitation",
      context,
    );

    if (!statement.on)
      this.report(
        catalogue.missingClause,
        statement.title.span,
        { statement: "case", clause: "on" },
        context,
        "Add `on YYYY-MM-DD`.",
      );
    else if (!isValidDate(statement.on.text))
      this.report(catalogue.invalidLiteral, statement.on.span, { text: statement.on.text, expected: "date" }, context);
    if (!statement.expect)
      this.report(
        catalogue.missingClause,
        statement.title.span,
        { statement: "case", clause: "expect" },
        context,
        "Add `expect covered`, `expect not covered` or `expect pending`.",
      );
    if (statement.asking && statement.expect && statement.expect.outcome !== "pending") {
      this.report(catalogue.invalidCase, statement.expect.span, {}, context);
    }
    if (!statement.on || !statement.expect) return [];
    return [
      {
        title: statement.title.value,
        file: this.source.path,
        line: statement.span.line,
        policy: model.reference,
        asOf: statement.on.text,
        facts: nest(assigned),
        expect: {
          outcome: statement.expect.outcome,
          ...(statement.because && { because: statement.because.map((word) => word.text) }),
          ...(statement.asking && { asking: statement.asking.map((word) => word.text) }),
          exceptionsApplied: statement.underException ? [statement.underException.text] : [],
          priorApprovalRequired: statement.requiresPriorApproval,
          servicesNotCovered: statement.excludesServicesOf.map((word) => word.text),
          ...(statement.qualifiedUnder && { qualifiedUnder: statement.qualifiedUnder.map((word) => word.text) }),
          ...(statement.limitations && { limitations: statement.limitations.map((word) => word.text) }),
        },
      },
    ];
  }
}

/**
 * Checks a case file against the policies that compiled (`policies`, by reference number). Cases
 * for a policy in `policiesWithErrors` are skipped: its own errors are what to fix first.
 */
export function checkCases(
  source: Ast.SourceFile,
  policies: ReadonlyMap<string, PolicyModel>,
  policiesWithErrors: ReadonlySet<string> = new Set(),
): { cases: ResolvedCase[]; claimCases: ResolvedClaimCase[]; diagnostics: Diagnostic[] } {
  const checker = new CasesChecker(source, policies, policiesWithErrors);
  const cases = checker.run();
  return { cases, claimCases: checker.claimCases, diagnostics: checker.diagnostics };
}

/**
 * A claim case's `decision covered qualified under I`, as checkClaim's `options.decision` takes it.
 * NOTE: a case gives the decision whole, so without `qualified under` its qualifying path is empty
 * (a decision with no path at all is pending for `qualified under` rules: a unit test shows it).
 */
function claimCaseDecision(decision: Ast.ClaimCaseDecision): ClaimDecision {
  return { outcome: decision.outcome, qualifiedUnder: (decision.qualifiedUnder ?? []).map((word) => word.text) };
}
