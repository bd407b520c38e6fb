// Runs resolved cases against an evaluator and says, as data, how each one that fails differs from
// what it expects. Input: the evaluator's public functions and the cases; output: one result per
// case. `policyc test` words the failures (describe-failure.ts); the evaluator is never altered.

import type { ClaimCheck, ClaimFinding, Decision, MissingFact, Reason } from "../runtime/index.js";
import type { ResolvedCase, ResolvedClaimCase } from "./check-cases.js";

/** What a generated module exports for its callers: all `policyc test` uses of it. */
export interface CaseEvaluator {
  evaluate(facts: unknown, options: { readonly asOf: string; readonly trace?: boolean }): Decision;
  checkClaim(claim: unknown, options?: unknown): ClaimCheck;
}

/** A list the case names exactly, beside what the decision gave: the ids the case lacks and those it did not expect. */
export interface ListDifference<T> {
  readonly absent: readonly string[];
  readonly extra: readonly T[];
}

export type CaseFailure =
  | {
      readonly kind: "refused";
      readonly message: string;
    }
  | {
      readonly kind: "decision";
      readonly decision: Decision;
      /** The reasons that decided what the evaluator gave (see decisiveReasons). */
      readonly decisive: readonly Reason[];
      readonly outcome?: { readonly expected: string; readonly got: string };
      readonly because?: ListDifference<Reason>;
      readonly asking?: ListDifference<MissingFact>;
      readonly exceptions?: ListDifference<string>;
      readonly priorApproval?: { readonly expected: boolean; readonly got: boolean };
      readonly services?: ListDifference<string>;
      readonly qualified?: ListDifference<string>;
      readonly limitations?: ListDifference<string>;
    };

export type ClaimCaseFailure =
  | { readonly kind: "refused"; readonly message: string }
  | {
      readonly kind: "claim";
      readonly violations: ListDifference<ClaimFinding>;
      /** Rules expected pending but not, and rules pending that the case did not expect. */
      readonly pending: ListDifference<ClaimFinding>;
    };

export interface CaseResult {
  readonly case: ResolvedCase;
  readonly failure?: CaseFailure;
}

export interface ClaimCaseResult {
  readonly case: ResolvedClaimCase;
  readonly failure?: ClaimCaseFailure;
}

/** The reasons a case's `because` speaks of: what denies, what is undecided, or what was set aside. */
export function decisiveReasons(decision: Decision): Reason[] {
  const reasons =
    decision.outcome === "covered"
      ? decision.reasons.filter((reason) => reason.overriddenBy !== undefined || reason.kind === "exception")
      : decision.reasons;
  return [...reasons].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function difference<T>(expected: readonly string[], got: readonly T[], idOf: (item: T) => string) {
  const gotIds = new Set(got.map(idOf));
  const wanted = new Set(expected);
  const absent = [...wanted].filter((id) => !gotIds.has(id)).sort();
  const extra = got.filter((item) => !wanted.has(idOf(item)));
  return absent.length === 0 && extra.length === 0 ? undefined : { absent, extra };
}

const words: Record<string, string> = { covered: "covered", not_covered: "not covered", pending: "pending" };

function compareDecision(resolved: ResolvedCase, decision: Decision): CaseFailure | undefined {
  const expect = resolved.expect;
  const decisive = decisiveReasons(decision);
  const gotOutcome = words[decision.outcome] ?? decision.outcome;
  const expectedOutcome = words[expect.outcome] ?? expect.outcome;
  const because = expect.because && difference(expect.because, decisive, (reason) => reason.id);
  const asking = expect.asking && difference(expect.asking, decision.missingFacts, (missing) => missing.fact);
  const exceptions = difference(expect.exceptionsApplied, decision.exceptionsApplied, (id) => id);
  const services = difference(
    expect.servicesNotCovered,
    decision.servicesNotCovered.filter((s) => s.status === "not_covered").map((s) => s.section),
    (id) => id,
  );
  const qualified = expect.qualifiedUnder && difference(expect.qualifiedUnder, decision.qualifiedUnder, (id) => id);
  const limitations =
    expect.limitations && difference(expect.limitations, decision.limitations, (limitation) => limitation.id);
  const differences = {
    ...(gotOutcome !== expectedOutcome && { outcome: { expected: expectedOutcome, got: gotOutcome } }),
    ...(because && { because }),
    ...(asking && { asking }),
    ...(exceptions && { exceptions }),
    ...(decision.priorApprovalRequired !== expect.priorApprovalRequired && {
      priorApproval: { expected: expect.priorApprovalRequired, got: decision.priorApprovalRequired },
    }),
    ...(services && { services }),
    ...(qualified && { qualified }),
    ...(limitations && { limitations: { absent: limitations.absent, extra: limitations.extra.map((l) => l.id) } }),
  };
  return Object.keys(differences).length === 0 ? undefined : { kind: "decision", decision, decisive, ...differences };
}

/** Runs each case; a case passes when outcome, reasons, questions, exceptions and services are as it says. */
export function runCases(evaluator: CaseEvaluator, cases: readonly ResolvedCase[]): CaseResult[] {
  return cases.map((resolved) => {
    let decision: Decision;
    try {
      decision = evaluator.evaluate(resolved.facts, { asOf: resolved.asOf, trace: false });
    } catch (error) {
      return { case: resolved, failure: { kind: "refused", message: (error as Error).message } };
    }
    const failure = compareDecision(resolved, decision);
    return failure === undefined ? { case: resolved } : { case: resolved, failure };
  });
}

/** Runs each claim case; it passes when exactly the rules it names are broken, and exactly those of `expect pending` pending. */
export function runClaimCases(evaluator: CaseEvaluator, cases: readonly ResolvedClaimCase[]): ClaimCaseResult[] {
  return cases.map((resolved) => {
    let check: ClaimCheck;
    try {
      check = evaluator.checkClaim(resolved.claim, resolved.options);
    } catch (error) {
      return { case: resolved, failure: { kind: "refused", message: (error as Error).message } };
    }
    const violations = difference(resolved.expectViolations, check.violations, (finding) => finding.rule);
    const pending = difference(resolved.expectPending, check.pending, (finding) => finding.rule);
    if (violations === undefined && pending === undefined) return { case: resolved };
    const none = { absent: [], extra: [] };
    return { case: resolved, failure: { kind: "claim", violations: violations ?? none, pending: pending ?? none } };
  });
}
