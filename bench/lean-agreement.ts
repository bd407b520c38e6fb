// Before the lean baselines are timed: the lean WNC.CP.224 must agree with the generated evaluator on
// every fact set (the outcome and the set of deciding reason ids), and the lean claim checker with the
// generated checkClaim on every claim (the verdict and the sets of violated and pending rule
// ids); each must refuse every malformed input the generated code refuses, naming the same fields.
// The first difference is a BenchFailure: a faster wrong answer is no baseline.

import { checkClaim, evaluate, type Claim, type Facts } from "../generated/wnc-cp-224/evaluator.js";
import { PolicyInputError, type ClaimCheckOptions } from "../generated/runtime/index.js";
import { BenchFailure } from "./failure.js";
import { HandInputError } from "./hand-written-wnc-cp-224.js";
import { decideLean } from "./lean-wnc-cp-224.js";
import { checkLeanClaim } from "./lean-wnc-cp-224-claims.js";
import type { FactSet } from "./wnc-fact-sets.js";
import type { ClaimSet } from "./wnc-claims.js";

function sortedText(ids: readonly string[]): string {
  return JSON.stringify([...ids].sort());
}

function show(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The outcome and the set of reason ids of both, on every set. */
export function checkLeanAgreement(sets: readonly FactSet[]): void {
  sets.forEach(({ facts, asOf }, index) => {
    const generated = evaluate(facts, { asOf });
    const lean = decideLean(facts, { asOf });
    const expected = { outcome: generated.outcome, reasons: sortedText(generated.reasons.map((reason) => reason.id)) };
    const actual = { outcome: lean.outcome, reasons: sortedText(lean.reasons) };
    if (expected.outcome !== actual.outcome || expected.reasons !== actual.reasons)
      throw new BenchFailure(
        `the lean evaluator disagrees with the generated one on fact set ${index} (as of ${asOf}):\n` +
          `facts: ${show(facts)}\ngenerated: ${show(expected)}\nlean: ${show(actual)}`,
      );
  });
}

/** The verdict and the sets of violated and pending rule ids of both, on every claim. */
export function checkLeanClaimAgreement(sets: readonly ClaimSet[]): void {
  sets.forEach(({ claim, options }, index) => {
    const generated = checkClaim(claim, options);
    const lean = checkLeanClaim(claim, options);
    const expected = {
      verdict: generated.verdict,
      violations: sortedText(generated.violations.map((finding) => finding.rule)),
      pending: sortedText(generated.pending.map((finding) => finding.rule)),
    };
    const actual = {
      verdict: lean.verdict,
      violations: sortedText(lean.violations),
      pending: sortedText(lean.pending),
    };
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      throw new BenchFailure(
        `the lean claim checker disagrees with the generated one on claim ${index} (options ${JSON.stringify(options)}):\n` +
          `claim: ${show(claim)}\ngenerated: ${show(expected)}\nlean: ${show(actual)}`,
      );
  });
}

/** The fields `decide` refuses its input for, sorted; undefined when it answers instead. */
function refusedFields(decide: () => unknown): string | undefined {
  try {
    decide();
    return undefined;
  } catch (error) {
    if (error instanceof PolicyInputError || error instanceof HandInputError)
      return sortedText(error.issues.map((issue) => issue.field));
    throw error;
  }
}

function checkRefused(what: string, generated: string | undefined, lean: string | undefined, input: unknown): void {
  if (generated === undefined || lean === undefined || generated !== lean)
    throw new BenchFailure(
      `${what} is not refused alike:\ninput: ${show(input)}\n` +
        `generated refuses: ${generated ?? "nothing"}\nlean refuses: ${lean ?? "nothing"}`,
    );
}

/** The lean evaluator refuses each malformed input, naming the fields the generated one names. */
export function checkLeanRefusals(inputs: readonly { facts: unknown; asOf: string }[]): void {
  inputs.forEach(({ facts, asOf }, index) => {
    // NOTE: the cast is the point: these inputs break the Facts type on purpose.
    const input = facts as Facts;
    checkRefused(
      `malformed input ${index} (as of ${asOf})`,
      refusedFields(() => evaluate(input, { asOf })),
      refusedFields(() => decideLean(input, { asOf })),
      facts,
    );
  });
}

/** The lean claim checker refuses each malformed claim, naming the fields checkClaim names. */
export function checkLeanClaimRefusals(inputs: readonly { claim: unknown; options: ClaimCheckOptions }[]): void {
  inputs.forEach(({ claim, options }, index) => {
    const input = claim as Claim;
    checkRefused(
      `malformed claim ${index} (options ${JSON.stringify(options)})`,
      refusedFields(() => checkClaim(input, options)),
      refusedFields(() => checkLeanClaim(input, options)),
      claim,
    );
  });
}
