// The compiler's version, stated in every evaluator it generates and so in every decision: a
// decision says which compiler's code made it. Kept equal to package.json's version by a test
// (test/policy-identity.test.ts); a constant, so that a generated file never depends on where the
// compiler was installed.

export const compilerVersion = "0.2.0";

/** How a decision names the compiler: `policyc 0.2.0`. */
export const compilerName = `policyc ${compilerVersion}`;

/**
 * The version of the result contract every generated evaluator shares: the fields and words of a
 * decision and of a claim check. Raised when code that reads a decision must change; a policy
 * package last released under an older contract then takes a major version (package/releases.ts),
 * whatever its policy did.
 */
export const resultContract = 2;

/** What each raise of the result contract changed, one sentence each, for a release's reasons. */
export const resultContractChanges: Readonly<Record<number, string>> = {
  2: "One word for undecided: a rule's, a definition's and a services exclusion's status and a claim check's verdict now say `pending` (they said `unknown`, `undetermined` and `incomplete`), and a claim check lists the rules it could not check under `pending` (it said `undetermined`).",
};
