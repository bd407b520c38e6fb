// The values one evaluation computed, gathered for walking conditions as data (explain.ts): to find
// a pending decision's missing facts, and a covered decision's qualifying path (qualify.ts). Made
// only on those paths, never on the plain decision's.

import { markUnknownFacts, type ExplainScope } from "./explain.js";
import type { PreparedPolicy } from "./prepare.js";
import type { Workspace } from "./workspace.js";

export function explainScope<S>(policy: PreparedPolicy<S, string, string, string>, truths: Workspace): ExplainScope {
  const rules = truths.period.rules;
  const unknownSections = (sections: readonly number[], marks: number[]): void => {
    for (const section of sections)
      if (truths.sections[section] === 1) markUnknownFacts(policy.sections[section]!.appliesWhen, scope, marks);
  };
  const scope: ExplainScope = {
    index: policy.explainIndex,
    partsById: truths.period.partsById,
    factValues: truths.factValues,
    definitionValues: truths.definitionValues,
    partValues: truths.partValues,
    metValues: truths.metValues,
    // A statement referred to is unknown through its sections' conditions, or its criteria's.
    explainMet: (position, marks) => {
      const reference = policy.references[position];
      if (reference === undefined) return;
      unknownSections(reference.sections, marks);
      for (const index of reference.criteria) {
        if (truths.applies[index] === 1) unknownSections(rules[index]!.sections, marks);
        if (truths.holds[index] === 1) markUnknownFacts(rules[index]!.when, scope, marks);
      }
    },
    asOf: truths.scope.asOf,
  };
  return scope;
}
