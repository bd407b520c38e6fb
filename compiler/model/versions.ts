// The versions of a rule read alike: every version of a rule from the model, oldest first, the
// current one last with its own lifetime. Read by the emitters (evaluator, docs, traceability, diff).

import type { RevisionModel, RevisionRange, RuleModel, RuleVersionModel } from "./policy-model.js";

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

/**
 * What stands on `date` of a statement whose changes are `events` (a revision and the state it sets,
 * undefined for removed): among the changes whose revisions are in effect on the date (effective on
 * or before it), the latest in the log decides. So a retroactive revision changes only what it
 * changes. The runtime's prepare.ts judges a period the same way.
 */
function stateOn<T>(
  events: readonly { readonly revision: number; readonly state: T | undefined }[],
  revisions: readonly RevisionModel[],
  date: string,
): T | undefined {
  let latest = -1;
  let state: T | undefined;
  for (const event of events) {
    const effective = revisions[event.revision]?.effective;
    if (effective !== undefined && effective <= date && event.revision > latest) {
      latest = event.revision;
      state = event.state;
    }
  }
  return state;
}

/** Whether a statement with lifetime `range` (and no versions) is in force on `date`. */
export function inForceOn(range: RevisionRange, revisions: readonly RevisionModel[], date: string): boolean {
  const events = [
    { revision: range.from, state: true },
    ...(range.until === undefined ? [] : [{ revision: range.until, state: undefined }]),
  ];
  return stateOn(events, revisions, date) === true;
}

/** The version of `rule` in force on `date`, or undefined when the rule is not in force then. */
export function versionOn(
  rule: RuleModel,
  revisions: readonly RevisionModel[],
  date: string,
): RuleVersionModel | undefined {
  const events: { revision: number; state: RuleVersionModel | undefined }[] = ruleVersions(rule).map((version) => ({
    revision: version.inForce.from,
    state: version,
  }));
  if (rule.inForce.until !== undefined) events.push({ revision: rule.inForce.until, state: undefined });
  return stateOn(events, revisions, date);
}
