// Stage 3 of the pipeline: a checked policy (no errors) in, the PolicyModel out. Takes every name as
// the checker resolved it (never looking one up again), removes the sugar of the surface language,
// and gathers what each rule reads.

import { createHash } from "node:crypto";
import type * as Ast from "../syntax/ast.js";
import {
  billingKey,
  billingRuleSites,
  codeInForceRuleId,
  codeLabel,
  codeLifetimeKey,
  hasOwnLifetime,
  parentId,
  type OutlineStatement,
  resolutionOf,
  resolvedFact,
  sectionMembers,
  type CheckedPolicy,
} from "../check/output.js";
import { nestedConditions } from "./walk-conditions.js";
import type * as M from "./policy-model.js";
import { factOfTerm } from "./date-terms.js";
import { recordConditions } from "./walk-conditions.js";
import { timeUnitOf } from "../syntax/time-units.js";
import { defaultClaimRuleMessage, type ClaimConditionWords } from "./claim-rules.js";
import { claimConditionWords } from "./claim-condition-words.js";
import { lowerFhirMapping } from "./fhir-mapping.js";

export function sourceHash(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n/g, "\n"), "utf8").digest("hex");
}

function readings(statement: { readonly readings: readonly Ast.Reading[] }): string[] {
  return statement.readings.map((reading) => reading.text.value);
}

/** A value of a list, with its label (its name in words when none is written). */
function enumValue(value: Ast.EnumValueDeclaration): M.EnumValue {
  return { name: value.name.text, label: value.label?.value ?? value.name.text.replace(/_/g, " ") };
}

function lowerFactType(type: Ast.FactType): M.FactType {
  if (type.kind === "list")
    return {
      kind: "list",
      fields: type.fields.map((field) => ({
        name: field.name.text,
        label: field.label.value,
        type: lowerScalarType(field.type),
      })),
      ...(type.identifiedBy && { identifiedBy: type.identifiedBy.map((name) => name.text) }),
    };
  return lowerScalarType(type);
}

function lowerScalarType(type: Exclude<Ast.FactType, { kind: "list" }>): Exclude<M.FactType, { kind: "list" }> {
  switch (type.kind) {
    case "boolean":
    case "date":
      return { kind: type.kind };
    case "number":
      return {
        kind: "number",
        ...(type.unit && { unit: type.unit.value }),
        ...(type.min !== undefined && { min: type.min }),
        ...(type.max !== undefined && { max: type.max }),
      };
    case "oneOf":
    case "setOf":
      return { kind: type.kind, values: type.values.map(enumValue) };
    case "code":
    case "codes":
      return { kind: type.kind, system: type.system.value };
  }
}

class Lowering {
  private readonly definitionFacts = new Map<string, Set<string>>();
  /**
   * While a call's body is lowered: the name each record goes by there (a parameter, or a record the
   * body names that an argument's name would otherwise capture), by its name in the body.
   */
  private renames: ReadonlyMap<string, string> = new Map();
  /** While a call's body is lowered: the term each value parameter stands for, by the parameter's name. */
  private values: ReadonlyMap<string, M.Term> = new Map();

  private renamed(variable: string): string {
    return this.renames.get(variable) ?? variable;
  }

  /** A call of a definition with parameters: its body, each parameter read as its argument. */
  private applied(expression: Extract<Ast.Expression, { kind: "call" }>): M.Condition {
    const resolution = resolutionOf(this.checked.resolutions, expression.name);
    if (resolution.kind !== "definition")
      throw new Error(`policyc: internal error: \`${expression.name.text}\` is called, and is not a definition`);
    const definition = resolution.definition;
    // The arguments are read where the call is: a record by the name it goes by there, a value as a term.
    const args = definition.parameters.map((parameter, index): M.AppliedArgument => {
      const argument = expression.arguments[index];
      if (argument === undefined)
        throw new Error(`policyc: internal error: a call of \`${expression.name.text}\` lacks an argument`);
      if (parameter.kind === "value")
        return { kind: "value", parameter: parameter.name.text, term: this.term(argument) };
      const variable = argument.kind === "name" ? this.renamed(argument.name.text) : "";
      const list = this.symbols.facts.get(parameter.list.text)?.type;
      const identifiedBy = list?.kind === "list" ? list.identifiedBy?.map((name) => name.text) : undefined;
      return {
        kind: "record",
        parameter: parameter.name.text,
        variable,
        list: parameter.list.text,
        ...(identifiedBy && { identifiedBy }),
      };
    });
    const outer = { renames: this.renames, values: this.values };
    this.renames = new Map(args.flatMap((arg) => (arg.kind === "record" ? [[arg.parameter, arg.variable]] : [])));
    this.values = new Map(args.flatMap((arg) => (arg.kind === "value" ? [[arg.parameter, arg.term]] : [])));
    try {
      return {
        kind: "applied",
        definition: definition.name.text,
        label: definition.label.value,
        arguments: args,
        condition: this.condition(definition.body),
      };
    } finally {
      this.renames = outer.renames;
      this.values = outer.values;
    }
  }

  /** The records the current call's value arguments read (a field of `abg`): a record of the body must not take their names. */
  private recordsReadByValues(): string[] {
    const read = (term: M.Term): string[] =>
      term.kind === "field" ? [term.variable] : term.kind === "shifted" ? read(term.date) : [];
    return [...this.values.values()].flatMap(read);
  }

  constructor(private readonly checked: CheckedPolicy) {}

  private get symbols() {
    return this.checked.symbols;
  }

  /** Each value set with the entries the checker read from its file (it reported any it could not read). */
  private valueSets(): M.ValueSetModel[] {
    return [...this.symbols.valueSets.values()].map((valueSet) => {
      const contents = this.checked.valueSets.get(valueSet.name.text);
      if (!contents || !valueSet.file || !valueSet.source || !valueSet.version)
        throw new Error(`policyc: internal error: value set ${valueSet.name.text} was not read`);
      return {
        name: valueSet.name.text,
        label: valueSet.label.value,
        system: contents.system,
        file: valueSet.file.value,
        source: valueSet.source.value,
        version: valueSet.version.value,
        readings: readings(valueSet),
        entries: contents.entries,
      };
    });
  }

  // ----- conditions ------------------------------------------------------------------------------

  condition(expression: Ast.Expression): M.Condition {
    switch (expression.kind) {
      case "literal":
        return { kind: "constant", value: expression.value };
      case "reference":
        return this.nameCondition(expression.name);
      case "statementReference": {
        const resolution = resolutionOf(this.checked.resolutions, expression.id);
        return resolution.kind === "part"
          ? { kind: "part", id: resolution.criterion.id.text }
          : { kind: "statement", target: expression.target, id: expression.id.text };
      }
      case "not":
        return { kind: "not", operand: this.condition(expression.operand) };
      case "and":
      case "or":
        return flatten(
          expression.kind,
          expression.operands.map((operand) => this.condition(operand)),
        );
      case "quantified": {
        const operands = expression.operands.map((operand) => this.condition(operand));
        if (expression.atLeast === "all") return flatten("and", operands);
        if (expression.atLeast === 1) return flatten("or", operands);
        return { kind: "atLeast", count: expression.atLeast, operands };
      }
      case "comparison":
        return this.comparison(expression);
      case "dateWindow": {
        const window: M.Condition = {
          kind: "dateWindow",
          date: this.term(expression.subject),
          anchor: this.dateTerm(expression.anchor),
          window: dateWindow(expression.window),
        };
        return expression.negated ? { kind: "not", operand: window } : window;
      }
      case "is":
        return this.isCondition(expression);
      case "contains": {
        const values = expression.values.map(valueText);
        const field = this.subjectField(expression.subject);
        if (field) return { ...field, test: { kind: "contains", mode: expression.mode, values } };
        const fact = this.subjectFact(expression.subject).name.text;
        return { kind: "contains", fact, mode: expression.mode, values };
      }
      case "records":
        return this.records(expression);
      case "call":
        return this.applied(expression);
      case "inValueSet": {
        const fact = this.subjectFact(expression.subject).name.text;
        const member: M.Condition = {
          kind: "inValueSet",
          fact,
          mode: expression.mode,
          valueSet: expression.valueSet.text,
        };
        return expression.negated ? { kind: "not", operand: member } : member;
      }
    }
  }

  /** A condition over the records of a list: the filter a constant true when none is written. */
  private records(expression: Extract<Ast.Expression, { kind: "records" }>): M.Condition {
    // NOTE: in a call's body, a record the body names as an argument is named would capture that
    // argument's reads: it takes the definition's name as a suffix instead.
    const written = expression.binding.variable.text;
    const outer = this.renames;
    const captures = [...outer.values()].includes(written) || this.recordsReadByValues().includes(written);
    const variable = captures ? `${written}_of_${[...outer.keys(), ...this.values.keys()].join("_")}` : written;
    this.renames = new Map(outer).set(written, variable);
    try {
      return this.quantifier(expression, variable);
    } finally {
      this.renames = outer;
    }
  }

  private quantifier(expression: Extract<Ast.Expression, { kind: "records" }>, variable: string): M.Condition {
    const filter: M.Condition = expression.filter
      ? this.condition(expression.filter)
      : { kind: "constant", value: true };
    const base = { kind: "records", list: expression.binding.list.text, variable } as const;
    switch (expression.quantifier) {
      case "some":
      case "none":
        return { ...base, quantifier: { kind: expression.quantifier, filter } };
      case "every":
        return { ...base, quantifier: { kind: "every", filter, test: this.condition(expression.test) } };
      case "latest":
      case "earliest":
        return {
          ...base,
          quantifier: {
            kind: expression.quantifier,
            by: expression.by.text,
            filter,
            test: this.condition(expression.test),
          },
        };
      case "count":
        return {
          ...base,
          quantifier: { kind: "count", filter, operator: expression.operator, than: this.term(expression.than) },
        };
    }
  }

  /** The term a one-of parameter stands for where a value test's subject is one: its argument, or itself. */
  private parameterSubject(subject: Ast.Operand): M.Term | undefined {
    if (subject.kind !== "name") return undefined;
    const resolution = resolutionOf(this.checked.resolutions, subject.name);
    if (resolution.kind !== "parameter") return undefined;
    return this.values.get(resolution.parameter.name.text) ?? { kind: "parameter", name: subject.name.text };
  }

  /** The field a value test is about, when its subject is a field of a named record. */
  private subjectField(subject: Ast.Operand): { kind: "field"; variable: string; field: string } | undefined {
    if (subject.kind !== "name") return undefined;
    const resolution = resolutionOf(this.checked.resolutions, subject.name);
    return resolution.kind === "field"
      ? { kind: "field", variable: this.renamed(resolution.variable), field: resolution.field.name.text }
      : undefined;
  }

  /** A name as a condition: what the checker resolved it to. */
  private nameCondition(name: Ast.Word): M.Condition {
    const resolution = resolutionOf(this.checked.resolutions, name);
    switch (resolution.kind) {
      case "part":
        return { kind: "part", id: resolution.criterion.id.text };
      case "definition":
        return { kind: "definition", name: resolution.definition.name.text };
      case "fact":
        return { kind: "fact", fact: resolution.fact.name.text };
      case "field":
        return {
          kind: "field",
          variable: this.renamed(resolution.variable),
          field: resolution.field.name.text,
          test: { kind: "yes" },
        };
      case "statement":
      case "parameter":
        throw new Error(`policyc: internal error: \`${name.text}\` resolved to a ${resolution.kind}, not a condition`);
    }
  }

  /** The fact a value test (`is`, `contains`) is about. */
  private subjectFact(subject: Ast.Operand): Ast.FactDeclaration {
    if (subject.kind !== "name")
      throw new Error(`policyc: internal error: a value test at line ${subject.span.line} has no fact`);
    return resolvedFact(this.checked.resolutions, subject.name);
  }

  private isBooleanOperand(operand: Ast.Operand): boolean {
    if (operand.kind === "boolean") return true;
    if (operand.kind !== "name") return false;
    const resolution = resolutionOf(this.checked.resolutions, operand.name);
    if (resolution.kind === "field") return resolution.field.type.kind === "boolean";
    if (resolution.kind === "parameter") return false;
    return resolution.kind !== "fact" || resolution.fact.type.kind === "boolean";
  }

  private booleanOperand(operand: Ast.Operand): M.Condition {
    return operand.kind === "name"
      ? this.nameCondition(operand.name)
      : { kind: "constant", value: operand.kind === "boolean" && operand.value };
  }

  private term(operand: Ast.Operand): M.Term {
    switch (operand.kind) {
      case "name": {
        const resolution = resolutionOf(this.checked.resolutions, operand.name);
        if (resolution.kind === "parameter") {
          // In a call, the argument; in the definition's own condition (for the docs), the parameter.
          return this.values.get(resolution.parameter.name.text) ?? { kind: "parameter", name: operand.name.text };
        }
        const field = this.subjectField(operand);
        if (field) return { kind: "field", variable: field.variable, field: field.field };
        return { kind: "fact", fact: resolvedFact(this.checked.resolutions, operand.name).name.text };
      }
      case "number":
        return { kind: "number", value: operand.value };
      case "date":
        return { kind: "date", value: operand.value };
      case "serviceDate":
        return { kind: "serviceDate" };
      case "boolean":
        return { kind: "text", value: operand.value ? "yes" : "no" };
      case "offset": {
        const amount = operand.duration.count.value;
        return {
          kind: "shifted",
          date: this.dateTerm(operand.date),
          by: { amount: operand.sign === "-" ? -amount : amount, unit: checkedUnit(operand.duration) },
        };
      }
    }
  }

  /** A term the checker found to be a date as it stands (a date fact, a date, the service date). */
  private dateTerm(operand: Ast.Operand): M.DateTerm {
    const term = this.term(operand);
    if (
      term.kind === "fact" ||
      term.kind === "field" ||
      term.kind === "date" ||
      term.kind === "serviceDate" ||
      term.kind === "parameter"
    )
      return term;
    throw new Error(`policyc: internal error: the date at line ${operand.span.line} is not a date`);
  }

  private comparison(expression: Extract<Ast.Expression, { kind: "comparison" }>): M.Condition {
    if (this.isBooleanOperand(expression.left) && this.isBooleanOperand(expression.right)) {
      // Two yes-or-no conditions are equal when both hold or neither does.
      const left = this.booleanOperand(expression.left);
      const right = this.booleanOperand(expression.right);
      const equal: M.Condition = {
        kind: "or",
        operands: [
          { kind: "and", operands: [left, right] },
          {
            kind: "and",
            operands: [
              { kind: "not", operand: left },
              { kind: "not", operand: right },
            ],
          },
        ],
      };
      return expression.operator === "!=" ? { kind: "not", operand: equal } : equal;
    }
    return {
      kind: "compare",
      operator: expression.operator,
      left: this.term(expression.left),
      right: this.term(expression.right),
    };
  }

  private isCondition(expression: Extract<Ast.Expression, { kind: "is" }>): M.Condition {
    const parameter = this.parameterSubject(expression.subject);
    if (parameter !== undefined) {
      // A one-of parameter: in a call, its argument (a fact, or a record's field); in the definition's own condition, itself.
      const values = expression.values.map(valueText);
      const positive: M.Condition =
        parameter.kind === "fact"
          ? { kind: "oneOf", fact: parameter.fact, values }
          : flatten(
              "or",
              values.map((value): M.Condition => ({
                kind: "compare",
                operator: "=",
                left: parameter,
                right: { kind: "text", value },
              })),
            );
      return expression.negated ? { kind: "not", operand: positive } : positive;
    }
    const field = this.subjectField(expression.subject);
    const resolution =
      expression.subject.kind === "name" ? resolutionOf(this.checked.resolutions, expression.subject.name) : undefined;
    const type = resolution?.kind === "field" ? resolution.field.type : this.subjectFact(expression.subject).type;
    const name = field ? "" : this.subjectFact(expression.subject).name.text;
    const subjectTerm: M.Term = field ?? { kind: "fact", fact: name };
    const values = expression.values;
    let positive: M.Condition;
    if (type.kind === "boolean") {
      const accepted = new Set(values.map(valueText));
      const fact: M.Condition = field ? { ...field, test: { kind: "yes" } } : { kind: "fact", fact: name };
      positive =
        accepted.has("yes") && accepted.has("no")
          ? { kind: "or", operands: [fact, { kind: "not", operand: fact }] }
          : accepted.has("yes")
            ? fact
            : { kind: "not", operand: fact };
    } else if (type.kind === "oneOf" && field) {
      positive = flatten(
        "or",
        values.map((value): M.Condition => ({
          kind: "compare",
          operator: "=",
          left: subjectTerm,
          right: { kind: "text", value: valueText(value) },
        })),
      );
    } else if (type.kind === "oneOf") {
      positive = { kind: "oneOf", fact: name, values: values.map(valueText) };
    } else {
      const left: M.Term = subjectTerm;
      positive = flatten(
        "or",
        values.map((value): M.Condition => ({
          kind: "compare",
          operator: "=",
          left,
          right:
            value.kind === "number"
              ? { kind: "number", value: value.value }
              : { kind: "date", value: valueText(value) },
        })),
      );
    }
    return expression.negated ? { kind: "not", operand: positive } : positive;
  }

  // ----- what a condition reads ------------------------------------------------------------------

  private factsOf(condition: M.Condition, into: Set<string>, parts: ReadonlyMap<string, readonly M.Condition[]>): void {
    switch (condition.kind) {
      case "constant":
        return;
      case "fact":
      case "oneOf":
      case "contains":
      case "inValueSet":
        into.add(condition.fact);
        return;
      case "compare":
      case "dateWindow":
        for (const term of termsOf(condition)) {
          const fact = factOfTerm(term);
          if (fact !== undefined) into.add(fact);
        }
        return;
      case "not":
        return this.factsOf(condition.operand, into, parts);
      case "and":
      case "or":
      case "atLeast":
        for (const operand of condition.operands) this.factsOf(operand, into, parts);
        return;
      case "definition":
        for (const fact of this.definitionFacts.get(condition.name) ?? []) into.add(fact);
        return;
      case "field":
        return;
      case "applied":
        return this.factsOf(condition.condition, into, parts);
      case "records":
        into.add(condition.list);
        for (const inner of recordConditions(condition.quantifier)) this.factsOf(inner, into, parts);
        if (condition.quantifier.kind === "count") {
          const fact = factOfTerm(condition.quantifier.than);
          if (fact !== undefined) into.add(fact);
        }
        return;
      case "part": {
        // Every version of the part: the rule reads whatever any of them reads.
        for (const version of parts.get(condition.id) ?? []) this.factsOf(version, into, parts);
        return;
      }
      case "statement":
        // What the criteria it stands for read, their sections' conditions included (no cycles: PC121).
        for (const id of this.referredCriteria(condition)) {
          const criterion = this.symbols.outline.get(id);
          if (criterion?.kind !== "criterion") continue;
          for (const { condition: applies } of this.applicability(id)) this.factsOf(applies, into, parts);
          for (const written of [criterion.metWhen, ...criterion.versions.map((version) => version.metWhen)])
            if (written) this.factsOf(this.condition(written), into, parts);
        }
        return;
    }
  }

  private sectionMembersCache: Map<string, string[]> | undefined;

  /** The criteria a reference stands for (StatementReferenceModel). */
  private referredCriteria(condition: Extract<M.Condition, { kind: "statement" }>): readonly string[] {
    if (condition.target === "criterion") return [condition.id];
    this.sectionMembersCache ??= sectionMembers(this.symbols);
    return this.sectionMembersCache.get(condition.id) ?? [];
  }

  /** Every statement referred to as met, in source order. */
  private statementReferences(rules: readonly M.RuleModel[]): M.StatementReferenceModel[] {
    const referred = new Map<string, Extract<M.Condition, { kind: "statement" }>>();
    for (const rule of rules)
      for (const version of [rule.condition, ...rule.earlier.map((earlier) => earlier.condition)])
        for (const condition of nestedConditions(version))
          if (condition.kind === "statement") referred.set(condition.id, condition);
    return [...this.symbols.outline.keys()].flatMap((id) => {
      const condition = referred.get(id);
      if (!condition) return [];
      return [
        {
          id,
          target: condition.target,
          criteria: this.referredCriteria(condition),
          sections:
            condition.target === "section"
              ? [...this.applicability(id).map((entry) => entry.section), ...(this.sectionAppliesWhen(id) ? [id] : [])]
              : [],
        },
      ];
    });
  }

  private sectionAppliesWhen(id: string): boolean {
    const statement = this.symbols.outline.get(id);
    return statement?.kind === "section" && statement.appliesWhen !== undefined;
  }

  /** Every `limited to`, in source order, with the criteria coverage goes through to bring it in. */
  private limitations(): M.LimitationModel[] {
    this.sectionMembersCache ??= sectionMembers(this.symbols);
    const all = [...this.symbols.outline.values()];
    return all.flatMap((statement) => {
      if ((statement.kind !== "criterion" && statement.kind !== "section") || !statement.limitedTo) return [];
      const id = statement.id.text;
      const criteria =
        statement.kind === "criterion"
          ? [id]
          : all
              .filter((other) => other.kind === "criterion" && other.id.text.startsWith(`${id}.`))
              .map((other) => other.id.text);
      return [{ id, text: statement.limitedTo.value, criteria }];
    });
  }

  /** Each fact's place in the policy, so that a rule's facts are ordered without scanning them all. */
  private factOrderCache: Map<string, number> | undefined;

  private inDeclarationOrder(facts: ReadonlySet<string>): string[] {
    this.factOrderCache ??= new Map([...this.symbols.facts.keys()].map((name, index) => [name, index]));
    const order = this.factOrderCache;
    return [...facts].filter((name) => order.has(name)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }

  // ----- the model -------------------------------------------------------------------------------

  private lifetime(id: string): M.RevisionRange {
    return this.checked.lifetimes.get(id) ?? { from: 0 };
  }

  private definitions(): M.DefinitionModel[] {
    const ordered: M.DefinitionModel[] = [];
    const visited = new Set<string>();
    const visit = (name: string) => {
      const definition = this.symbols.definitions.get(name);
      if (visited.has(name) || !definition) return;
      visited.add(name);
      for (const dependency of this.checked.reads.get(name)?.definitions ?? []) visit(dependency);
      const condition = this.condition(definition.body);
      const facts = new Set<string>();
      this.factsOf(condition, facts, new Map());
      this.definitionFacts.set(name, facts);
      ordered.push({
        name,
        label: definition.label.value,
        ...(definition.parameters.length > 0 && {
          parameters: definition.parameters.map((parameter): M.ParameterModel =>
            parameter.kind === "record"
              ? { kind: "record", name: parameter.name.text, list: parameter.list.text }
              : {
                  kind: "value",
                  name: parameter.name.text,
                  type:
                    parameter.type.kind === "date"
                      ? { kind: "date" }
                      : parameter.type.kind === "oneOf"
                        ? { kind: "oneOf", values: parameter.type.values.map(enumValue) }
                        : { kind: "number", ...(parameter.type.unit && { unit: parameter.type.unit.value }) },
                },
          ),
        }),
        condition,
        ...(definition.definedByNote && { definedByNote: definition.definedByNote.text }),
        readings: readings(definition),
      });
    };
    for (const name of this.symbols.definitions.keys()) visit(name);
    return ordered;
  }

  private applicability(id: string): { section: string; condition: M.Condition }[] {
    const chain: { section: string; condition: M.Condition }[] = [];
    for (let ancestor = parentId(id); ancestor !== undefined; ancestor = parentId(ancestor)) {
      const statement = this.symbols.outline.get(ancestor);
      if (statement?.kind === "section" && statement.appliesWhen) {
        chain.unshift({ section: ancestor, condition: this.condition(statement.appliesWhen) });
      }
    }
    return chain;
  }

  /** For each rule id, the exceptions that override it, in the exceptions' order. */
  private overridersByRule(): Map<string, string[]> {
    const byRule = new Map<string, string[]>();
    for (const exception of this.symbols.exceptions.values()) {
      for (const overridden of new Set(exception.overrides.map((word) => word.text))) {
        byRule.set(overridden, [...(byRule.get(overridden) ?? []), exception.id.text]);
      }
    }
    return byRule;
  }

  private rules(): M.RuleModel[] {
    const parts = new Map<string, M.Condition[]>();
    for (const statement of this.symbols.outline.values()) {
      const parent = parentId(statement.id.text);
      if (
        statement.kind === "criterion" &&
        statement.metWhen &&
        parent &&
        this.symbols.outline.get(parent)?.kind === "criterion"
      ) {
        const written = statement.versions.flatMap((version) => (version.metWhen ? [version.metWhen] : []));
        parts.set(
          statement.id.text,
          [statement.metWhen, ...written].map((expression) => this.condition(expression)),
        );
      }
    }
    const overriders = this.overridersByRule();
    const rules: M.RuleModel[] = [];
    for (const statement of this.symbols.outline.values()) {
      const rule = this.rule(statement, parts, overriders);
      if (rule) rules.push(rule);
    }
    return rules;
  }

  private rule(
    statement: Ast.Statement,
    parts: ReadonlyMap<string, readonly M.Condition[]>,
    overriders: ReadonlyMap<string, readonly string[]>,
  ): M.RuleModel | undefined {
    let role: M.RuleRole;
    let condition: M.Condition;
    let servicesOf: string | undefined;
    let written: M.WrittenCondition = { keyword: "when" };
    switch (statement.kind) {
      case "criterion": {
        if (!statement.metWhen) return undefined;
        const part = parts.get(statement.id.text)?.[0];
        role = part ? "part" : "requirement";
        condition = part ?? this.condition(statement.metWhen);
        break;
      }
      case "exclusion":
      case "note": {
        if (statement.kind === "note" && statement.excludesServices) {
          role = "servicesExclusion";
          condition = this.condition(statement.excludesServices.condition);
          servicesOf = statement.excludesServices.section.text;
          break;
        }
        if (!statement.notCovered) return undefined;
        role = "exclusion";
        const asWritten = this.condition(statement.notCovered.condition);
        if (statement.notCovered.unless) {
          condition = { kind: "not", operand: asWritten };
          written = { keyword: "unless", condition: asWritten };
        } else {
          condition = asWritten;
        }
        break;
      }
      default:
        return undefined;
    }
    const id = statement.id.text;
    const applicability = this.applicability(id);
    const facts = new Set<string>();
    for (const { condition: applies } of applicability) this.factsOf(applies, facts, parts);
    this.factsOf(condition, facts, parts);
    const current: M.RuleVersionModel = {
      inForce: this.lifetime(id),
      text: statement.text.value,
      condition,
      written,
      ...(statement.category && { category: statement.category.text }),
      readings: readings(statement),
    };
    const earlier = statement.kind === "note" ? [] : this.earlierVersions(statement, current);
    for (const version of earlier) this.factsOf(version.condition, facts, parts);
    return {
      id,
      kind: statement.kind,
      role,
      text: statement.text.value,
      items:
        statement.kind === "note"
          ? statement.items.map((item) => ({ label: item.label.text, text: item.text.value }))
          : [],
      condition,
      written,
      applicability,
      inForce: this.lifetime(id),
      ...(statement.category && { category: statement.category.text }),
      readings: readings(statement),
      ...(servicesOf !== undefined && { servicesOf }),
      ...(role === "part" && { partOf: parentId(id) }),
      ...(statement.kind === "criterion" && statement.limitedTo && { limitedTo: statement.limitedTo.value }),
      facts: this.inDeclarationOrder(facts),
      overriddenBy: overriders.get(id) ?? [],
      earlier,
    };
  }

  /**
   * A criterion's or exclusion's earlier versions, oldest first: each takes what it does not restate
   * from the version written above it (the next newer one), and its lifetime from the checker.
   */
  private earlierVersions(statement: Ast.Criterion | Ast.Exclusion, current: M.RuleVersionModel): M.RuleVersionModel[] {
    const lifetimes = this.checked.versions.get(statement.id.text);
    if (!lifetimes) return [];
    const versions: M.RuleVersionModel[] = [];
    let above = current;
    for (const version of statement.versions) {
      const inForce = lifetimes.earlier.get(version);
      if (!inForce) throw new Error(`internal error: no lifetime for a version of ${statement.id.text}`);
      const logic = this.versionLogic(version);
      const category = version.category?.text ?? above.category;
      above = {
        inForce,
        text: version.text?.value ?? above.text,
        condition: logic?.condition ?? above.condition,
        written: logic?.written ?? above.written,
        ...(category !== undefined && { category }),
        readings: version.readings.length > 0 ? readings(version) : above.readings,
      };
      versions.push(above);
    }
    return versions.reverse();
  }

  /** The condition a version restates, as the rule's own is lowered; undefined when it restates none. */
  private versionLogic(
    version: Ast.CriterionVersion | Ast.ExclusionVersion,
  ): { condition: M.Condition; written: M.WrittenCondition } | undefined {
    if ("metWhen" in version && version.metWhen)
      return { condition: this.condition(version.metWhen), written: { keyword: "when" } };
    if ("notCovered" in version && version.notCovered) {
      const asWritten = this.condition(version.notCovered.condition);
      return version.notCovered.unless
        ? { condition: { kind: "not", operand: asWritten }, written: { keyword: "unless", condition: asWritten } }
        : { condition: asWritten, written: { keyword: "when" } };
    }
    return undefined;
  }

  private exceptions(): M.ExceptionModel[] {
    return [...this.symbols.exceptions.values()].map((exception) => {
      const condition: M.Condition = exception.appliesWhen
        ? this.condition(exception.appliesWhen)
        : { kind: "constant", value: false };
      const facts = new Set<string>();
      this.factsOf(condition, facts, new Map());
      return {
        id: exception.id.text,
        title: exception.title.value,
        condition,
        overrides: exception.overrides.map((word) => word.text),
        mayOverride: exception.mayOverride.map((word) => word.text),
        neverOverrides: exception.neverOverrides.map((word) => word.text),
        requiresPriorApproval: exception.requiresPriorApproval,
        inForce: this.lifetime(exception.id.text),
        ...(exception.text && { text: exception.text.value }),
        ...(exception.priorApprovalText && { priorApprovalText: exception.priorApprovalText.value }),
        readings: readings(exception),
        facts: this.inDeclarationOrder(facts),
      };
    });
  }

  /** Each numbered statement's place, from the checker's parent relation: parent, children, depth. */
  private outlinePlaces(): Map<string, M.OutlinePlace> {
    const ids = [...this.symbols.outline.keys()];
    const children = new Map<string, string[]>();
    for (const id of ids) {
      const parent = parentId(id);
      if (parent === undefined) continue;
      // Pushed, not copied: a section may hold thousands of statements.
      const siblings = children.get(parent);
      if (siblings === undefined) children.set(parent, [id]);
      else siblings.push(id);
    }
    const depthOf = (id: string): number => {
      let depth = 1;
      for (let ancestor = parentId(id); ancestor !== undefined; ancestor = parentId(ancestor)) depth++;
      return depth;
    };
    return new Map(
      ids.map((id): [string, M.OutlinePlace] => {
        const parent = parentId(id);
        return [id, { ...(parent !== undefined && { parent }), children: children.get(id) ?? [], depth: depthOf(id) }];
      }),
    );
  }

  private outline(rules: readonly M.RuleModel[]): M.OutlineEntry[] {
    const ruleIds = new Set(rules.map((rule) => rule.id));
    const places = this.outlinePlaces();
    return [...this.symbols.outline.values()].map((statement): M.OutlineEntry => {
      const place = places.get(statement.id.text);
      if (place === undefined) throw new Error(`lowering: ${statement.id.text} has no place in the outline`);
      return { ...this.outlineStatement(statement, ruleIds), ...place };
    });
  }

  private outlineStatement(statement: OutlineStatement, ruleIds: ReadonlySet<string>): M.OutlineStatementModel {
    const id = statement.id.text;
    if (ruleIds.has(id)) return { kind: "rule", id };
    switch (statement.kind) {
      case "section":
        return {
          kind: "section",
          id,
          title: statement.title.value,
          ...(statement.appliesWhen && { appliesWhen: this.condition(statement.appliesWhen) }),
          ...(statement.limitedTo && { limitedTo: statement.limitedTo.value }),
          inForce: this.lifetime(id),
          readings: readings(statement),
        };
      case "note":
      case "service":
        return {
          kind: statement.kind,
          id,
          text: statement.text.value,
          items:
            statement.kind === "note"
              ? statement.items.map((item) => ({ label: item.label.text, text: item.text.value }))
              : [],
          inForce: this.lifetime(id),
          readings: readings(statement),
        };
      default:
        // A criterion or exclusion without its condition cannot reach lowering (the checker reports it).
        throw new Error(`lowering: ${statement.kind} ${id} has no rule`);
    }
  }

  private revisions(): M.RevisionModel[] {
    const added = this.symbols.revisions.map((): string[] => []);
    const removed = this.symbols.revisions.map((): string[] => []);
    const record = (id: string, range: M.RevisionRange) => {
      if (range.from > 0) added[range.from]?.push(id);
      if (range.until !== undefined) removed[range.until]?.push(id);
    };
    const changed = this.symbols.revisions.map((): string[] => []);
    for (const id of [...this.symbols.outline.keys(), ...this.symbols.exceptions.keys()]) record(id, this.lifetime(id));
    // A version ends at the revision that changed its statement (an earlier version's end is a change).
    for (const [id, versions] of this.checked.versions)
      for (const range of versions.earlier.values()) if (range.until !== undefined) changed[range.until]?.push(id);
    for (const code of this.symbols.codes) {
      code.billing.forEach((_, index) => record(codeLabel(code), this.lifetime(billingKey(code, index))));
    }
    // A billing rule's lifetime is its own (or its billing line's): the log names the rules a revision
    // added or retired, as it names the statements.
    for (const { rule } of billingRuleSites(this.symbols)) record(rule.id.text, this.lifetime(rule.id.text));
    return this.symbols.revisions.map((revision, index) => ({
      approved: revision.approved.text,
      ...(revision.reviewed && { reviewed: revision.reviewed.text }),
      effective: revision.effective?.text ?? `${revision.approved.text}-01`,
      text: revision.text.value,
      readings: readings(revision),
      added: [...new Set(added[index])],
      removed: [...new Set(removed[index])],
      changed: [...new Set(changed[index])].sort(),
      ...(revision.publishedText && { publishedText: revision.publishedText.value }),
    }));
  }

  private numeric(expression: Ast.NumericExpression): M.NumericModel {
    switch (expression.kind) {
      case "number":
        return { kind: "number", value: expression.value };
      case "name":
        return { kind: "fact", fact: resolvedFact(this.checked.resolutions, expression.name).name.text };
      case "binary":
        return {
          kind: "binary",
          operator: expression.operator,
          left: this.numeric(expression.left),
          right: this.numeric(expression.right),
        };
    }
  }

  private codeGroups(): M.CodeGroupModel[] {
    return [...this.symbols.codeGroups.values()].map((group) => ({
      name: group.name.text,
      description: group.description.value,
      codes: group.codes.map((code) => code.text),
    }));
  }

  /** What a billing rule checks, each kind with its own fields. */
  private billingLogic(body: Ast.BillingRuleBody, groups: readonly M.CodeGroupModel[]): M.BillingRuleLogic {
    switch (body.kind) {
      case "billedOnlyWhen":
      case "notBilledWhen":
        return { kind: body.kind, condition: this.condition(body.condition) };
      case "requiresModifier":
        return { kind: body.kind, modifier: body.modifier.text };
      case "billedWithEach":
      case "unitsAtLeastGroup": {
        const group = groups.find((candidate) => candidate.name === body.group.text);
        // The checker reports a group that is not declared (lowering never sees one).
        if (!group) throw new Error(`lowering: code group ${body.group.text} is not declared`);
        return { kind: body.kind, group };
      }
      case "unitsAtMost": {
        const period = periodOf(body.per);
        if (period !== undefined)
          return { kind: "unitsPerPeriod", limit: this.numeric(body.limit), rounding: body.rounding ?? "none", period };
        return { kind: body.kind, limit: this.numeric(body.limit), rounding: body.rounding ?? "none" };
      }
      case "billedOnlyWhenDecided":
      case "notBilledWhenDecided":
        return { kind: body.kind, when: this.guard(body.guard) };
      case "requiresOneOfModifiers":
      case "mustNotHaveModifier":
        return {
          kind: body.kind,
          modifiers: body.modifiers.map((modifier) => modifier.text),
          when: this.guard(body.when),
        };
      case "notBilledWith":
        return {
          kind: body.kind,
          partner:
            body.partner.kind === "code"
              ? { kind: "code", code: body.partner.name.text }
              : { kind: "group", group: declaredGroup(groups, body.partner.name) },
        };
      case "groupUnitsAtMost": {
        const period = periodOf(body.per);
        if (period !== undefined)
          return {
            kind: "unitsPerPeriod",
            group: declaredGroup(groups, body.group),
            limit: this.numeric(body.limit),
            rounding: body.rounding ?? "none",
            period,
          };
        return {
          kind: body.kind,
          group: declaredGroup(groups, body.group),
          limit: this.numeric(body.limit),
          rounding: body.rounding ?? "none",
        };
      }
    }
  }

  /** A modifier rule's `when`: always when it has none. */
  private guard(guard: Ast.BillingGuard | undefined): M.BillingGuardModel {
    if (guard === undefined) return { kind: "always" };
    switch (guard.kind) {
      case "decision":
        return { kind: "decision", test: decisionTest(guard.test) };
      case "claim":
        return { kind: "claim", condition: this.condition(guard.condition) };
      case "and":
      case "or":
        return { kind: guard.kind, operands: guard.operands.map((operand) => this.guard(operand)) };
      case "not":
        return { kind: "not", operand: this.guard(guard.operand) };
    }
  }

  /** The rules made from the codes' own lifetimes: a line of a code outside its lifetime is a finding. */
  private codeInForceRules(): M.BillingRuleModel[] {
    return this.symbols.codes.filter(hasOwnLifetime).map((code) => {
      const valid = this.lifetime(codeLifetimeKey(code));
      const label = code.code.text;
      const from = valid.from > 0 ? ` from revision ${this.symbols.revisions[valid.from]?.approved.text}` : "";
      const until =
        valid.until !== undefined ? ` until revision ${this.symbols.revisions[valid.until]?.approved.text}` : "";
      return {
        id: codeInForceRuleId(code),
        code: label,
        kind: "codeInForce",
        valid,
        source: { kind: "code", id: codeLabel(code), text: code.description.value },
        message: `${label} is not valid on this date of service: the coding table lists it${from}${until}.`,
        // Always checked: the rule tests the date against the code's lifetime itself.
        inForce: { from: 0 },
        readings: [],
        facts: [],
      };
    });
  }

  private billingRules(groups: readonly M.CodeGroupModel[]): M.BillingRuleModel[] {
    // A message reads claim facts as their descriptions; who reads them does not matter to its words.
    const claimFacts = [...this.symbols.facts.values()]
      .filter((fact) => fact.forClaims)
      .map((fact) => this.factModel(fact, new Map()));
    const conditions = claimConditionWords(claimFacts, this.valueSets());
    return billingRuleSites(this.symbols).map(({ rule, code, note }) => {
      const id = rule.id.text;
      const label = code.code.text;
      const fromNote = rule.from ? this.symbols.outline.get(rule.from.text) : undefined;
      const source: M.BillingRuleModel["source"] =
        fromNote?.kind === "note"
          ? { kind: "note", id: fromNote.id.text, text: fromNote.text.value }
          : note
            ? { kind: "billing", id: codeLabel(code), text: note.text.value }
            : { kind: "code", id: codeLabel(code), text: code.description.value };
      const logic = this.billingLogic(rule.body, groups);
      return {
        id,
        code: label,
        ...logic,
        source,
        message: rule.says?.value ?? defaultBillingMessage(logic, label, source.text, conditions),
        inForce: this.lifetime(id),
        readings: readings(rule),
        facts: this.inDeclarationOrder(this.checked.reads.get(id)?.facts ?? new Set()),
      };
    });
  }

  private factModel(fact: Ast.FactDeclaration, readBy: ReadonlyMap<string, string[]>): M.FactModel {
    return {
      name: fact.name.text,
      type: lowerFactType(fact.type),
      description: fact.description?.value ?? "",
      question: fact.question?.value ?? "",
      readBy: readBy.get(fact.name.text) ?? [],
    };
  }

  model(sourcePath: string): M.PolicyModel {
    const header = this.symbols.header;
    const definitions = this.definitions();
    const rules = this.rules();
    const exceptions = this.exceptions();
    const codeGroups = this.codeGroups();
    const billingRules = [...this.billingRules(codeGroups), ...this.codeInForceRules()];
    const readBy = new Map<string, string[]>();
    for (const owner of [...rules, ...exceptions, ...billingRules]) {
      for (const fact of owner.facts) {
        // Pushed, not copied: a fact may be read by thousands of statements.
        const readers = readBy.get(fact);
        if (readers === undefined) readBy.set(fact, [owner.id]);
        else readers.push(owner.id);
      }
    }
    const facts = [...this.symbols.facts.values()];
    return {
      reference: header?.reference.text ?? "",
      title: header?.title?.value ?? "",
      plan: header?.plan?.value ?? "",
      description: header?.description?.value ?? "",
      lastReview: header?.lastReview?.text ?? "",
      ...(header?.publishedText && { publishedText: header.publishedText.value }),
      readings: header ? readings(header) : [],
      sourcePath,
      sourceHash: sourceHash(this.checked.source.text),
      revisions: this.revisions(),
      categories: [...this.symbols.categories.values()].map((c) => ({
        name: c.name.text,
        description: c.description.value,
      })),
      facts: facts.filter((fact) => !fact.forClaims).map((fact) => this.factModel(fact, readBy)),
      claimFacts: facts.filter((fact) => fact.forClaims).map((fact) => this.factModel(fact, readBy)),
      codeGroups,
      billingRules,
      definitions,
      rules,
      exceptions,
      valueSets: this.valueSets(),
      ...fhirMappingOf(this.checked.source, this.symbols.facts),
      outline: this.outline(rules),
      statementReferences: this.statementReferences(rules),
      limitations: this.limitations(),
      prose: this.symbols.prose.map((prose) => ({
        id: prose.id.text,
        title: prose.title.value,
        ...(prose.text && { text: prose.text.value }),
        ...(prose.notEncodedBecause && { notEncodedBecause: prose.notEncodedBecause.value }),
        readings: readings(prose),
      })),
      codes: this.symbols.codes.map((code) => ({
        code: code.code.text,
        ...(code.modifier && { modifier: code.modifier.text }),
        description: code.description.value,
        billing: code.billing.map((note, index) => ({
          text: note.text.value,
          inForce: this.lifetime(billingKey(code, index)),
        })),
        readings: readings(code),
        rules: [
          ...[...code.rules, ...code.billing.flatMap((note) => note.rules)].map((rule) => rule.id.text),
          ...(hasOwnLifetime(code) ? [codeInForceRuleId(code)] : []),
        ],
      })),
      references: this.symbols.references.map((reference) => ({
        number: reference.number,
        text: reference.text.value,
        ...(reference.link && { link: reference.link.value }),
      })),
      layout: this.checked.source.statements.flatMap((statement) =>
        statement.kind === "layout"
          ? [{ text: statement.text.value, notEncodedBecause: statement.notEncodedBecause.value }]
          : [],
      ),
    };
  }
}

/** The message of a billing rule written without `says`. */
function defaultBillingMessage(
  logic: M.BillingRuleLogic,
  label: string,
  sourceText: string,
  conditions: ClaimConditionWords,
): string {
  switch (logic.kind) {
    case "billedOnlyWhen":
      return `${label} may be billed only as the policy says: "${sourceText}"`;
    case "notBilledWhen":
      return `${label} may not be billed on this claim: "${sourceText}"`;
    case "requiresModifier":
      return `${label} must be billed with modifier ${logic.modifier}.`;
    case "billedWithEach":
      return `Each code of ${logic.group.description} billed needs ${label} on its date of service, for as many units.`;
    case "unitsAtLeastGroup":
      return `${label} is billed for fewer units than ${logic.group.description} together on one date of service.`;
    case "unitsAtMost":
      return `${label} is billed for more units than the policy allows.`;
    case "billedOnlyWhenDecided":
    case "notBilledWhenDecided":
    case "requiresOneOfModifiers":
    case "mustNotHaveModifier":
    case "notBilledWith":
    case "groupUnitsAtMost":
    case "codeInForce":
    case "unitsPerPeriod":
      return defaultClaimRuleMessage(logic, label, conditions);
  }
}

/** A code group a rule names, which the checker found declared (lowering never sees one that is not). */
function declaredGroup(groups: readonly M.CodeGroupModel[], name: Ast.Word): M.CodeGroupModel {
  const group = groups.find((candidate) => candidate.name === name.text);
  if (!group) throw new Error(`lowering: code group ${name.text} is not declared`);
  return group;
}

/** A unit limit's period: a day or a month of the lines' dates; none for `per claim` (the whole claim, as without `per`). */
function periodOf(per: Ast.Word | undefined): "day" | "month" | undefined {
  return per?.text === "day" || per?.text === "month" ? per.text : undefined;
}

function decisionTest(test: Ast.DecisionTest): M.DecisionTestModel {
  return test.kind === "coverage"
    ? { kind: "coverage", outcome: test.outcome }
    : { kind: "qualifiedUnder", statement: test.statement.text };
}

function valueText(value: Ast.Value): string {
  switch (value.kind) {
    case "word":
      return value.word.text;
    case "number":
      return String(value.value);
    case "date":
      return value.value;
  }
}

/** The terms a comparison or a window reads. */
function termsOf(condition: Extract<M.Condition, { kind: "compare" | "dateWindow" }>): M.Term[] {
  return condition.kind === "compare" ? [condition.left, condition.right] : [condition.date, condition.anchor];
}

/** The unit of a duration the checker accepted (it reported any other, and lowering runs only without errors). */
function checkedUnit(duration: Ast.Duration): M.DurationUnit {
  const unit = timeUnitOf(duration.unit.text, duration.count.value);
  if (unit === undefined)
    throw new Error(`policyc: internal error: the unit at line ${duration.unit.span.line} is not a unit of time`);
  return unit;
}

function dateWindow(window: Ast.DateWindow): M.DateWindow {
  if (window.kind === "days")
    return { kind: "days", side: window.side, first: window.first.value, last: window.last.value };
  return {
    kind: "within",
    side: window.side === "of" ? "around" : window.side,
    length: { amount: window.duration.count.value, unit: checkedUnit(window.duration) },
  };
}

/** `a and (b and c)` becomes `and(a, b, c)`; a single operand stands alone. */
function flatten(kind: "and" | "or", operands: readonly M.Condition[]): M.Condition {
  const flat = operands.flatMap((operand) => (operand.kind === kind ? operand.operands : [operand]));
  return flat.length === 1 && flat[0] ? flat[0] : { kind, operands: flat };
}

/** `{ fhir }` when the policy declares a FHIR mapping, else nothing (the model has no `fhir` key). */
function fhirMappingOf(
  source: Ast.SourceFile,
  facts: ReadonlyMap<string, Ast.FactDeclaration>,
): { readonly fhir?: M.PolicyModel["fhir"] } {
  const fhir = lowerFhirMapping(source, facts);
  return fhir === undefined ? {} : { fhir };
}

export function lowerPolicy(checked: CheckedPolicy, sourcePath: string): M.PolicyModel {
  return new Lowering(checked).model(sourcePath);
}
