// The policy as it stood in one revision, for checking that revision's own published text: only the
// statements in force in it, each rule with the words of its version then, and the log up to it.
// Input: the PolicyModel and a revision's position in the log; output: a PolicyModel of the same shape.

import type { PolicyModel, RevisionRange } from "../model/policy-model.js";
import { ruleVersions } from "../model/versions.js";

function inForceIn(range: RevisionRange, revision: number): boolean {
  return revision >= range.from && (range.until === undefined || revision < range.until);
}

/** The model with only what was in force in revision `revision` (its position in the log). */
export function policyInRevision(model: PolicyModel, revision: number): PolicyModel {
  const rules = model.rules.flatMap((rule) => {
    const version = ruleVersions(rule).find((candidate) => inForceIn(candidate.inForce, revision));
    return version ? [{ ...rule, text: version.text, condition: version.condition, written: version.written }] : [];
  });
  const ruleIds = new Set(rules.map((rule) => rule.id));
  return {
    ...model,
    revisions: model.revisions.slice(0, revision + 1),
    rules,
    outline: model.outline.filter((entry) =>
      entry.kind === "rule" ? ruleIds.has(entry.id) : inForceIn(entry.inForce, revision),
    ),
    exceptions: model.exceptions.filter((exception) => inForceIn(exception.inForce, revision)),
    codes: model.codes.map((code) => ({
      ...code,
      billing: code.billing.filter((note) => inForceIn(note.inForce, revision)),
    })),
  };
}
