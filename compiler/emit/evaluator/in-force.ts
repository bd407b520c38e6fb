// Revisions in generated code: each a named constant (`REVISION_2023_08`, approved August 2023, with
// the day it took effect), so that a statement's lifetime and a claim rule's date test read as dates.

import type { PolicyModel, RevisionRange } from "../../model/policy-model.js";
import { revisionConstName } from "../../naming/generated-names.js";

/** The constant of the revision at `index` in the policy's log. */
export function revisionConst(model: PolicyModel, index: number): string {
  const revision = model.revisions[index];
  if (revision === undefined) throw new Error(`policyc: internal error: no revision ${index}`);
  return revisionConstName(revision.approved);
}

/** `{ from: REVISION_2021_05, until: REVISION_2024_05 }`. */
export function lifetimeLiteral(model: PolicyModel, range: RevisionRange): string {
  const until = range.until === undefined ? "" : `, until: ${revisionConst(model, range.until)}`;
  return `{ from: ${revisionConst(model, range.from)}${until} }`;
}

/** `asOf >= REVISION_2023_08.effective`, or undefined when the statement is in force in every revision. */
export function inForceTest(model: PolicyModel, range: RevisionRange, asOf: string): string | undefined {
  const tests = [
    ...(range.from > 0 ? [`${asOf} >= ${revisionConst(model, range.from)}.effective`] : []),
    ...(range.until !== undefined ? [`${asOf} < ${revisionConst(model, range.until)}.effective`] : []),
  ];
  return tests.length === 0 ? undefined : tests.join(" && ");
}
