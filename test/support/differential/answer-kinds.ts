// The kinds of answer a differential run reached (covered, pending, an exception applied, a claim
// with violations...), and those a policy can give: a run that never reached one proves nothing
// about it, so the test requires every reachable kind to have been seen.

import type { ClaimCheck } from "../../../compiler/runtime/claims.js";
import type { Decision } from "../../../compiler/runtime/decision.js";
import type { Refusal } from "../reference/revisions.js";
import type { PolicyUnderTest } from "./policies.js";

export function decisionKinds(answer: Decision | Refusal): string[] {
  if ("refused" in answer) return ["refused"];
  return [
    `outcome ${answer.outcome}`,
    ...answer.exceptionsApplied.map((id) => `exception ${id}`),
    ...answer.servicesNotCovered
      .filter((services) => services.status === "not_covered")
      .map((services) => `services of ${services.section}`),
  ];
}

export function claimKinds(answer: ClaimCheck | Refusal): string[] {
  if ("refused" in answer) return ["refused"];
  return [`verdict ${answer.verdict}`, ...(answer.linesNotGoverned.length > 0 ? ["lines not governed"] : [])];
}

/** Every kind of decision the policy can give, as far as its rules and seed cases show. */
export function reachableDecisionKinds(policy: PolicyUnderTest): string[] {
  const denies = policy.model.rules.some((rule) => rule.role === "requirement" || rule.role === "exclusion");
  return [
    "refused",
    ...(denies ? ["outcome not_covered", "outcome pending"] : []),
    ...new Set(policy.seeds().map((seed) => (seed.target === "covered" ? "outcome covered" : seed.target))),
  ];
}

/** Every kind of claim check the policy can give, as far as its billing rules show. */
export function reachableClaimKinds(policy: PolicyUnderTest): string[] {
  const rules = policy.model.billingRules;
  return [
    "refused",
    "verdict clean",
    "lines not governed",
    ...(rules.length > 0 ? ["verdict violations"] : []),
    ...(rules.some((rule) => rule.facts.length > 0) ? ["verdict pending"] : []),
  ];
}
