// Before any timing: the hand-written WNC.CP.224 must agree with the generated evaluator on every fact
// set (outcome, reason ids, missing-fact names), and the hand-written claim checker with the generated
// one on every claim (verdict, findings with their lines and missing facts, lines not governed); both
// pairs must refuse the same malformed inputs with the same fields. The first difference is a
// BenchFailure: a faster wrong answer is no baseline.

import { checkClaim, evaluate, type Claim, type Facts } from "../generated/wnc-cp-224/evaluator.js";
import { PolicyInputError, type ClaimCheckOptions } from "../generated/runtime/index.js";
import { decideHomeInfusion, HandInputError } from "./hand-written-wnc-cp-224.js";
import { checkWncClaim } from "./hand-written-wnc-cp-224-claims.js";
import { BenchFailure } from "./failure.js";
import type { FactSet } from "./wnc-fact-sets.js";
import type { ClaimSet } from "./wnc-claims.js";

interface Comparable {
  readonly outcome: string;
  readonly reasons: readonly string[];
  readonly missingFacts: readonly string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function show(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Outcome, reasons and missing facts of both evaluators for every set; returns the outcome counts. */
export function checkAgreement(sets: readonly FactSet[]): Map<string, number> {
  const outcomes = new Map<string, number>();
  sets.forEach(({ facts, asOf }, index) => {
    const generated = evaluate(facts, { asOf });
    const expected: Comparable = {
      outcome: generated.outcome,
      reasons: generated.reasons.map((reason) => reason.id),
      // NOTE: compared as sets: the generated order is ranked case by case (runtime/rank-questions.ts),
      // which the hand-written baseline does not attempt; the differential test holds the order.
      missingFacts: generated.missingFacts.map((fact) => fact.fact).sort(),
    };
    const handWritten = decideHomeInfusion(facts, { asOf });
    const actual: Comparable = { ...handWritten, missingFacts: [...handWritten.missingFacts].sort() };
    if (
      expected.outcome !== actual.outcome ||
      !sameList(expected.reasons, actual.reasons) ||
      !sameList(expected.missingFacts, actual.missingFacts)
    ) {
      throw new BenchFailure(
        `the hand-written evaluator disagrees with the generated one on fact set ${index} (as of ${asOf}):\n` +
          `facts: ${show(facts)}\ngenerated: ${show(expected)}\nhand-written: ${show(actual)}`,
      );
    }
    outcomes.set(expected.outcome, (outcomes.get(expected.outcome) ?? 0) + 1);
  });
  return outcomes;
}

/** The fields an evaluator refuses `facts` for, sorted; undefined when it decides instead. */
function refusedFields(decide: () => unknown): string[] | undefined {
  try {
    decide();
    return undefined;
  } catch (error) {
    if (error instanceof PolicyInputError || error instanceof HandInputError)
      return error.issues.map((issue) => issue.field).sort();
    throw error;
  }
}

/** Both evaluators must refuse each malformed input, naming the same fields. */
export function checkRefusals(inputs: readonly { facts: unknown; asOf: string }[]): void {
  inputs.forEach(({ facts, asOf }, index) => {
    // NOTE: the cast is the point: these inputs break the Facts type on purpose.
    const input = facts as Facts;
    const generated = refusedFields(() => evaluate(input, { asOf }));
    const hand = refusedFields(() => decideHomeInfusion(input, { asOf }));
    if (generated === undefined || hand === undefined || !sameList(generated, hand)) {
      throw new BenchFailure(
        `malformed input ${index} (as of ${show(asOf)}) is not refused alike:\nfacts: ${show(facts)}\n` +
          `generated refuses: ${show(generated ?? "nothing")}\nhand-written refuses: ${show(hand ?? "nothing")}`,
      );
    }
  });
}

// ----- claims ------------------------------------------------------------------------------------

/** What both claim checkers report, in a form that compares as JSON text. */
interface ComparableClaimCheck {
  readonly verdict: string;
  readonly violations: readonly { readonly rule: string; readonly lines: readonly number[] }[];
  readonly pending: readonly {
    readonly rule: string;
    readonly lines: readonly number[];
    readonly missingFacts: readonly string[];
  }[];
  readonly linesNotGoverned: readonly number[];
}

interface CheckLike {
  readonly verdict: string;
  readonly violations: readonly { readonly rule: string; readonly lines: readonly number[] }[];
  readonly pending: readonly {
    readonly rule: string;
    readonly lines: readonly number[];
    readonly missingFacts?: readonly string[];
  }[];
  readonly linesNotGoverned: readonly number[];
}

function comparableClaimCheck(check: CheckLike): ComparableClaimCheck {
  return {
    verdict: check.verdict,
    violations: check.violations.map(({ rule, lines }) => ({ rule, lines })),
    pending: check.pending.map(({ rule, lines, missingFacts }) => ({
      rule,
      lines,
      missingFacts: missingFacts ?? [],
    })),
    linesNotGoverned: check.linesNotGoverned,
  };
}

/** Verdict, findings and lines not governed of both claim checkers for every claim; returns the verdict counts. */
export function checkClaimAgreement(sets: readonly ClaimSet[]): Map<string, number> {
  const verdicts = new Map<string, number>();
  sets.forEach(({ claim, options }, index) => {
    const expected = comparableClaimCheck(checkClaim(claim, options));
    const actual = comparableClaimCheck(checkWncClaim(claim, options));
    // NOTE: both sides are built above with the same key order, so equal JSON means equal content.
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      throw new BenchFailure(
        `the hand-written claim checker disagrees with the generated one on claim ${index} (options ${JSON.stringify(options)}):\n` +
          `claim: ${show(claim)}\ngenerated: ${show(expected)}\nhand-written: ${show(actual)}`,
      );
    }
    verdicts.set(expected.verdict, (verdicts.get(expected.verdict) ?? 0) + 1);
  });
  return verdicts;
}

/** Both claim checkers must refuse each malformed claim, naming the same fields. */
export function checkClaimRefusals(inputs: readonly { claim: unknown; options: ClaimCheckOptions }[]): void {
  inputs.forEach(({ claim, options }, index) => {
    // NOTE: the cast is the point: these claims break the Claim type on purpose.
    const input = claim as Claim;
    const generated = refusedFields(() => checkClaim(input, options));
    const hand = refusedFields(() => checkWncClaim(input, options));
    if (generated === undefined || hand === undefined || !sameList(generated, hand)) {
      throw new BenchFailure(
        `malformed claim ${index} (options ${JSON.stringify(options)}) is not refused alike:\nclaim: ${show(claim)}\n` +
          `generated refuses: ${show(generated ?? "nothing")}\nhand-written refuses: ${show(hand ?? "nothing")}`,
      );
    }
  });
}
