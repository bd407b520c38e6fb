// The reference reading of a policy's revision log: which revision is in force on a date, whether a
// statement is in force in it, and the identity a decision or claim check reports.

import { readingsReliedOn } from "../../../compiler/model/readings-relied-on.js";
import { modelHash } from "../../../compiler/model/model-hash.js";
import { compilerName } from "../../../compiler/version.js";
import type { PolicyModel, RevisionRange, RuleModel } from "../../../compiler/model/policy-model.js";
import { ruleVersions } from "../../../compiler/model/versions.js";
import type { PolicyIdentity } from "../../../compiler/runtime/decision.js";

/**
 * The index of the revision in force on `date`: the latest one in the log that took effect on or
 * before it. Undefined before the policy took effect, when there is nothing to decide by.
 */
export function revisionOn(model: PolicyModel, date: string): number | undefined {
  let inForce: number | undefined;
  model.revisions.forEach((revision, index) => {
    if (revision.effective <= date) inForce = index;
  });
  return inForce;
}

/** A statement is in force from revision `from` up to, not including, revision `until`. */
export function inForce(range: RevisionRange, revision: number): boolean {
  return revision >= range.from && (range.until === undefined || revision < range.until);
}

export function identityOf(model: PolicyModel, revision: number): PolicyIdentity {
  const inForceRevision = model.revisions[revision];
  if (inForceRevision === undefined) throw new Error(`reference: ${model.reference} has no revision ${revision}`);
  return {
    reference: model.reference,
    title: model.title,
    revision: inForceRevision.approved,
    revisionEffective: inForceRevision.effective,
    sourceHash: model.sourceHash,
    // The hash and the compiler's name are metadata, not logic: the reference takes them as the emitter does.
    modelHash: modelHash(model),
    compiler: compilerName,
    readings: readingsReliedOn(model).policy,
  };
}

/** What a caller gets back for input the evaluator must refuse: the fields a PolicyInputError names. */
export interface Refusal {
  readonly refused: readonly string[];
}

/** In force in every revision, or in none: how a statement stands once its date is fixed (`onDate`). */
const always: RevisionRange = { from: 0 };
const never: RevisionRange = { from: 0, until: 0 };

/**
 * What a statement stands as on `date`: each change to it (its versions' starts, its removal) is made
 * by a revision; of those that took effect on or before the date, the latest in the log decides.
 */
function standingOn<T>(
  model: PolicyModel,
  changes: readonly { readonly revision: number; readonly state: T | undefined }[],
  date: string,
): T | undefined {
  const inEffect = changes.filter((change) => (model.revisions[change.revision]?.effective ?? "9999") <= date);
  return inEffect.sort((a, b) => b.revision - a.revision)[0]?.state;
}

/**
 * The policy as it stands on `date`: each rule with the words and condition of its version then, and
 * every rule and exception in force always or never, so that the rest of the reference can read it
 * with any revision.
 */
export function onDate(model: PolicyModel, date: string): PolicyModel {
  const dated = (rule: RuleModel): RuleModel => {
    const versions = ruleVersions(rule);
    const changes = [
      ...versions.map((version) => ({ revision: version.inForce.from, state: version })),
      ...(rule.inForce.until === undefined ? [] : [{ revision: rule.inForce.until, state: undefined }]),
    ];
    const version = standingOn(model, changes, date);
    return version === undefined
      ? { ...rule, inForce: never }
      : { ...rule, text: version.text, condition: version.condition, readings: version.readings, inForce: always };
  };
  return {
    ...model,
    rules: model.rules.map(dated),
    exceptions: model.exceptions.map((exception) => {
      const changes = [
        { revision: exception.inForce.from, state: true },
        ...(exception.inForce.until === undefined ? [] : [{ revision: exception.inForce.until, state: undefined }]),
      ];
      return { ...exception, inForce: standingOn(model, changes, date) === true ? always : never };
    }),
  };
}
