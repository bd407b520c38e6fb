// Name resolution and type checking of conditions. Input: one expression and the symbol tables.
// Output: diagnostics, and the names the expression reads (for unused-fact warnings and cycles).

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { outlineTypeWord, type TypeWord } from "../diagnostics/message-arguments.js";
import { didYouMean, SuggestionBudget } from "../diagnostics/suggest.js";
import { joinSpans } from "../syntax/cst-tokens.js";
import { operandSource } from "../syntax/operand-source.js";
import { longestDuration, suggestedUnitWords, timeUnitOf, unitWords, type TimeUnit } from "../syntax/time-units.js";
import { normalUnit } from "../syntax/number-units.js";
import { parentId, type PolicySymbols } from "./symbols.js";
import { isValidDate, valueText, valueTypeWord } from "./literals.js";
import type { Resolutions } from "./resolutions.js";
import { factUnit, fieldUnit, literalUnit, unitHint, unitsAgree, unitSide, type NumberUnit } from "./units.js";

/** One budget of "did you mean" per policy checked (diagnostics/suggest.ts says why). */
const suggestionBudgets = new WeakMap<PolicySymbols, SuggestionBudget>();

function suggestionBudget(symbols: PolicySymbols): SuggestionBudget {
  let budget = suggestionBudgets.get(symbols);
  if (!budget) suggestionBudgets.set(symbols, (budget = new SuggestionBudget()));
  return budget;
}

export interface ExpressionReads {
  readonly facts: Set<string>;
  readonly definitions: Set<string>;
  readonly criteria: Set<string>;
  /** Other statements (`criterion I.3`, `section I`) the condition refers to as met. */
  readonly references: Set<string>;
}

export type FactScope = "coverage" | "claim";

export function emptyReads(): ExpressionReads {
  return { facts: new Set(), definitions: new Set(), criteria: new Set(), references: new Set() };
}

type ValidOperandType =
  | { readonly kind: "boolean" | "date" }
  /** A number and its unit (units.ts): part of its type. */
  | { readonly kind: "number"; readonly unit: NumberUnit }
  | { readonly kind: "oneOf" | "setOf"; readonly fact: Ast.FactDeclaration }
  /** A fact of one code or of a set of codes: tested only by membership in a value set. */
  | { readonly kind: "code" | "codes"; readonly fact: Ast.FactDeclaration };

type OperandType = ValidOperandType | { readonly kind: "invalid" };

export function describeFactType(type: Ast.FactType): TypeWord {
  switch (type.kind) {
    case "boolean":
      return "yes or no";
    case "number":
      return "a number";
    case "date":
      return "a date";
    case "oneOf":
      return `one of ${type.values.length} values`;
    case "setOf":
      return `a set of ${type.values.length} values`;
    case "list":
      return "a list of records";
    case "code":
      return "a code";
    case "codes":
      return "a set of codes";
  }
}

/** The records a quantifier goes through, by the name it gives each. */
interface RecordScope {
  readonly variable: string;
  readonly list: Ast.FactDeclaration;
  readonly fields: readonly Ast.RecordFieldDeclaration[];
}

type FieldLookup =
  | { readonly kind: "field"; readonly scope: RecordScope; readonly field: Ast.RecordFieldDeclaration }
  | { readonly kind: "reported" }
  | { readonly kind: "none" };

function describeOperandType(type: ValidOperandType): TypeWord {
  switch (type.kind) {
    case "boolean":
      return "yes or no";
    case "number":
      return "a number";
    case "date":
      return "a date";
    case "oneOf":
    case "setOf":
    case "code":
    case "codes":
      return describeFactType(type.fact.type);
  }
}

class ExpressionChecker {
  readonly reads = emptyReads();
  /** The quantifiers around the condition being checked, outermost first. */
  private readonly recordScopes: RecordScope[] = [];
  /** The value parameters of the definition whose condition this is, by name, with their types. */
  private readonly valueParameters = new Map<
    string,
    { readonly parameter: Extract<Ast.Parameter, { kind: "value" }>; readonly type: ValidOperandType }
  >();
  /** The parameters the condition read (a record parameter by its fields or as an argument). */
  readonly parametersRead = new Set<string>();
  /** A field seen as a fact of its type, so the checks of values and comparisons read it as one. */
  private readonly fieldFacts = new Map<Ast.RecordFieldDeclaration, Ast.FactDeclaration>();

  constructor(
    private readonly symbols: PolicySymbols,
    private readonly context: string,
    private readonly diagnostics: Diagnostic[],
    private readonly resolutions: Resolutions,
    /** The criterion whose `met when` this is: only its own parts (I.C.4 -> I.C.4.a) may be named. */
    private readonly owningCriterion: string | undefined,
    /** Coverage conditions read the facts of a case; billing rules read the facts of a claim. */
    private readonly scope: FactScope,
  ) {}

  /** The fact of that name, if it belongs to this condition's scope (reported when it does not). */
  private scopedFact(name: Ast.Word): Ast.FactDeclaration | undefined {
    const fact = this.symbols.facts.get(name.text);
    if (!fact) return undefined;
    if (fact.forClaims !== (this.scope === "claim")) {
      this.report(
        catalogue.nameOutOfReach,
        name.span,
        { name: name.text, is: this.scope === "claim" ? "coverageFact" : "claimFact" },
        this.scope === "claim" ? "Declare what the rule needs with `claim fact ...`." : undefined,
      );
      return undefined;
    }
    return fact;
  }

  private scopedFactNames(): string[] {
    return [...this.symbols.facts.values()]
      .filter((fact) => fact.forClaims === (this.scope === "claim"))
      .map((fact) => fact.name.text);
  }

  private report<Arguments>(
    entry: CatalogueEntry<Arguments>,
    span: Ast.Span,
    args: NoInfer<Arguments>,
    hint?: string,
  ): void {
    this.diagnostics.push(
      diagnostic(entry, this.symbols.file, span, args, {
        context: this.context,
        ...(hint !== undefined && { hint }),
      }),
    );
  }

  private knownNames(): string[] {
    if (this.scope === "claim") return this.scopedFactNames();
    const criteria = [...this.symbols.outline.values()].filter((s) => s.kind === "criterion").map((s) => s.id.text);
    return [...this.scopedFactNames(), ...this.symbols.definitions.keys(), ...criteria];
  }

  check(expression: Ast.Expression): void {
    switch (expression.kind) {
      case "literal":
        return;
      case "reference":
        return this.checkReference(expression.name);
      case "statementReference":
        return this.checkStatementReference(expression.target, expression.id);
      case "not":
        return this.check(expression.operand);
      case "and":
      case "or":
        for (const operand of expression.operands) this.check(operand);
        return;
      case "quantified":
        for (const operand of expression.operands) this.check(operand);
        if (
          expression.atLeast !== "all" &&
          (expression.atLeast < 1 || expression.atLeast > expression.operands.length)
        ) {
          this.report(
            catalogue.impossibleCount,
            expression.span,
            { count: { kind: "atLeast", atLeast: expression.atLeast, of: expression.operands.length } },
            `Use a count from 1 to ${expression.operands.length}.`,
          );
        }
        return;
      case "comparison":
        return this.checkComparison(expression);
      case "dateWindow":
        return this.checkDateWindow(expression);
      case "is":
        return this.checkIs(expression);
      case "contains":
        return this.checkContains(expression);
      case "inValueSet":
        return this.checkInValueSet(expression);
      case "records":
        return this.checkRecords(expression);
      case "call":
        return this.checkCall(expression);
    }
  }

  /**
   * A definition's parameters: each the name of a record of its list, or a value of a type; false
   * (reported) when one is not.
   */
  enterParameters(parameters: readonly Ast.Parameter[]): boolean {
    let valid = true;
    for (const parameter of parameters) {
      if (parameter.kind === "value") {
        if (!this.checkRecordName(parameter.name)) valid = false;
        else this.valueParameters.set(parameter.name.text, { parameter, type: valueParameterType(parameter) });
        continue;
      }
      const fact = this.scopedFact(parameter.list);
      if (!fact || fact.type.kind !== "list") {
        this.report(
          catalogue.quantifierOverNonList,
          parameter.list.span,
          { name: parameter.list.text, is: fact ? describeFactType(fact.type) : "not a fact" },
          "A parameter is a record of a list fact: `(study: oxygen.studies)`.",
        );
        valid = false;
        continue;
      }
      this.resolutions.set(parameter.list, { kind: "fact", fact });
      if (!this.checkRecordName(parameter.name)) {
        valid = false;
        continue;
      }
      this.recordScopes.push({ variable: parameter.name.text, list: fact, fields: fact.type.fields });
    }
    return valid;
  }

  private checkCall(expression: Extract<Ast.Expression, { kind: "call" }>): void {
    const { name } = expression;
    const definition = this.symbols.definitions.get(name.text);
    if (!definition || this.scope !== "coverage") {
      this.report(
        catalogue.unknownName,
        name.span,
        { name: name.text, kind: "fact, definition or criterion" },
        suggestionBudget(this.symbols).didYouMean(name.text, () => [...this.symbols.definitions.keys()]),
      );
      return;
    }
    this.reads.definitions.add(name.text);
    this.resolutions.set(name, { kind: "definition", definition });
    const wrong = (problem: Parameters<typeof catalogue.wrongDefinitionCall.message>[0]["problem"], span: Ast.Span) =>
      this.report(
        catalogue.wrongDefinitionCall,
        span,
        { name: name.text, problem },
        `It is defined at line ${definition.span.line}.`,
      );
    if (definition.parameters.length === 0) return wrong({ kind: "noParameters" }, expression.span);
    if (definition.parameters.length !== expression.arguments.length)
      return wrong(
        { kind: "arity", expected: definition.parameters.length, given: expression.arguments.length },
        expression.span,
      );
    expression.arguments.forEach((argument, index) => {
      const parameter = definition.parameters[index];
      if (parameter?.kind === "value") return this.checkValueArgument(definition, parameter, argument);
      const named = argument.kind === "name" ? argument.name.text : operandSource(argument);
      const scope = this.recordScopes.find((candidate) => candidate.variable === named);
      const expected = parameter?.list.text ?? "";
      if (!scope) wrong({ kind: "notARecord", argument: named }, argument.span);
      else if (scope.list.name.text !== expected)
        wrong({ kind: "otherList", argument: named, list: scope.list.name.text, expected }, argument.span);
      else this.parametersRead.add(named);
    });
  }

  /** A call's argument for a value parameter: of the parameter's kind, and of its unit for a number (PC108). */
  private checkValueArgument(
    definition: Ast.Definition,
    parameter: Extract<Ast.Parameter, { kind: "value" }>,
    argument: Ast.Operand,
  ): void {
    const named = argument.kind === "name" ? argument.name.text : undefined;
    const given: OperandType | "record" =
      named !== undefined && this.recordScopes.some((scope) => scope.variable === named)
        ? "record"
        : this.operandType(argument);
    if (given !== "record" && given.kind === "invalid") return;
    const expected = valueParameterType(parameter);
    const report = (
      problem: Parameters<typeof catalogue.wrongDefinitionArgument.message>[0]["problem"],
      hint: string,
    ) =>
      this.report(
        catalogue.wrongDefinitionArgument,
        argument.span,
        { name: definition.name.text, parameter: parameter.name.text, argument: operandSource(argument), problem },
        hint,
      );
    if (given !== "record" && given.kind === "date" && argument.kind === "offset") {
      report(
        { kind: "moved" },
        "Give the date itself, and move it inside the definition (`day - 30 days`), or compare with a date window there.",
      );
      return;
    }
    if (given === "record" || given.kind !== expected.kind) {
      report(
        {
          kind: "kind",
          expected: describeOperandType(expected),
          given: given === "record" ? "a record" : describeOperandType(given),
        },
        expected.kind === "number"
          ? `Give it a number${parameter.type.kind === "number" && parameter.type.unit ? ` in ${parameter.type.unit.value}` : ""}: a number fact, a field such as \`study.pressure\`, or a number as written.`
          : expected.kind === "oneOf"
            ? "Give it a fact or a record's field of one of a list, whose values the parameter lists."
            : "Give it a date: a date fact, a date field such as `study.performed`, a date as written or `service date`.",
      );
      return;
    }
    if (given.kind === "oneOf" && expected.kind === "oneOf") {
      // Every value the argument may hold must be one the parameter lists: the condition tests those.
      const listed = new Set(
        expected.fact.type.kind === "oneOf" ? expected.fact.type.values.map((v) => v.name.text) : [],
      );
      const unlisted =
        given.fact.type.kind === "oneOf" ? given.fact.type.values.filter((v) => !listed.has(v.name.text)) : [];
      if (unlisted.length > 0)
        this.report(
          catalogue.unlistedArgumentValues,
          argument.span,
          {
            name: definition.name.text,
            parameter: parameter.name.text,
            argument: operandSource(argument),
            values: unlisted.map((value) => value.name.text),
          },
          `List ${unlisted.map((value) => `\`${value.name.text}\``).join(", ")} among the values of \`${parameter.name.text}\`, or give it a value of these only.`,
        );
      return;
    }
    if (
      given.kind === "number" &&
      expected.kind === "number" &&
      given.unit.kind === "measured" &&
      expected.unit.kind === "measured" &&
      !unitsAgree(given.unit, expected.unit)
    ) {
      const text = operandSource(argument);
      report(
        {
          kind: "unit",
          expected: unitSide(parameter.name.text, expected.unit),
          given: unitSide(text, given.unit),
        },
        unitHint(given.unit, expected.unit),
      );
    }
  }

  // ----- records and lists -----------------------------------------------------------------------

  private fieldFact(field: Ast.RecordFieldDeclaration, name: Ast.Word): Ast.FactDeclaration {
    let fact = this.fieldFacts.get(field);
    if (!fact) {
      fact = { kind: "fact", span: field.span, name, forClaims: false, type: field.type, readings: [] };
      this.fieldFacts.set(field, fact);
    }
    return fact;
  }

  /** A name read as a field of a named record (`study.pressure`), resolved and reported here. */
  private lookUpField(name: Ast.Word): FieldLookup {
    const dot = name.text.indexOf(".");
    const head = dot < 0 ? name.text : name.text.slice(0, dot);
    const scope = this.recordScopes.find((candidate) => candidate.variable === head);
    if (!scope) return { kind: "none" };
    const fieldName = dot < 0 ? "" : name.text.slice(dot + 1);
    const field = scope.fields.find((candidate) => candidate.name.text === fieldName);
    if (!field) {
      const fieldNames = scope.fields.map((candidate) => `${head}.${candidate.name.text}`);
      this.report(
        catalogue.unknownRecordField,
        name.span,
        { name: name.text, list: scope.list.name.text },
        didYouMean(name.text, fieldNames) ?? `The fields are: ${fieldNames.join(", ")}.`,
      );
      return { kind: "reported" };
    }
    this.resolutions.set(name, { kind: "field", variable: head, list: scope.list, field });
    this.parametersRead.add(head);
    return { kind: "field", scope, field };
  }

  /** A name that is no fact but reads like a field of a list's records, outside any quantifier over them. */
  private reportFieldOutsideQuantifier(name: Ast.Word): boolean {
    const parts = name.text.split(".");
    if (parts.length !== 2) return false;
    const list = [...this.symbols.facts.values()].find(
      (fact) => fact.type.kind === "list" && fact.type.fields.some((field) => field.name.text === parts[1]),
    );
    if (!list) return false;
    this.report(
      catalogue.fieldOutsideQuantifier,
      name.span,
      { name: name.text, list: list.name.text },
      `Read it inside a condition that names the records, for example \`some ${parts[0]} in ${list.name.text} where ${name.text} ...\`.`,
    );
    return true;
  }

  private reportListUsedAsValue(fact: Ast.FactDeclaration, span: Ast.Span): void {
    this.report(
      catalogue.listUsedAsValue,
      span,
      { name: fact.name.text },
      `Go through its records, for example \`some record in ${fact.name.text} where ...\`.`,
    );
  }

  /** Whether `variable` may name each record; reported when it may not. */
  private checkRecordName(variable: Ast.Word): boolean {
    const name = variable.text;
    const is = name.includes(".")
      ? ("a dotted name" as const)
      : this.recordScopes.some((scope) => scope.variable === name)
        ? ("the records of an enclosing condition" as const)
        : this.symbols.definitions.has(name)
          ? ("a definition" as const)
          : this.symbols.outline.get(name)?.kind === "criterion"
            ? ("a criterion" as const)
            : [...this.symbols.facts.keys()].some((fact) => fact === name || fact.startsWith(`${name}.`))
              ? ("a fact" as const)
              : undefined;
    if (is === undefined) return true;
    this.report(
      catalogue.recordNameTaken,
      variable.span,
      { name, is },
      "Name each record with a word of its own, such as `study` or `reading`.",
    );
    return false;
  }

  private checkRecords(expression: Extract<Ast.Expression, { kind: "records" }>): void {
    const { variable, list } = expression.binding;
    const fact = this.scopedFact(list);
    if (!fact) {
      if (!this.symbols.facts.has(list.text)) {
        const lists = this.scopedFactNames().filter((name) => this.symbols.facts.get(name)?.type.kind === "list");
        this.report(
          catalogue.quantifierOverNonList,
          list.span,
          { name: list.text, is: "not a fact" },
          didYouMean(list.text, lists) ?? "Declare the list with `fact <name>: list of field ...`.",
        );
      }
      return;
    }
    this.reads.facts.add(list.text);
    this.resolutions.set(list, { kind: "fact", fact });
    if (fact.type.kind !== "list") {
      this.report(
        catalogue.quantifierOverNonList,
        list.span,
        { name: list.text, is: describeFactType(fact.type) },
        "Test the fact itself, without `some`, `no`, `every`, `count`, `latest` or `earliest`.",
      );
      return;
    }
    if (!this.checkRecordName(variable)) return;
    const scope: RecordScope = { variable: variable.text, list: fact, fields: fact.type.fields };
    this.recordScopes.push(scope);
    try {
      if (expression.filter) this.check(expression.filter);
      switch (expression.quantifier) {
        case "some":
        case "none":
          return;
        case "every":
          return this.check(expression.test);
        case "latest":
        case "earliest": {
          const byName: Ast.Word = { text: `${variable.text}.${expression.by.text}`, span: expression.by.span };
          const by = this.lookUpField(byName);
          if (by.kind === "field" && by.field.type.kind !== "date")
            this.report(
              catalogue.latestByNonDate,
              expression.by.span,
              { field: byName.text, is: describeFactType(by.field.type), quantifier: expression.quantifier },
              `Name a date field: ${
                scope.fields
                  .filter((field) => field.type.kind === "date")
                  .map((field) => field.name.text)
                  .join(", ") || "the records have none"
              }.`,
            );
          return this.check(expression.test);
        }
        case "count": {
          const than = this.operandType(expression.than);
          if (than.kind !== "invalid" && than.kind !== "number")
            this.report(
              catalogue.countComparedWithNonNumber,
              expression.than.span,
              { subject: operandSource(expression.than), is: describeOperandType(than) },
              "Compare the count with a number, for example `>= 2`.",
            );
          return;
        }
      }
    } finally {
      this.recordScopes.pop();
    }
  }

  /** `x is in copd`, `x has any in copd`: a fact of codes, in the form it holds, of the set's system. */
  private checkInValueSet(expression: Extract<Ast.Expression, { kind: "inValueSet" }>): void {
    const valueSet = this.symbols.valueSets.get(expression.valueSet.text);
    if (!valueSet)
      this.report(
        catalogue.unknownName,
        expression.valueSet.span,
        { name: expression.valueSet.text, kind: "value set" },
        suggestionBudget(this.symbols).didYouMean(expression.valueSet.text, () => this.symbols.valueSets.keys()) ??
          `Declare it: \`value set ${expression.valueSet.text} "..." system "..." file "..." source "..." version "..."\`.`,
      );
    const fact = this.subjectFact(expression.subject, "is");
    if (!fact) return;
    const subject = fact.name.text;
    const type = fact.type;
    if (type.kind !== "code" && type.kind !== "codes") {
      this.report(
        catalogue.membershipMismatch,
        expression.subject.span,
        { problem: { kind: "notCodes", subject, is: describeFactType(type) } },
        'Declare the fact as `code in system "..."` (or `codes in system "..."` for several).',
      );
      return;
    }
    const wanted = expression.mode === "one" ? "code" : "codes";
    if (type.kind !== wanted) {
      this.report(
        catalogue.membershipMismatch,
        expression.span,
        { problem: { kind: "form", subject, holds: type.kind === "code" ? "one code" : "a set of codes" } },
        `Write \`${subject} ${type.kind === "code" ? "is in" : "has any in"} ${expression.valueSet.text}\`.`,
      );
      return;
    }
    if (valueSet?.system && normalSystem(valueSet.system.value) !== normalSystem(type.system.value))
      this.report(
        catalogue.membershipMismatch,
        expression.span,
        {
          problem: {
            kind: "system",
            subject,
            factSystem: type.system.value,
            valueSet: valueSet.name.text,
            setSystem: valueSet.system.value,
          },
        },
        "Test the fact against a value set of its own code system.",
      );
  }

  /**
   * A name standing alone as a condition: a criterion, a definition, or a yes-or-no fact. NOTE: no
   * two of these share a name (PC010), so the order they are tried in cannot change the answer; the
   * answer is recorded in `resolutions`, which is all lowering reads.
   */
  private checkReference(name: Ast.Word): void {
    const value = this.valueParameters.get(name.text);
    if (value !== undefined) {
      this.parametersRead.add(name.text);
      this.report(
        catalogue.typeMismatch,
        name.span,
        { subject: name.text, is: describeOperandType(value.type), needs: { by: "condition" } },
        "Compare it with a value.",
      );
      return;
    }
    const field = this.lookUpField(name);
    if (field.kind === "reported") return;
    if (field.kind === "field") {
      if (field.field.type.kind !== "boolean")
        this.report(
          catalogue.typeMismatch,
          name.span,
          { subject: name.text, is: describeFactType(field.field.type), needs: { by: "condition" } },
          "Compare it with a value.",
        );
      return;
    }
    const outlined = this.symbols.outline.get(name.text);
    if (outlined) {
      if (outlined.kind !== "criterion") {
        this.report(
          catalogue.typeMismatch,
          name.span,
          { subject: name.text, is: outlineTypeWord(outlined.kind), needs: { by: "condition" } },
          "Only criteria, definitions and yes-or-no facts can stand as a condition.",
        );
      } else if (this.owningCriterion === undefined || parentId(name.text) !== this.owningCriterion) {
        this.report(
          catalogue.nameOutOfReach,
          name.span,
          { name: name.text, is: "otherCriterion" },
          `To require it here, write \`criterion ${name.text}\`; to share a condition, give it a name with \`define\`.`,
        );
      } else {
        this.reads.criteria.add(name.text);
        this.resolutions.set(name, { kind: "part", criterion: outlined });
      }
      return;
    }
    const definition = this.symbols.definitions.get(name.text);
    if (definition && this.scope === "coverage" && definition.parameters.length > 0) {
      this.report(
        catalogue.definitionNeedsRecords,
        name.span,
        {
          name: name.text,
          parameters: definition.parameters.map(parameterWords).join(" and "),
        },
        callExample(name.text, definition.parameters),
      );
      return;
    }
    if (definition && this.scope === "coverage") {
      this.reads.definitions.add(name.text);
      this.resolutions.set(name, { kind: "definition", definition });
      return;
    }
    const fact = this.scopedFact(name);
    if (!fact) {
      if (!this.symbols.facts.has(name.text) && !this.reportFieldOutsideQuantifier(name)) {
        this.report(
          catalogue.unknownName,
          name.span,
          { name: name.text, kind: "fact, definition or criterion" },
          suggestionBudget(this.symbols).didYouMean(name.text, () => this.knownNames()),
        );
      }
      return;
    }
    this.reads.facts.add(name.text);
    this.resolutions.set(name, { kind: "fact", fact });
    if (fact.type.kind === "list") {
      this.reportListUsedAsValue(fact, name.span);
    } else if (fact.type.kind !== "boolean") {
      if (fact.type.kind === "code" || fact.type.kind === "codes") {
        this.report(
          catalogue.typeMismatch,
          name.span,
          { subject: name.text, is: describeFactType(fact.type), needs: { by: "condition" } },
          `Test it by membership in a value set: \`${name.text} ${fact.type.kind === "code" ? "is in" : "has any in"} <value set>\`.`,
        );
        return;
      }
      const example =
        fact.type.kind === "oneOf" && fact.type.values[0]
          ? `\`${name.text} is ${fact.type.values[0].name.text}\``
          : undefined;
      this.report(
        catalogue.typeMismatch,
        name.span,
        { subject: name.text, is: describeFactType(fact.type), needs: { by: "condition" } },
        example ? `Compare it with a value, for example ${example}.` : "Compare it with a value.",
      );
    }
  }

  /**
   * `criterion I.3` or `section I`: another statement met. Only a criterion's `met when` may refer
   * (definitions, sections and exceptions are computed before any criterion); `criterion X` of the
   * criterion's own part is that part. Cycles and lifetimes are checked once all are read (references.ts).
   */
  private checkStatementReference(target: "criterion" | "section", id: Ast.Word): void {
    if (this.owningCriterion === undefined) {
      this.report(
        catalogue.referenceOutsideCriterion,
        id.span,
        { id: id.text },
        "Refer to it in the `met when` of a criterion, or name the shared condition with `define`.",
      );
      return;
    }
    const outlined = this.symbols.outline.get(id.text);
    if (!outlined) {
      const candidates = [...this.symbols.outline.values()]
        .filter((statement) => statement.kind === target)
        .map((statement) => statement.id.text);
      this.report(
        catalogue.unknownStatement,
        id.span,
        { target, id: id.text },
        suggestionBudget(this.symbols).didYouMean(id.text, () => candidates),
      );
      return;
    }
    if (outlined.kind !== target) {
      const other = outlined.kind === "criterion" || outlined.kind === "section";
      this.report(
        catalogue.referenceToWrongKind,
        id.span,
        { target, id: id.text, is: outlined.kind },
        other
          ? `Write \`${outlined.kind} ${id.text}\`.`
          : "An exclusion or a note denies coverage rather than being met; refer to the criterion it limits, or name the shared condition with `define`.",
      );
      return;
    }
    if (outlined.kind === "criterion" && parentId(id.text) === this.owningCriterion) {
      this.reads.criteria.add(id.text);
      this.resolutions.set(id, { kind: "part", criterion: outlined });
      return;
    }
    this.reads.references.add(id.text);
    this.resolutions.set(id, { kind: "statement", statement: outlined });
  }

  /** A duration's unit is a unit of time, and its count a whole number of them, neither none nor absurd. */
  private checkDuration(duration: Ast.Duration): TimeUnit | undefined {
    const count = duration.count.value;
    const unit = timeUnitOf(duration.unit.text, count);
    if (unit === undefined) {
      const units = unitWords(count);
      this.report(
        catalogue.unknownTimeUnit,
        duration.unit.span,
        { unit: duration.unit.text, count, units: suggestedUnitWords(count) },
        didYouMean(duration.unit.text, units),
      );
      return undefined;
    }
    if (!Number.isInteger(count)) {
      this.report(catalogue.impossibleDuration, duration.count.span, { problem: { kind: "fraction", count } });
    } else if (count === 0) {
      this.report(
        catalogue.impossibleDuration,
        duration.count.span,
        { problem: { kind: "zero", count } },
        "To compare with the date itself, leave the duration out.",
      );
    } else if (count > longestDuration[unit]) {
      this.report(catalogue.impossibleDuration, duration.span, {
        problem: { kind: "tooLong", count, unit, limit: longestDuration[unit] },
      });
    }
    return unit;
  }

  /** The type of a date moved by a duration: a date, when what is moved is one. */
  private offsetType(operand: Extract<Ast.Operand, { kind: "offset" }>): OperandType {
    const date = this.operandType(operand.date);
    const unit = this.checkDuration(operand.duration);
    if (date.kind === "invalid") return date;
    if (date.kind !== "date") {
      this.report(
        catalogue.durationOnNonDate,
        operand.date.span,
        { subject: operandSource(operand.date), is: describeOperandType(date) },
        "Move a date fact or `service date`, for example `service date - 30 days`.",
      );
      return { kind: "invalid" };
    }
    return unit === undefined ? { kind: "invalid" } : { kind: "date" };
  }

  /** `<date> is within 30 days before <date>`, `<date> is between day 61 and day 90 after <date>`. */
  private checkDateWindow(expression: Extract<Ast.Expression, { kind: "dateWindow" }>): void {
    const { window } = expression;
    if (window.kind === "within") this.checkDuration(window.duration);
    else {
      for (const day of [window.first, window.last]) {
        if (!Number.isInteger(day.value))
          this.report(catalogue.impossibleDuration, day.span, { problem: { kind: "fraction", count: day.value } });
        else if (day.value > longestDuration.days)
          this.report(catalogue.impossibleDuration, day.span, {
            problem: { kind: "tooLong", count: day.value, unit: "days", limit: longestDuration.days },
          });
      }
      if (window.first.value > window.last.value)
        this.report(
          catalogue.daysOutOfOrder,
          joinSpans(window.first.span, window.last.span),
          { first: window.first.value, last: window.last.value },
          `Write the earlier day first: \`between day ${window.last.value} and day ${window.first.value}\`.`,
        );
    }
    for (const [operand, need] of [
      [expression.subject, { by: "window" }],
      [expression.anchor, { by: "anchor" }],
    ] as const) {
      const type = this.operandType(operand);
      if (type.kind !== "invalid" && type.kind !== "date")
        this.report(catalogue.dateExpected, operand.span, {
          subject: operandSource(operand),
          is: describeOperandType(type),
          need,
        });
    }
  }

  private operandType(operand: Ast.Operand): OperandType {
    switch (operand.kind) {
      case "offset":
        return this.offsetType(operand);
      case "number":
        return { kind: "number", unit: literalUnit(operand) };
      case "boolean":
        return { kind: "boolean" };
      case "serviceDate":
        return { kind: "date" };
      case "date":
        if (!isValidDate(operand.value)) {
          this.report(catalogue.invalidLiteral, operand.span, { text: operand.value, expected: "date" });
          return { kind: "invalid" };
        }
        return { kind: "date" };
      case "name": {
        const name = operand.name.text;
        const value = this.valueParameters.get(name);
        if (value !== undefined) {
          this.parametersRead.add(name);
          this.resolutions.set(operand.name, { kind: "parameter", parameter: value.parameter });
          return value.type;
        }
        const field = this.lookUpField(operand.name);
        if (field.kind === "reported") return { kind: "invalid" };
        if (field.kind === "field") {
          const type = field.field.type;
          // A field of codes is refused where the list is declared (PC102).
          if (type.kind === "code" || type.kind === "codes") return { kind: "invalid" };
          if (type.kind === "number") return { kind: "number", unit: fieldUnit(field.field, name) };
          return type.kind === "oneOf" || type.kind === "setOf"
            ? { kind: type.kind, fact: this.fieldFact(field.field, operand.name) }
            : { kind: type.kind };
        }
        const fact = this.scopedFact(operand.name);
        if (this.symbols.facts.has(name) && !fact) return { kind: "invalid" };
        if (fact?.type.kind === "list") {
          this.reportListUsedAsValue(fact, operand.span);
          return { kind: "invalid" };
        }
        if (fact) {
          this.reads.facts.add(name);
          this.resolutions.set(operand.name, { kind: "fact", fact });
          switch (fact.type.kind) {
            case "oneOf":
            case "setOf":
            case "code":
            case "codes":
              return { kind: fact.type.kind, fact };
            case "number":
              return { kind: "number", unit: factUnit(fact) };
            default:
              return { kind: fact.type.kind };
          }
        }
        if (this.symbols.definitions.has(name) || this.symbols.outline.get(name)?.kind === "criterion") {
          this.checkReference(operand.name);
          return { kind: "boolean" };
        }
        if (this.reportFieldOutsideQuantifier(operand.name)) return { kind: "invalid" };
        this.report(
          catalogue.unknownName,
          operand.span,
          { name, kind: "fact" },
          suggestionBudget(this.symbols).didYouMean(name, () => this.knownNames()),
        );
        return { kind: "invalid" };
      }
    }
  }

  private checkComparison(expression: Extract<Ast.Expression, { kind: "comparison" }>): void {
    const left = this.operandType(expression.left);
    const right = this.operandType(expression.right);
    if (left.kind === "invalid" || right.kind === "invalid") return;
    // A date moved by a duration is compared with dates only: say so in those words (PC069).
    for (const [offset, other, otherType] of [
      [expression.left, expression.right, right],
      [expression.right, expression.left, left],
    ] as const) {
      if (offset.kind !== "offset" || otherType.kind === "date") continue;
      this.report(catalogue.dateExpected, other.span, {
        subject: operandSource(other),
        is: describeOperandType(otherType),
        need: { by: "comparison", other: operandSource(offset) },
      });
      return;
    }
    const ordering = ["<", "<=", ">", ">="].includes(expression.operator);
    if (ordering && left.kind !== "number" && left.kind !== "date") {
      this.report(
        catalogue.typeMismatch,
        expression.span,
        {
          subject: operandSource(expression.left),
          is: describeOperandType(left),
          needs: { by: "ordering", operator: expression.operator },
        },
        left.kind === "oneOf" ? "Use `is` or `is one of (...)` for a fact with named values." : undefined,
      );
      return;
    }
    for (const [operand, type] of [
      [expression.left, left],
      [expression.right, right],
    ] as const) {
      if (type.kind !== "code" && type.kind !== "codes") continue;
      this.report(
        catalogue.membershipMismatch,
        operand.span,
        { problem: { kind: "onlyMembership", subject: operandSource(operand) } },
        `Test a fact of codes by membership in a value set: \`${operandSource(operand)} ${type.kind === "code" ? "is in" : "has any in"} <value set>\`.`,
      );
      return;
    }
    const sameFact =
      (left.kind !== "oneOf" && left.kind !== "setOf") || (right.kind === left.kind && right.fact === left.fact);
    if (left.kind !== right.kind || !sameFact) {
      this.report(
        catalogue.typeMismatch,
        expression.span,
        {
          subject: operandSource(expression.right),
          is: describeOperandType(right),
          needs: {
            by: "comparison",
            operator: expression.operator,
            other: operandSource(expression.left),
            otherIs: describeOperandType(left),
          },
        },
        left.kind === "oneOf" ? "Use `is` to compare a fact with one of its values." : undefined,
      );
      return;
    }
    if (left.kind === "number" && right.kind === "number")
      this.checkUnits(expression.left, left.unit, expression.right, right.unit, expression.span);
  }

  /** Two numbers compared must be of one unit; a bare literal takes the unit of the other (PC110). */
  private checkUnits(
    leftOperand: Ast.Operand | Ast.Value,
    left: NumberUnit,
    rightOperand: Ast.Operand | Ast.Value,
    right: NumberUnit,
    span: Ast.Span,
  ): void {
    if (unitsAgree(left, right) || left.kind === "bare" || right.kind === "bare") return;
    const text = (operand: Ast.Operand | Ast.Value): string =>
      operand.kind === "word"
        ? operand.word.text
        : operand.kind === "number"
          ? numberText(operand)
          : operandSource(operand);
    this.report(
      catalogue.unitMismatch,
      span,
      {
        operation: "compare",
        left: unitSide(text(leftOperand), left),
        right: unitSide(text(rightOperand), right),
      },
      unitHint(left, right),
    );
  }

  /** The fact a value test is about, or undefined (with a diagnostic) when the subject is not a fact. */
  private subjectFact(subject: Ast.Operand, verb: "is" | "contains"): Ast.FactDeclaration | undefined {
    if (subject.kind !== "name") {
      const is = subject.kind === "number" ? "a number" : subject.kind === "boolean" ? "yes or no" : "a date";
      this.report(catalogue.typeMismatch, subject.span, {
        subject: operandSource(subject),
        is,
        needs: { by: "subject", verb },
      });
      return undefined;
    }
    const parameter = this.valueParameters.get(subject.name.text);
    if (parameter !== undefined) {
      this.parametersRead.add(subject.name.text);
      this.resolutions.set(subject.name, { kind: "parameter", parameter: parameter.parameter });
      if (parameter.type.kind === "oneOf") return parameter.type.fact;
      this.report(catalogue.typeMismatch, subject.span, {
        subject: subject.name.text,
        is: describeOperandType(parameter.type),
        needs: { by: "subject", verb },
      });
      return undefined;
    }
    const field = this.lookUpField(subject.name);
    if (field.kind === "reported") return undefined;
    if (field.kind === "field") return this.fieldFact(field.field, subject.name);
    const fact = this.scopedFact(subject.name);
    if (this.symbols.facts.has(subject.name.text) && !fact) return undefined;
    if (fact?.type.kind === "list") {
      this.reportListUsedAsValue(fact, subject.span);
      return undefined;
    }
    if (!fact) {
      if (this.reportFieldOutsideQuantifier(subject.name)) return undefined;
      if (this.symbols.definitions.has(subject.name.text)) {
        this.report(
          catalogue.typeMismatch,
          subject.span,
          { subject: subject.name.text, is: "a definition", needs: { by: "subject", verb } },
          "A definition is already yes or no: name it on its own as a condition.",
        );
      } else {
        this.report(
          catalogue.unknownName,
          subject.span,
          { name: subject.name.text, kind: "fact" },
          suggestionBudget(this.symbols).didYouMean(subject.name.text, () => this.scopedFactNames()),
        );
      }
      return undefined;
    }
    this.reads.facts.add(subject.name.text);
    this.resolutions.set(subject.name, { kind: "fact", fact });
    return fact;
  }

  private checkValue(fact: Ast.FactDeclaration, value: Ast.Value): void {
    const type = fact.type;
    const name = fact.name.text;
    switch (type.kind) {
      case "code":
      case "codes":
        this.report(
          catalogue.membershipMismatch,
          value.span,
          { problem: { kind: "onlyMembership", subject: name } },
          `Put the codes in a value set and test membership: \`${name} ${type.kind === "code" ? "is in" : "has any in"} <value set>\`.`,
        );
        return;
      case "oneOf":
      case "setOf": {
        const allowed = type.values.map((v) => v.name.text);
        if (value.kind !== "word") {
          this.report(catalogue.typeMismatch, value.span, {
            subject: valueText(value),
            is: valueTypeWord(value),
            needs: { by: "fact", fact: name, takes: "one of its named values" },
          });
        } else if (!allowed.includes(value.word.text)) {
          this.report(
            catalogue.unknownValue,
            value.span,
            { value: value.word.text, fact: name },
            suggestionBudget(this.symbols).didYouMean(value.word.text, () => allowed) ??
              `The values are: ${allowed.join(", ")}.`,
          );
        }
        return;
      }
      case "boolean":
        if (value.kind !== "word" || (value.word.text !== "yes" && value.word.text !== "no")) {
          this.report(catalogue.typeMismatch, value.span, {
            subject: valueText(value),
            is: valueTypeWord(value),
            needs: { by: "fact", fact: name, takes: "`yes` or `no`" },
          });
        }
        return;
      case "number":
        if (value.kind !== "number") {
          this.report(
            catalogue.typeMismatch,
            value.span,
            {
              subject: valueText(value),
              is: valueTypeWord(value),
              needs: { by: "fact", fact: name, takes: "a number" },
            },
            `For example \`${name} < 21\` or \`${name} is 21\`.`,
          );
        } else {
          const subject: Ast.Value = { kind: "word", word: fact.name, span: fact.name.span };
          this.checkUnits(subject, factUnit(fact), value, literalUnit(value), value.span);
        }
        return;
      case "date":
        if (value.kind !== "date")
          this.report(catalogue.typeMismatch, value.span, {
            subject: valueText(value),
            is: valueTypeWord(value),
            needs: { by: "fact", fact: name, takes: "a date (YYYY-MM-DD)" },
          });
        else if (!isValidDate(value.value))
          this.report(catalogue.invalidLiteral, value.span, { text: value.value, expected: "date" });
        return;
    }
  }

  private checkNotEmpty(values: readonly Ast.Value[], span: Ast.Span): void {
    if (values.length === 0)
      this.report(catalogue.impossibleCount, span, { count: { kind: "emptyList" } }, "Name at least one value.");
  }

  private checkIs(expression: Extract<Ast.Expression, { kind: "is" }>): void {
    this.checkNotEmpty(expression.values, expression.span);
    const fact = this.subjectFact(expression.subject, "is");
    if (!fact) return;
    if (fact.type.kind === "setOf") {
      this.report(
        catalogue.typeMismatch,
        expression.span,
        { subject: fact.name.text, is: describeFactType(fact.type), needs: { by: "subject", verb: "is" } },
        `For example \`${fact.name.text} contains all of (...)\`.`,
      );
      return;
    }
    for (const value of expression.values) this.checkValue(fact, value);
  }

  private checkContains(expression: Extract<Ast.Expression, { kind: "contains" }>): void {
    this.checkNotEmpty(expression.values, expression.span);
    const fact = this.subjectFact(expression.subject, "contains");
    if (!fact) return;
    if (fact.type.kind !== "setOf") {
      this.report(
        catalogue.typeMismatch,
        expression.span,
        { subject: fact.name.text, is: describeFactType(fact.type), needs: { by: "subject", verb: "contains" } },
        fact.type.kind === "oneOf" ? "Use `is one of (...)` instead." : undefined,
      );
      return;
    }
    for (const value of expression.values) this.checkValue(fact, value);
  }
}

/**
 * Checks one condition; `context` names where it sits ("criterion I.A.3"), and `owningCriterion` is
 * the criterion whose `met when` it is, if any.
 */
/** Where an expression stands, and the tables its checking fills. */
export interface ExpressionSite {
  readonly symbols: PolicySymbols;
  /** Where the expression sits, for diagnostics: "criterion I.A.3". */
  readonly context: string;
  readonly diagnostics: Diagnostic[];
  /** Filled with what each name resolved to. */
  readonly resolutions: Resolutions;
  /** The criterion whose `met when` this is: only its own parts (I.C.4 -> I.C.4.a) may be named. */
  readonly owningCriterion?: string;
  /** Coverage conditions read the facts of a case; billing rules read the facts of a claim. */
  readonly scope?: FactScope;
  /** For a definition with parameters: each a name for a record of a list or for a value, which its body reads. */
  readonly parameters?: readonly Ast.Parameter[];
  /** The definition's name, for a definition with parameters. */
  readonly definition?: string;
}

export function checkExpression(expression: Ast.Expression, site: ExpressionSite): ExpressionReads {
  const checker = new ExpressionChecker(
    site.symbols,
    site.context,
    site.diagnostics,
    site.resolutions,
    site.owningCriterion,
    site.scope ?? "coverage",
  );
  if (checker.enterParameters(site.parameters ?? [])) {
    checker.check(expression);
    for (const parameter of site.parameters ?? [])
      if (!checker.parametersRead.has(parameter.name.text))
        site.diagnostics.push(
          diagnostic(
            catalogue.unusedParameter,
            site.symbols.file,
            parameter.name.span,
            { name: site.definition ?? "", parameter: parameter.name.text },
            {
              context: site.context,
              hint: `Read it in the condition, or leave it out of the parameters (and of each call).`,
            },
          ),
        );
  }
  return checker.reads;
}

/** Each one-of parameter as a fact of its values, made once: what `is` tests it against. */
const oneOfParameterFacts = new WeakMap<Ast.Parameter, Ast.FactDeclaration>();

/** The type a value parameter gives its name in the definition's condition. */
function valueParameterType(parameter: Extract<Ast.Parameter, { kind: "value" }>): ValidOperandType {
  if (parameter.type.kind === "date") return { kind: "date" };
  if (parameter.type.kind === "oneOf") {
    let fact = oneOfParameterFacts.get(parameter);
    if (fact === undefined) {
      const type = { kind: "oneOf", span: parameter.type.span, values: parameter.type.values } as const;
      fact = { kind: "fact", span: parameter.span, name: parameter.name, forClaims: false, type, readings: [] };
      oneOfParameterFacts.set(parameter, fact);
    }
    return { kind: "oneOf", fact };
  }
  const written = parameter.type.unit?.value;
  return {
    kind: "number",
    unit: {
      kind: "measured",
      written,
      normal: written === undefined ? undefined : normalUnit(written),
      from: { kind: "parameter", parameter: parameter.name.text, line: parameter.span.line },
    },
  };
}

/** "a record of oxygen.studies", "a number in mm Hg", "a date": what a parameter is, in PC101's words. */
function parameterWords(parameter: Ast.Parameter): string {
  if (parameter.kind === "record") return `a record of ${parameter.list.text}`;
  if (parameter.type.kind === "date") return "a date";
  if (parameter.type.kind === "oneOf")
    return `one of ${parameter.type.values.map((value) => value.name.text).join(", ")}`;
  return parameter.type.unit ? `a number in ${parameter.type.unit.value}` : "a number";
}

/** How to call a definition: `name(study, ...)` inside a quantifier over the first record parameter's list. */
function callExample(name: string, parameters: readonly Ast.Parameter[]): string {
  const call = `\`${name}(${parameters.map((parameter) => parameter.name.text).join(", ")})\``;
  const record = parameters.find((parameter) => parameter.kind === "record");
  return record === undefined
    ? `For example ${call}, giving each parameter a value.`
    : `For example ${call} inside \`some ${record.name.text} in ${record.list.text} where ...\`.`;
}

/** A number as written: `88%` for a percent. */
function numberText(number: { readonly value: number; readonly percent?: true }): string {
  return `${number.value}${number.percent ? "%" : ""}`;
}

/** Code systems compare as written, apart from letter case and spaces. */
function normalSystem(system: string): string {
  return system.toLowerCase().replace(/\s+/g, "");
}
