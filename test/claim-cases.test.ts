// Runs every claim case written under policy/ against the generated claim checker of its policy.

import { describe, expect, it } from "vitest";
import { checkProject } from "../compiler/build/build.js";
import type { ClaimCheck, ClaimCheckOptions } from "../generated/runtime/index.js";
import { loadGeneratedEvaluator, projectRoot } from "./support/evaluators.js";

interface ClaimChecker {
  checkClaim(claim: unknown, options?: ClaimCheckOptions): ClaimCheck;
}

const project = checkProject(projectRoot);

describe("claim cases", () => {
  it("exist for every policy with billing rules", () => {
    for (const model of project.models.values()) {
      if (model.billingRules.length === 0) continue;
      expect(
        project.claimCases.filter((c) => c.policy === model.reference).length,
        model.reference,
      ).toBeGreaterThanOrEqual(10);
    }
  });

  for (const resolved of project.claimCases) {
    it(`${resolved.title} (${resolved.file}:${resolved.line})`, async () => {
      const checker = (await loadGeneratedEvaluator(resolved.policy)) as unknown as ClaimChecker;
      const check = checker.checkClaim(resolved.claim, resolved.options);
      expect({
        violations: check.violations.map((v) => v.rule).sort(),
        pending: check.pending.map((u) => u.rule).sort(),
      }).toEqual({
        violations: [...resolved.expectViolations].sort(),
        pending: [...resolved.expectPending].sort(),
      });
      const verdict =
        resolved.expectViolations.length > 0 ? "violations" : resolved.expectPending.length > 0 ? "pending" : "clean";
      expect(check.verdict).toBe(verdict);
    });
  }
});
