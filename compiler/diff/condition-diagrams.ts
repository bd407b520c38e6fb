// A model's conditions as decision diagrams over the fact levels, with terminals the runtime's truths
// (0 false, 1 unknown, 2 true) and the same three-valued meaning as the compiled evaluator
// (emit/evaluator/conditions.ts): an unknown fact makes a leaf unknown, and/or are min/max, not is 2 - x.
// Leaves are evaluated on each class's representative value, as the enumeration gives them.

import { recordQuestionKey } from "./record-questions.js";
import { factOfTerm, windowBounds } from "../model/date-terms.js";
import { referredCondition } from "../model/referred-statements.js";
import { versionOn } from "../model/versions.js";
import { isMember } from "../model/value-sets.js";
import type { Condition, PolicyModel, Term } from "../model/policy-model.js";
import { shiftDate } from "../runtime/calendar.js";
import type { BinaryOperation, DiagramStore, Node } from "./decision-diagram.js";
import { SET_KNOWN, SET_UNKNOWN, type FactLevels, type FactVariable } from "./fact-levels.js";

export const AND: BinaryOperation = { name: "and", apply: Math.min, absorbing: 0, identity: 2 };
export const OR: BinaryOperation = { name: "or", apply: Math.max, absorbing: 2, identity: 0 };

type Value = boolean | number | string | readonly string[];
type Operator = Extract<Condition, { kind: "compare" }>["operator"];

/** `left OP right` as the compiled code computes it (JavaScript's comparison of numbers or texts). */
function compareValues(operator: Operator, left: Value, right: Value): boolean {
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "=":
      return left === right;
    case "!=":
      return left !== right;
  }
}

/** `at least count of`: the state is (trues, trues + unknowns), each capped at count, packed in one number. */
function atLeastStep(count: number): BinaryOperation {
  const width = count + 1;
  return {
    name: `atLeast${count}`,
    apply: (state, truth) => {
      const trues = Math.min(Math.floor(state / width) + (truth === 2 ? 1 : 0), count);
      const possible = Math.min((state % width) + (truth >= 1 ? 1 : 0), count);
      return trues * width + possible;
    },
  };
}

export class ConditionDiagrams {
  private readonly done = new WeakMap<Condition, Node>();
  private readonly definitions: ReadonlyMap<string, Condition>;
  private readonly parts: ReadonlyMap<string, Condition>;

  constructor(
    private readonly store: DiagramStore,
    private readonly levels: FactLevels,
    private readonly model: PolicyModel,
    /** The service date, YYYY-MM-DD. */
    private readonly asOf: string,
  ) {
    this.definitions = new Map(model.definitions.map((definition) => [definition.name, definition.condition]));
    // A part as it stands on the date; one not in force then is never met, as the runtime has it.
    this.parts = new Map(
      model.rules
        .filter((rule) => rule.role === "part")
        .map((rule): [string, Condition] => [
          rule.id,
          versionOn(rule, model.revisions, asOf)?.condition ?? { kind: "constant", value: false },
        ]),
    );
  }

  and(operands: readonly Node[]): Node {
    return operands.reduce((all, operand) => this.store.apply(AND, all, operand), this.store.terminal(2));
  }

  or(operands: readonly Node[]): Node {
    return operands.reduce((any, operand) => this.store.apply(OR, any, operand), this.store.terminal(0));
  }

  not(operand: Node): Node {
    return this.store.map("not", (truth) => 2 - truth, operand);
  }

  /** The diagram of a condition's truth. */
  truth(condition: Condition): Node {
    const known = this.done.get(condition);
    if (known !== undefined) return known;
    const result = this.build(condition);
    this.done.set(condition, result);
    return result;
  }

  // NOTE: the one place a kind of condition is given its meaning here: a new kind (a date offset, say)
  // is one more case of this switch, and leaves over facts go through `leaf`.
  private build(condition: Condition): Node {
    const store = this.store;
    switch (condition.kind) {
      case "constant":
        return store.terminal(condition.value ? 2 : 0);
      case "fact":
        return this.leaf([condition.fact], ([value]) => value === true);
      case "oneOf":
        return this.leaf([condition.fact], ([value]) => typeof value === "string" && condition.values.includes(value));
      case "compare":
        return this.termsLeaf([condition.left, condition.right], ([left, right]) =>
          compareValues(condition.operator, left!, right!),
        );
      case "dateWindow": {
        const { from, to } = windowBounds(condition.anchor, condition.window);
        return this.termsLeaf([condition.date, from, to], ([date, first, last]) => first! <= date! && date! <= last!);
      }
      case "contains":
        return this.contains(condition);
      case "inValueSet":
        return this.leaf([condition.fact], ([value]) => isMember(this.model, condition, value));
      case "not":
        return this.not(this.truth(condition.operand));
      case "and":
        return this.and(condition.operands.map((operand) => this.truth(operand)));
      case "or":
        return this.or(condition.operands.map((operand) => this.truth(operand)));
      case "atLeast": {
        const step = atLeastStep(condition.count);
        const width = condition.count + 1;
        const state = condition.operands.reduce(
          (folded, operand) => store.apply(step, folded, this.truth(operand)),
          store.terminal(0),
        );
        return store.map(
          `atLeastTruth${condition.count}`,
          (packed) => (Math.floor(packed / width) >= condition.count ? 2 : packed % width >= condition.count ? 1 : 0),
          state,
        );
      }
      case "definition": {
        const definition = this.definitions.get(condition.name);
        if (definition === undefined) throw new Error(`policyc diff: no definition ${condition.name}`);
        return this.truth(definition);
      }
      case "part": {
        // A part's value is read only while its criterion applies, where it is its condition's truth.
        const part = this.parts.get(condition.id);
        if (part === undefined) throw new Error(`policyc diff: no part ${condition.id}`);
        return this.truth(part);
      }
      case "records":
        return this.leaf([recordQuestionKey(condition)], ([answer]) => answer === true);
      case "applied":
        // Outside a quantifier, a call gives only values: its body, with each argument in place.
        return this.truth(condition.condition);
      case "field":
        // Read only inside a quantifier, which is one question as a whole (record-questions.ts).
        throw new Error("policyc diff: internal error: a condition on a record reached the decision diagrams");
      case "statement":
        return this.truth(
          referredCondition(
            this.model,
            condition,
            (rule) => versionOn(rule, this.model.revisions, this.asOf)?.condition,
          ),
        );
    }
  }

  /** A test of terms' values (facts, literals, the service date, dates moved by a duration), as a leaf over the facts they read. */
  private termsLeaf(terms: readonly Term[], test: (values: readonly Value[]) => boolean): Node {
    const facts = terms.flatMap((term) => {
      const fact = factOfTerm(term);
      return fact === undefined ? [] : [fact];
    });
    return this.leaf(facts, (values) => {
      const valueOf = (term: Term): Value => {
        switch (term.kind) {
          case "fact":
            return values[facts.indexOf(term.fact)]!;
          case "number":
          case "date":
          case "text":
            return term.value;
          case "serviceDate":
            return this.asOf;
          case "shifted":
            return shiftDate(valueOf(term.date) as string, term.by.amount, term.by.unit);
          case "field":
          case "parameter":
            throw new Error(`policyc diff: internal error: a ${term.kind} reached the decision diagrams`);
        }
      };
      return test(terms.map(valueOf));
    });
  }

  private variable(name: string): FactVariable {
    const variable = this.levels.byName.get(name);
    if (variable === undefined) throw new Error(`policyc diff: no level for fact ${name}`);
    return variable;
  }

  /**
   * A test of one or two facts by their values: unknown when any is unknown, else `test` on the
   * representatives. Facts are split in level order, so the diagram stays ordered.
   */
  private leaf(names: readonly string[], test: (values: readonly Value[]) => boolean): Node {
    const distinct = [...new Set(names)];
    const variables = distinct.map((name) => this.variable(name));
    const ordered = [...variables].sort((a, b) => a.level - b.level);
    const store = this.store;
    const chosen = new Map<string, Value>();
    const split = (index: number): Node => {
      const variable = ordered[index];
      if (variable === undefined) return store.terminal(test(names.map((name) => chosen.get(name)!)) ? 2 : 0);
      if (variable.kind === "set") {
        // A set compared as a whole: each subset of its members, as the enumeration would give it.
        return store.node(variable.level, [
          this.subsets(variable, 0, [], (subset) => {
            chosen.set(variable.name, subset);
            return split(index + 1);
          }),
          store.terminal(1),
        ]);
      }
      return store.node(variable.level, [
        ...variable.classes.map((value) => {
          chosen.set(variable.name, value.value);
          return split(index + 1);
        }),
        store.terminal(1),
      ]);
    };
    return split(0);
  }

  /** Every subset of a set's members from `from` on, as a diagram over the member levels. */
  private subsets(
    variable: Extract<FactVariable, { kind: "set" }>,
    from: number,
    held: readonly string[],
    then: (subset: readonly string[]) => Node,
  ): Node {
    const member = variable.members[from];
    if (member === undefined) return then(held);
    return this.store.node(member.level, [
      this.subsets(variable, from + 1, held, then),
      this.subsets(variable, from + 1, [...held, member.value], then),
    ]);
  }

  /** `contains all/any of`: member by member, unknown when the set is. */
  private contains(condition: Extract<Condition, { kind: "contains" }>): Node {
    const variable = this.variable(condition.fact);
    if (variable.kind !== "set")
      return this.leaf([condition.fact], ([value]) =>
        Array.isArray(value)
          ? condition.mode === "all"
            ? condition.values.every((wanted) => value.includes(wanted))
            : condition.values.some((wanted) => value.includes(wanted))
          : false,
      );
    const store = this.store;
    const tests = condition.values.map((wanted) => {
      const member = variable.members.find((candidate) => candidate.value === wanted);
      return member === undefined ? store.terminal(0) : store.variable(member.level, [0, 2]);
    });
    const known = condition.mode === "all" ? this.and(tests) : this.or(tests);
    const result = [SET_KNOWN, SET_UNKNOWN].map((value) => (value === SET_KNOWN ? known : store.terminal(1)));
    return store.node(variable.level, result);
  }
}
