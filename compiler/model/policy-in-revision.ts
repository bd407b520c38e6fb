// The policy as it stood in one revision: only the statements in force in it, each rule as its
// version then (words, logic, category, readings, with the versions before it as its history), each
// lifetime ending where it stood then (a removal that came later is not known yet), and the log up to
// it. For checking that revision's own published text (trace/) and for the docs pinned to it.

import type { OutlineEntry, PolicyModel, RevisionRange, RuleModel } from "./policy-model.js";
import { ruleVersions } from "./versions.js";

function inForceIn(range: RevisionRange, revision: number): boolean {
  return revision >= range.from && (range.until === undefined || revision < range.until);
}

/** The lifetime as it stood in revision `revision`: an end that came after it is not known yet. */
function asOf(range: RevisionRange, revision: number): RevisionRange {
  return range.until !== undefined && range.until > revision ? { from: range.from } : range;
}

/** The rule as it stood in revision `revision`, or undefined when it was not in force then. */
function ruleIn(rule: RuleModel, revision: number): RuleModel | undefined {
  const versions = ruleVersions(rule);
  const at = versions.findIndex((candidate) => inForceIn(candidate.inForce, revision));
  const version = versions[at];
  if (version === undefined) return undefined;
  // The category is the version's: a rule without one then had none, whatever it has now.
  const rest: RuleModel = { ...rule };
  delete (rest as { category?: string }).category;
  return {
    ...rest,
    text: version.text,
    condition: version.condition,
    written: version.written,
    ...(version.category !== undefined && { category: version.category }),
    readings: version.readings,
    inForce: { from: rule.inForce.from },
    earlier: rule.earlier.slice(0, at),
  };
}

/** The model with only what was in force in revision `revision` (its position in the log). */
export function policyInRevision(model: PolicyModel, revision: number): PolicyModel {
  const rules = model.rules.flatMap((rule) => ruleIn(rule, revision) ?? []);
  const ruleIds = new Set(rules.map((rule) => rule.id));
  const outline = model.outline.flatMap((entry): OutlineEntry[] => {
    if (entry.kind === "rule") return ruleIds.has(entry.id) ? [entry] : [];
    return inForceIn(entry.inForce, revision) ? [{ ...entry, inForce: asOf(entry.inForce, revision) }] : [];
  });
  const inOutline = new Set(outline.map((entry) => entry.id));
  const published = model.revisions[revision]?.publishedText;
  return {
    ...model,
    revisions: model.revisions.slice(0, revision + 1),
    lastReview: model.revisions[revision]?.reviewed ?? model.revisions[revision]?.approved ?? model.lastReview,
    rules,
    outline: outline.map((entry): OutlineEntry => ({
      ...entry,
      children: entry.children.filter((id) => inOutline.has(id)),
    })),
    exceptions: model.exceptions.flatMap((exception) =>
      inForceIn(exception.inForce, revision) ? [{ ...exception, inForce: asOf(exception.inForce, revision) }] : [],
    ),
    statementReferences: model.statementReferences.filter((reference) =>
      reference.criteria.every((id) => ruleIds.has(id)),
    ),
    limitations: model.limitations.filter((limitation) => limitation.criteria.every((id) => ruleIds.has(id))),
    codes: model.codes.map((code) => ({
      ...code,
      billing: code.billing.flatMap((note) =>
        inForceIn(note.inForce, revision) ? [{ ...note, inForce: asOf(note.inForce, revision) }] : [],
      ),
    })),
    billingRules: model.billingRules.flatMap((rule) =>
      inForceIn(rule.inForce, revision) ? [{ ...rule, inForce: asOf(rule.inForce, revision) }] : [],
    ),
    ...(published !== undefined ? { publishedText: published } : {}),
  };
}
