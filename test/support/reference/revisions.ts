// The reference reading of a policy's revision log: which revision is in force on a date, whether a
// statement is in force in it, and the identity a decision or claim check reports.

import type { PolicyModel, RevisionRange } from "../../../compiler/model/policy-model.js";
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
  };
}

/** What a caller gets back for input the evaluator must refuse: the fields a PolicyInputError names. */
export interface Refusal {
  readonly refused: readonly string[];
}
