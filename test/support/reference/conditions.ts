// The reference meaning of a Condition of the policy model: its truth in three-valued logic, and the
// unknown facts it waits on. Plain recursion over the model, written for reading, not for speed; the
// differential test holds the generated evaluators to it.

import type { ComparisonOperator, Condition, Term } from "../../../compiler/model/policy-model.js";

/** 0 false, 1 unknown, 2 true: the encoding the Decision contract uses. */
export type Truth = 0 | 1 | 2;
export const FALSE: Truth = 0;
export const UNKNOWN: Truth = 1;
export const TRUE: Truth = 2;

/** A known fact value; an unknown fact has none. */
export type FactValue = boolean | number | string | readonly string[];

/** What a condition can refer to besides its own operands. */
export interface ConditionScope {
  /** The fact's value, or undefined when it is unknown. */
  valueOf(fact: string): FactValue | undefined;
  /** The service date, YYYY-MM-DD. */
  readonly serviceDate: string;
  /** The condition of a definition, by name. */
  definition(name: string): Condition;
  /** The condition of a part of a criterion, by id. */
  part(id: string): Condition;
}

export function not(value: Truth): Truth {
  return value === TRUE ? FALSE : value === FALSE ? TRUE : UNKNOWN;
}

/** Kleene conjunction: one false operand decides; otherwise one unknown operand leaves it open. */
export function allOf(values: readonly Truth[]): Truth {
  if (values.includes(FALSE)) return FALSE;
  return values.includes(UNKNOWN) ? UNKNOWN : TRUE;
}

/** Kleene disjunction: one true operand decides; otherwise one unknown operand leaves it open. */
export function anyOf(values: readonly Truth[]): Truth {
  if (values.includes(TRUE)) return TRUE;
  return values.includes(UNKNOWN) ? UNKNOWN : FALSE;
}

function fromBoolean(value: boolean): Truth {
  return value ? TRUE : FALSE;
}

/** A term's value: a literal, the service date, or a fact's value (undefined when unknown). */
function termValue(term: Term, scope: ConditionScope): FactValue | undefined {
  switch (term.kind) {
    case "fact":
      return scope.valueOf(term.fact);
    case "number":
    case "date":
    case "text":
      return term.value;
    case "serviceDate":
      return scope.serviceDate;
  }
}

/** Numbers compare as numbers; dates are YYYY-MM-DD texts, which compare in calendar order. */
function compareKnown(operator: ComparisonOperator, left: FactValue, right: FactValue): boolean {
  if (operator === "=") return left === right;
  if (operator === "!=") return left !== right;
  // A checked policy orders only numbers with numbers and dates with dates.
  const ordered =
    (typeof left === "number" && typeof right === "number") || (typeof left === "string" && typeof right === "string");
  if (!ordered) throw new Error(`reference: cannot order ${JSON.stringify(left)} and ${JSON.stringify(right)}`);
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
  }
}

/** The truth of `condition`: a leaf that reads an unknown fact is unknown, never false. */
export function truthOf(condition: Condition, scope: ConditionScope): Truth {
  switch (condition.kind) {
    case "constant":
      return fromBoolean(condition.value);
    case "fact": {
      const value = scope.valueOf(condition.fact);
      return value === undefined ? UNKNOWN : fromBoolean(value === true);
    }
    case "oneOf": {
      const value = scope.valueOf(condition.fact);
      return value === undefined ? UNKNOWN : fromBoolean(typeof value === "string" && condition.values.includes(value));
    }
    case "compare": {
      const left = termValue(condition.left, scope);
      const right = termValue(condition.right, scope);
      if (left === undefined || right === undefined) return UNKNOWN;
      return fromBoolean(compareKnown(condition.operator, left, right));
    }
    case "contains": {
      const value = scope.valueOf(condition.fact);
      if (value === undefined) return UNKNOWN;
      const held = Array.isArray(value) ? (value as readonly string[]) : [];
      const has = (wanted: string) => held.includes(wanted);
      return fromBoolean(condition.mode === "all" ? condition.values.every(has) : condition.values.some(has));
    }
    case "not":
      return not(truthOf(condition.operand, scope));
    case "and":
      return allOf(condition.operands.map((operand) => truthOf(operand, scope)));
    case "or":
      return anyOf(condition.operands.map((operand) => truthOf(operand, scope)));
    case "atLeast": {
      const truths = condition.operands.map((operand) => truthOf(operand, scope));
      const surely = truths.filter((truth) => truth === TRUE).length;
      const possibly = surely + truths.filter((truth) => truth === UNKNOWN).length;
      // Enough operands already hold; or enough could still, once the unknown ones are learnt.
      return surely >= condition.count ? TRUE : possibly >= condition.count ? UNKNOWN : FALSE;
    }
    case "definition":
      return truthOf(scope.definition(condition.name), scope);
    case "part":
      return truthOf(scope.part(condition.id), scope);
  }
}

/**
 * The unknown facts an unknown condition waits on: found by descending only into the operands that
 * are themselves unknown (an operand already decided cannot change the outcome). A decided
 * condition waits on nothing.
 */
export function factsAwaited(condition: Condition, scope: ConditionScope, into: Set<string>): void {
  if (truthOf(condition, scope) !== UNKNOWN) return;
  switch (condition.kind) {
    case "constant":
      return;
    case "fact":
    case "oneOf":
    case "contains":
      into.add(condition.fact);
      return;
    case "compare":
      for (const term of [condition.left, condition.right]) {
        if (term.kind === "fact" && scope.valueOf(term.fact) === undefined) into.add(term.fact);
      }
      return;
    case "not":
      factsAwaited(condition.operand, scope, into);
      return;
    case "and":
    case "or":
    case "atLeast":
      for (const operand of condition.operands) factsAwaited(operand, scope, into);
      return;
    case "definition":
      factsAwaited(scope.definition(condition.name), scope, into);
      return;
    case "part":
      factsAwaited(scope.part(condition.id), scope, into);
      return;
  }
}
