// Conditions of the policy model compiled to TypeScript expressions over truths (0 false, 1 unknown,
// 2 true), and the matching "explain" statements that mark the unknown facts a condition needs.

import type { Condition, FactModel, Term } from "../../model/policy-model.js";
import { stringLiteral } from "../code-text.js";
import type { LocalNames } from "./local-names.js";

export class ConditionCompiler {
  private readonly factIndex: ReadonlyMap<string, number>;
  private readonly factTypes: ReadonlyMap<string, FactModel["type"]>;

  constructor(
    private readonly names: LocalNames,
    facts: readonly FactModel[],
  ) {
    this.factIndex = new Map(facts.map((fact, index) => [fact.name, index]));
    this.factTypes = new Map(facts.map((fact) => [fact.name, fact.type]));
  }

  fact(name: string): string {
    return this.names.get("fact", name);
  }

  private term(term: Term): string {
    switch (term.kind) {
      case "fact":
        return this.fact(term.fact);
      case "number":
        return String(term.value);
      case "date":
      case "text":
        return stringLiteral(term.value);
      case "serviceDate":
        return "asOf";
    }
  }

  /** The facts in a comparison that may be unknown (a yes-or-no fact is never compared as a term). */
  private unknownTermFacts(left: Term, right: Term): string[] {
    return [left, right].flatMap((term) => (term.kind === "fact" ? [this.fact(term.fact)] : []));
  }

  /** A TypeScript expression whose value is the truth of `condition`. */
  truth(condition: Condition): string {
    switch (condition.kind) {
      case "constant":
        return condition.value ? "2" : "0";
      case "fact":
        return this.fact(condition.fact);
      case "oneOf": {
        const local = this.fact(condition.fact);
        const tests = condition.values.map((value) => `${local} === ${stringLiteral(value)}`).join(" || ");
        return `(${local} === undefined ? 1 : ${tests} ? 2 : 0)`;
      }
      case "compare": {
        const operator = condition.operator === "=" ? "===" : condition.operator === "!=" ? "!==" : condition.operator;
        const test = `${this.term(condition.left)} ${operator} ${this.term(condition.right)}`;
        const unknown = this.unknownTermFacts(condition.left, condition.right).map((local) => `${local} === undefined`);
        return unknown.length === 0 ? `(${test} ? 2 : 0)` : `(${unknown.join(" || ")} ? 1 : ${test} ? 2 : 0)`;
      }
      case "contains": {
        const local = this.fact(condition.fact);
        const joiner = condition.mode === "all" ? " && " : " || ";
        const tests = condition.values.map((value) => `${local}.includes(${stringLiteral(value)})`).join(joiner);
        return `(${local} === undefined ? 1 : ${tests} ? 2 : 0)`;
      }
      case "not":
        return `(2 - ${this.truth(condition.operand)})`;
      case "and":
        return `Math.min(${condition.operands.map((operand) => this.truth(operand)).join(", ")})`;
      case "or":
        return `Math.max(${condition.operands.map((operand) => this.truth(operand)).join(", ")})`;
      case "atLeast":
        return `atLeast(${condition.count}, ${condition.operands.map((operand) => this.truth(operand)).join(", ")})`;
      case "definition":
        return this.names.get("def", condition.name);
      case "part":
        return this.names.get("holds", condition.id);
    }
  }

  private markIfUnknown(fact: string, unknownTest: string): string {
    return `if (${unknownTest}) mark(${this.factIndex.get(fact) ?? -1});`;
  }

  /**
   * Statements that call `mark(factIndex)` for every unknown fact that can change `condition`,
   * descending only into parts whose own value is unknown.
   */
  explain(condition: Condition): string[] {
    switch (condition.kind) {
      case "constant":
        return [];
      case "fact":
        return [this.markIfUnknown(condition.fact, `${this.fact(condition.fact)} === 1`)];
      case "oneOf":
      case "contains":
        return [this.markIfUnknown(condition.fact, `${this.fact(condition.fact)} === undefined`)];
      case "compare":
        return [condition.left, condition.right].flatMap((term) =>
          term.kind === "fact" && this.factTypes.get(term.fact)?.kind !== "boolean"
            ? [this.markIfUnknown(term.fact, `${this.fact(term.fact)} === undefined`)]
            : [],
        );
      case "not":
        return this.explain(condition.operand);
      case "and":
      case "or":
      case "atLeast": {
        const inner = condition.operands.flatMap((operand) => this.explain(operand));
        return inner.length === 0 ? [] : [`if (${this.truth(condition)} === 1) {`, ...inner, "}"];
      }
      case "definition":
        return [`if (${this.names.get("def", condition.name)} === 1) ${this.names.get("explain_def", condition.name)}();`];
      case "part":
        return [`if (${this.names.get("holds", condition.id)} === 1) ${this.names.get("explain_part", condition.id)}();`];
    }
  }
}
