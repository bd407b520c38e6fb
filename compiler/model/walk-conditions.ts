// Walking the conditions of a policy model: every condition a model holds, and every condition
// nested inside one. For stages that search conditions (which facts a comparison reads, whether
// `at least N of` is used) without each writing its own recursion.

import type { Condition, PolicyModel, RecordQuantifier } from "./policy-model.js";

/** The conditions a quantifier holds: its filter, and its test when it has one. */
export function recordConditions(quantifier: RecordQuantifier): Condition[] {
  switch (quantifier.kind) {
    case "some":
    case "none":
    case "count":
      return [quantifier.filter];
    case "every":
    case "latest":
    case "earliest":
      return [quantifier.filter, quantifier.test];
  }
}

/** The condition and every condition inside it (under not, and, or, at least), depth first. */
export function* nestedConditions(condition: Condition): Generator<Condition> {
  yield condition;
  switch (condition.kind) {
    case "not":
      yield* nestedConditions(condition.operand);
      return;
    case "and":
    case "or":
    case "atLeast":
      for (const operand of condition.operands) yield* nestedConditions(operand);
      return;
    case "records":
      for (const inner of recordConditions(condition.quantifier)) yield* nestedConditions(inner);
      return;
    case "applied":
      yield* nestedConditions(condition.condition);
      return;
    default:
      return;
  }
}

/**
 * Every top-level condition of the coverage rules: definitions, rules (every version) and their
 * applicability, exceptions, sections.
 */
export function coverageConditions(model: PolicyModel): Condition[] {
  return [
    ...model.definitions.map((definition) => definition.condition),
    ...model.rules.flatMap((rule) => [
      rule.condition,
      ...rule.earlier.map((version) => version.condition),
      ...rule.applicability.map(({ condition }) => condition),
    ]),
    ...model.exceptions.map((exception) => exception.condition),
    ...model.outline.flatMap((entry) => (entry.kind === "section" && entry.appliesWhen ? [entry.appliesWhen] : [])),
  ];
}

/** Every condition anywhere in the coverage rules, nested ones included. */
export function allCoverageConditions(model: PolicyModel): Condition[] {
  return coverageConditions(model).flatMap((condition) => [...nestedConditions(condition)]);
}
