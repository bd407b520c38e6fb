// Conditions of the policy model compiled to TypeScript expressions over truths (0 false, 1 unknown,
// 2 true), and the matching "explain" statements that mark the unknown facts a condition needs.
// Both are linear in the size of the condition: explain computes the truth of each compound part
// once, into a local named after what it reads, instead of spelling it out again at every level.

import type { Condition, FactModel, Term } from "../../model/policy-model.js";
import { stringLiteral } from "../code-text.js";
import type { LocalNames } from "./local-names.js";

type Compound = Extract<Condition, { kind: "and" | "or" | "atLeast" }>;

function isCompound(condition: Condition): condition is Compound {
  return condition.kind === "and" || condition.kind === "or" || condition.kind === "atLeast";
}

/** How the local of a compound part's truth starts: `all`, `any`, `at_least_2`, as the policy language says it. */
function localRole(compound: Compound): string {
  switch (compound.kind) {
    case "and":
      return "all";
    case "or":
      return "any";
    case "atLeast":
      return `at_least_${compound.count}`;
  }
}

/**
 * Names for the locals of one explain block, each new: `any_therapy_kind`, then `any_therapy_kind_2`.
 * Their prefixes (`all_`, `any_`, `at_least_`) are none of the evaluator's other locals' (`fact_`, `def_`...).
 */
class BlockNames {
  private readonly taken = new Set<string>();
  /** The next suffix to try per name, so that a thousand parts named alike take linear time. */
  private readonly nextSuffix = new Map<string, number>();

  fresh(wanted: string): string {
    const base = wanted.replace(/[^A-Za-z0-9]+/g, "_");
    let candidate = base;
    let suffix = this.nextSuffix.get(base) ?? 2;
    while (this.taken.has(candidate)) candidate = `${base}_${suffix++}`;
    this.nextSuffix.set(base, suffix);
    this.taken.add(candidate);
    return candidate;
  }
}

/**
 * The most arguments one emitted call gets. V8 refuses to parse a call of 65,535 or more, and one of
 * tens of thousands overflows the stack when it runs: `Math.min(...)` of a longer `and` nests calls.
 */
const maxArguments = 1_000;

/** `Math.min(a, b, c)`, or for more arguments than a call may have, calls of calls; min and max are associative. */
function associativeCall(callee: string, operands: readonly string[]): string {
  if (operands.length <= maxArguments) return `${callee}(${operands.join(", ")})`;
  const groups: string[] = [];
  for (let start = 0; start < operands.length; start += maxArguments)
    groups.push(associativeCall(callee, operands.slice(start, start + maxArguments)));
  return associativeCall(callee, groups);
}

/** The locals of one explain block: the truth of each compound part nested in another, by identity. */
type HoistedTruths = ReadonlyMap<Condition, string>;

const noHoisting: HoistedTruths = new Map();

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
    return this.truthUsing(condition, noHoisting);
  }

  /** The truth of `condition`, reading the truth of a compound part from its local when it has one. */
  private operandTruth(condition: Condition, hoisted: HoistedTruths): string {
    return hoisted.get(condition) ?? this.truthUsing(condition, hoisted);
  }

  private truthUsing(condition: Condition, hoisted: HoistedTruths): string {
    const operands = (compound: Compound) => compound.operands.map((operand) => this.operandTruth(operand, hoisted));
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
        return `(2 - ${this.operandTruth(condition.operand, hoisted)})`;
      case "and":
        return associativeCall("Math.min", operands(condition));
      case "or":
        return associativeCall("Math.max", operands(condition));
      case "atLeast":
        return `atLeast(${condition.count}, [${operands(condition).join(", ")}])`;
      case "definition":
        return this.names.get("def", condition.name);
      case "part":
        return this.names.get("holds", condition.id);
    }
  }

  private markIfUnknown(fact: string, unknownTest: string): string {
    return `if (${unknownTest}) mark(${this.factIndex.get(fact) ?? -1});`;
  }

  /** The first thing a condition reads, to name the local of its truth: `any_therapy_kind`. */
  private firstRead(condition: Condition): string {
    switch (condition.kind) {
      case "constant":
        return condition.value ? "yes" : "no";
      case "fact":
      case "oneOf":
      case "contains":
        return condition.fact;
      case "compare": {
        const fact = [condition.left, condition.right].find((term) => term.kind === "fact");
        return fact?.kind === "fact" ? fact.fact : "service_date";
      }
      case "not":
        return this.firstRead(condition.operand);
      case "and":
      case "or":
      case "atLeast":
        return condition.operands[0] ? this.firstRead(condition.operands[0]) : "nothing";
      case "definition":
        return condition.name;
      case "part":
        return condition.id;
    }
  }

  /**
   * The compound parts of `condition` nested inside another compound part, each given a local
   * (`all_...`, `any_...`, `at_least_2_...`), innermost first so that each local reads only earlier ones.
   */
  private hoist(condition: Condition): { readonly hoisted: Map<Condition, string>; readonly statements: string[] } {
    const names = new BlockNames();
    const hoisted = new Map<Condition, string>();
    const statements: string[] = [];
    const visit = (node: Condition, insideCompound: boolean): void => {
      if (hoisted.has(node)) return;
      if (node.kind === "not") return visit(node.operand, insideCompound);
      if (!isCompound(node)) return;
      for (const operand of node.operands) visit(operand, true);
      if (!insideCompound) return;
      const local = names.fresh(`${localRole(node)}_${this.firstRead(node)}`);
      statements.push(`const ${local}: number = ${this.truthUsing(node, hoisted)};`);
      hoisted.set(node, local);
    };
    visit(condition, false);
    return { hoisted, statements };
  }

  /**
   * Statements that call `mark(factIndex)` for every unknown fact that can change `condition`,
   * descending only into parts whose own value is unknown. NOTE: they may declare locals, so each
   * call's statements go in a block of their own (a `case`, a function, an `if`).
   */
  explain(condition: Condition): string[] {
    const { hoisted, statements } = this.hoist(condition);
    const marks = this.explainUsing(condition, hoisted);
    return marks.length === 0 ? [] : [...statements, ...marks];
  }

  private explainUsing(condition: Condition, hoisted: HoistedTruths): string[] {
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
        return this.explainUsing(condition.operand, hoisted);
      case "and":
      case "or":
      case "atLeast": {
        const inner = condition.operands.flatMap((operand) => this.explainUsing(operand, hoisted));
        return inner.length === 0 ? [] : [`if (${this.operandTruth(condition, hoisted)} === 1) {`, ...inner, "}"];
      }
      case "definition":
        return [
          `if (${this.names.get("def", condition.name)} === 1) ${this.names.get("explain_def", condition.name)}();`,
        ];
      case "part":
        return [
          `if (${this.names.get("holds", condition.id)} === 1) ${this.names.get("explain_part", condition.id)}();`,
        ];
    }
  }
}
