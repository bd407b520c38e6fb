// The test, in generated code, that a statement is in force for the revision in force (`revision`).

import type { RevisionRange } from "../../model/policy-model.js";

/** `revision >= 5 && revision < 7`, or undefined when the statement is in force in every revision. */
export function inForceTest(range: RevisionRange): string | undefined {
  const tests = [
    ...(range.from > 0 ? [`revision >= ${range.from}`] : []),
    ...(range.until !== undefined ? [`revision < ${range.until}`] : []),
  ];
  return tests.length === 0 ? undefined : tests.join(" && ");
}
