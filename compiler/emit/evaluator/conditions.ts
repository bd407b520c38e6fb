// Conditions of the policy model compiled to TypeScript expressions over truths (0 false, 1 unknown,
// 2 true), with the runtime's `and`, `or`, `not` and `atLeast`. Where a condition's values come from
// is the caller's: the evaluator reads its scope (`facts["member.age"]`), the claim checker its locals.

import type { Condition, Term } from "../../model/policy-model.js";
import { recordField, recordParameter } from "./record-code.js";
import { stringLiteral } from "../code-text.js";
import { windowBounds } from "../../model/date-terms.js";
import { valueSetReference } from "./value-set-table.js";
import { recordJoin, recordWindow, type RecordWindow } from "../../model/record-joins.js";

/** The expressions that stand for what a condition reads. */
export interface ConditionSources {
  fact(name: string): string;
  definition(name: string): string;
  part(id: string): string;
  /** Another criterion or a section, referred to as met. */
  met(id: string): string;
  serviceDate(): string;
}

/** What a compiled condition read, so that a closure takes only what it uses. */
export interface Reads {
  facts: boolean;
  definitions: boolean;
  parts: boolean;
  met: boolean;
  serviceDate: boolean;
  /** The runtime helpers it calls. */
  readonly helpers: Set<
    | "and"
    | "or"
    | "not"
    | "atLeast"
    | "shiftDate"
    | "someRecord"
    | "noRecord"
    | "everyRecord"
    | "countRecords"
    | "latestRecord"
    | "joined"
    | "withinDates"
    | "memberOf"
    | "anyMemberOf"
  >;
}

export function noReads(): Reads {
  return { facts: false, definitions: false, parts: false, met: false, serviceDate: false, helpers: new Set() };
}

/**
 * The most arguments one emitted call gets. V8 refuses to parse a call of 65,535 or more, and one of
 * tens of thousands overflows the stack when it runs: `and(...)` of a longer list nests calls.
 */
const maxArguments = 1_000;

/** `and(a, b, c)`, or for more arguments than a call may have, calls of calls; and and or are associative. */
function associativeCall(callee: string, operands: readonly string[]): string {
  if (operands.length <= maxArguments) return `${callee}(${operands.join(", ")})`;
  const groups: string[] = [];
  for (let start = 0; start < operands.length; start += maxArguments)
    groups.push(associativeCall(callee, operands.slice(start, start + maxArguments)));
  return associativeCall(callee, groups);
}

const operators: Readonly<Record<Extract<Condition, { kind: "compare" }>["operator"], string>> = {
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  "=": "===",
  "!=": "!==",
};

export class ConditionCompiler {
  constructor(private readonly sources: ConditionSources) {}

  private term(term: Term, reads: Reads): string {
    switch (term.kind) {
      case "fact":
        reads.facts = true;
        return this.sources.fact(term.fact);
      case "number":
        return String(term.value);
      case "date":
      case "text":
        return stringLiteral(term.value);
      case "serviceDate":
        reads.serviceDate = true;
        return this.sources.serviceDate();
      case "shifted":
        reads.helpers.add("shiftDate");
        return `shiftDate(${this.term(term.date, reads)}, ${term.by.amount}, ${stringLiteral(term.by.unit)})`;
      case "field":
        return recordField(term.variable, term.field);
      case "parameter":
        throw new Error(`policyc: internal error: the parameter ${term.name} is compiled outside a call`);
    }
  }

  /** The value a term tests for unknown, if it reads one: a fact, a field, or what a shifted date moves. */
  private unknownSource(term: Term): string | undefined {
    if (term.kind === "shifted") return this.unknownSource(term.date);
    if (term.kind === "fact") return this.sources.fact(term.fact);
    if (term.kind === "field") return recordField(term.variable, term.field);
    return undefined;
  }

  /** The records dated inside a window between records; every record while the window's anchor is unknown (not moved). */
  private windowed(all: string, window: RecordWindow, reads: Reads): string {
    const within = `withinDates(${all}, ${stringLiteral(window.field)}, ${this.term(window.from, reads)}, ${this.term(window.to, reads)})`;
    const sources = [...new Set([window.from, window.to].flatMap((term) => this.unknownSource(term) ?? []))];
    return sources.length === 0
      ? within
      : `(${sources.map((source) => `${source} === undefined`).join(" || ")} ? ${all} : ${within})`;
  }

  /** `(record_study) => <truth>`, or `() => 2` for a filter that lets every record through. */
  private recordTest(variable: string, condition: Condition, reads: Reads): string {
    if (condition.kind === "constant") return `() => ${condition.value ? 2 : 0}`;
    return `(${recordParameter(variable)}) => ${this.truth(condition, reads)}`;
  }

  private records(condition: Extract<Condition, { kind: "records" }>, reads: Reads): string {
    reads.facts = true;
    const quantifier = condition.quantifier;
    // A nested quantifier joined on a field visits only the records of the value it is joined with.
    // One joined by a date window between records visits only the records dated inside the window.
    const join = recordJoin(condition.variable, quantifier.filter);
    const window = join === undefined ? recordWindow(condition.variable, quantifier.filter) : undefined;
    if (join !== undefined) reads.helpers.add("joined");
    if (window !== undefined) reads.helpers.add("withinDates");
    const all = this.sources.fact(condition.list);
    const list =
      join !== undefined
        ? `joined(${all}, ${stringLiteral(join.field)}, ${this.term(join.key, reads)})`
        : window !== undefined
          ? this.windowed(all, window, reads)
          : all;
    const test = (inner: Condition) => this.recordTest(condition.variable, inner, reads);
    switch (quantifier.kind) {
      case "some":
        reads.helpers.add("someRecord");
        return `someRecord(${list}, ${test(quantifier.filter)})`;
      case "none":
        reads.helpers.add("noRecord");
        return `noRecord(${list}, ${test(quantifier.filter)})`;
      case "every":
        reads.helpers.add("everyRecord");
        return `everyRecord(${list}, ${test(quantifier.filter)}, ${test(quantifier.test)})`;
      case "count":
        reads.helpers.add("countRecords");
        return `countRecords(${list}, ${test(quantifier.filter)}, ${stringLiteral(quantifier.operator)}, ${this.term(quantifier.than, reads)})`;
      case "latest":
      case "earliest": {
        reads.helpers.add("latestRecord");
        const record = recordParameter(condition.variable);
        const date = `(${record}) => ${recordField(condition.variable, quantifier.by)}`;
        const direction = quantifier.kind === "latest" ? "1" : "-1";
        return `latestRecord(${list}, ${date}, ${test(quantifier.filter)}, ${test(quantifier.test)}, ${direction})`;
      }
    }
  }

  /** `test` as a truth: unknown when a fact a term reads is unknown (tested once each), else true or false. */
  private knownTest(terms: readonly Term[], test: string): string {
    const sources = [...new Set(terms.flatMap((term) => this.unknownSource(term) ?? []))];
    const unknown = sources.map((source) => `${source} === undefined`);
    return unknown.length === 0 ? `(${test} ? 2 : 0)` : `(${unknown.join(" || ")} ? 1 : ${test} ? 2 : 0)`;
  }

  /** A TypeScript expression whose value is the truth of `condition`; `reads` learns what it reads. */
  truth(condition: Condition, reads: Reads = noReads()): string {
    switch (condition.kind) {
      case "constant":
        return condition.value ? "2" : "0";
      case "fact":
        reads.facts = true;
        return this.sources.fact(condition.fact);
      case "oneOf": {
        reads.facts = true;
        const value = this.sources.fact(condition.fact);
        const tests = condition.values.map((wanted) => `${value} === ${stringLiteral(wanted)}`).join(" || ");
        return `(${value} === undefined ? 1 : ${tests} ? 2 : 0)`;
      }
      case "compare": {
        const test = `${this.term(condition.left, reads)} ${operators[condition.operator]} ${this.term(condition.right, reads)}`;
        return this.knownTest([condition.left, condition.right], test);
      }
      case "dateWindow": {
        const { from, to } = windowBounds(condition.anchor, condition.window);
        const date = this.term(condition.date, reads);
        const test = `${date} >= ${this.term(from, reads)} && ${date} <= ${this.term(to, reads)}`;
        return this.knownTest([condition.date, condition.anchor], test);
      }
      case "contains": {
        reads.facts = true;
        const value = this.sources.fact(condition.fact);
        const joiner = condition.mode === "all" ? " && " : " || ";
        const tests = condition.values.map((wanted) => `${value}.includes(${stringLiteral(wanted)})`).join(joiner);
        return `(${value} === undefined ? 1 : ${tests} ? 2 : 0)`;
      }
      case "inValueSet": {
        reads.facts = true;
        const helper = condition.mode === "one" ? "memberOf" : "anyMemberOf";
        reads.helpers.add(helper);
        const value = this.sources.fact(condition.fact);
        return `(${value} === undefined ? 1 : ${helper}(${valueSetReference(condition.valueSet)}, ${value}) ? 2 : 0)`;
      }
      case "not":
        reads.helpers.add("not");
        return `not(${this.truth(condition.operand, reads)})`;
      case "and":
      case "or":
        reads.helpers.add(condition.kind);
        return associativeCall(
          condition.kind,
          condition.operands.map((operand) => this.truth(operand, reads)),
        );
      case "atLeast":
        reads.helpers.add("atLeast");
        return `atLeast(${condition.count}, [${condition.operands.map((operand) => this.truth(operand, reads)).join(", ")}])`;
      case "definition":
        reads.definitions = true;
        return this.sources.definition(condition.name);
      case "part":
        reads.parts = true;
        return this.sources.part(condition.id);
      case "field": {
        const value = recordField(condition.variable, condition.field);
        if (condition.test.kind === "yes") return value;
        const joiner = condition.test.mode === "all" ? " && " : " || ";
        const tests = condition.test.values.map((wanted) => `${value}.includes(${stringLiteral(wanted)})`).join(joiner);
        return `(${value} === undefined ? 1 : ${tests} ? 2 : 0)`;
      }
      case "records":
        return this.records(condition, reads);
      case "applied":
        return this.truth(condition.condition, reads);
      case "statement":
        reads.met = true;
        return this.sources.met(condition.id);
    }
  }
}
