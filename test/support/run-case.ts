// One case against a generated evaluator: what the decision says, beside what the case expects,
// in the same shape so that a failing test shows a readable difference.

import type { ResolvedCase } from "../../compiler/cases/check-cases.js";
import type { Decision } from "../../generated/runtime/index.js";
import type { Evaluator } from "./evaluators.js";

/** The reasons a case's `because` speaks of: what denies, what is undecided, or what was set aside. */
function decisiveReasonIds(decision: Decision): string[] {
  const reasons =
    decision.outcome === "covered"
      ? decision.reasons.filter((r) => r.overriddenBy !== undefined || r.kind === "exception")
      : decision.reasons;
  return reasons.map((reason) => reason.id).sort();
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

export function runCase(evaluator: Evaluator, resolved: ResolvedCase): { actual: object; expected: object } {
  const decision = evaluator.evaluate(resolved.facts, { asOf: resolved.asOf, trace: true });
  const expect = resolved.expect;
  return {
    actual: {
      outcome: decision.outcome,
      exceptionsApplied: sorted(decision.exceptionsApplied),
      priorApprovalRequired: decision.priorApprovalRequired,
      servicesNotCovered: sorted(
        decision.servicesNotCovered.filter((s) => s.status === "not_covered").map((s) => s.section),
      ),
      ...(expect.because && { because: decisiveReasonIds(decision) }),
      ...(expect.asking && { asking: sorted(decision.missingFacts.map((m) => m.fact)) }),
      ...(expect.qualifiedUnder && { qualifiedUnder: decision.qualifiedUnder }),
      ...(expect.limitations && { limitations: decision.limitations.map((limitation) => limitation.id) }),
    },
    expected: {
      outcome: expect.outcome,
      exceptionsApplied: sorted(expect.exceptionsApplied),
      priorApprovalRequired: expect.priorApprovalRequired,
      servicesNotCovered: sorted(expect.servicesNotCovered),
      ...(expect.because && { because: sorted(expect.because) }),
      ...(expect.asking && { asking: sorted(expect.asking) }),
      ...(expect.qualifiedUnder && { qualifiedUnder: expect.qualifiedUnder }),
      ...(expect.limitations && { limitations: expect.limitations }),
    },
  };
}
