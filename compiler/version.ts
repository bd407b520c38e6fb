// The compiler's version, stated in every evaluator it generates and so in every decision: a
// decision says which compiler's code made it. Kept equal to package.json's version by a test
// (test/policy-identity.test.ts); a constant, so that a generated file never depends on where the
// compiler was installed.

export const compilerVersion = "0.1.0";

/** How a decision names the compiler: `policyc 0.1.0`. */
export const compilerName = `policyc ${compilerVersion}`;
