// One differential comparison: the same case through a generated evaluator module and through the
// reference, the two answers required to be deep-equal (a refusal counts as an answer: the fields
// of the PolicyInputError). Used by the differential test and by its mutants alike.

import { expect } from "vitest";
import type { PolicyModel } from "../../../compiler/model/policy-model.js";
import type { ClaimCheck } from "../../../compiler/runtime/claims.js";
import type { Decision } from "../../../compiler/runtime/decision.js";
import { referenceClaimCheck } from "../reference/claims.js";
import { referenceDecision } from "../reference/decision.js";
import type { Refusal } from "../reference/revisions.js";
import type { ClaimCase, CoverageCase } from "./arbitraries.js";

/** What the differential test calls on a generated module. */
export interface EvaluatorModule {
  evaluate(facts: unknown, options: { asOf: string; trace?: boolean }): Decision;
  checkClaim(claim: unknown, options?: { asOf?: string }): ClaimCheck;
}

/**
 * The answer of the generated code, with a PolicyInputError turned into the fields it names. The
 * error's class comes from a transpiled copy of the runtime, so it is recognised by its name.
 */
function answerOf<T>(run: () => T): T | Refusal {
  try {
    return run();
  } catch (error) {
    if (
      error instanceof Error &&
      error.name === "PolicyInputError" &&
      "issues" in error &&
      Array.isArray(error.issues)
    ) {
      return { refused: (error.issues as { field: string }[]).map((issue) => issue.field) };
    }
    throw error;
  }
}

export type Agreement = "decided" | "refused";

export function agreement(answer: object): Agreement {
  return "refused" in answer ? "refused" : "decided";
}

/** Asserts that evaluate and the reference agree on the case; returns the reference's answer. */
export function compareDecision(model: PolicyModel, subject: EvaluatorModule, input: CoverageCase): Decision | Refusal {
  const options = input.trace ? { asOf: input.asOf, trace: true } : { asOf: input.asOf };
  const expected = referenceDecision(model, input.facts, options);
  const actual = answerOf(() => subject.evaluate(input.facts, options));
  expect(actual, `${model.reference} evaluate on ${input.asOf}`).toStrictEqual(expected);
  return expected;
}

/** Asserts that checkClaim and the reference agree on the claim; returns the reference's answer. */
export function compareClaimCheck(
  model: PolicyModel,
  subject: EvaluatorModule,
  input: ClaimCase,
): ClaimCheck | Refusal {
  const expected = referenceClaimCheck(model, input.claim, input.options);
  const actual = answerOf(() =>
    input.options === undefined ? subject.checkClaim(input.claim) : subject.checkClaim(input.claim, input.options),
  );
  expect(actual, `${model.reference} checkClaim`).toStrictEqual(expected);
  return expected;
}
