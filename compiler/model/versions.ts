// The versions of a rule read alike: every version of a rule from the model, oldest first, the
// current one last with its own lifetime. Read by the emitters (evaluator, docs, traceability, diff).

import type { RuleModel, RuleVersionModel } from "./policy-model.js";

/** Every version of a rule, oldest first; a rule that never changed has one, its current version. */
export function ruleVersions(rule: RuleModel): RuleVersionModel[] {
  const last = rule.earlier.at(-1);
  const from = last?.inForce.until ?? rule.inForce.from;
  const current: RuleVersionModel = {
    inForce: rule.inForce.until === undefined ? { from } : { from, until: rule.inForce.until },
    text: rule.text,
    condition: rule.condition,
    written: rule.written,
    ...(rule.category !== undefined && { category: rule.category }),
    readings: rule.readings,
  };
  return [...rule.earlier, current];
}
