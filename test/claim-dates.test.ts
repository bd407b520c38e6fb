// `billed with each` and `units at least units of` pair a claim's lines by date of service, as `not
// billed with` does: one RN visit a day serves every therapy billed that day (the home-infusion
// fixture's T1030), and portable contents need the portable system on their own date (the
// claim-rules fixture's E0431). Each claim here is clean read as a whole and broken read by date; the
// reference checker (test/support/reference/) agrees with the generated one on every one.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimCheck, ClaimLine } from "../compiler/runtime/index.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { referenceClaimCheck, type ReferenceClaim } from "./support/reference/claims.js";

let infusion: ImportedFixture;
let oxygen: ImportedFixture;
beforeAll(async () => {
  infusion = await importFixtureEvaluator("test/fixtures/home-infusion/home-infusion.policy");
  oxygen = await importFixtureEvaluator("test/fixtures/claim-rules/claim-rules.policy");
});
afterAll(() => {
  infusion.dispose();
  oxygen.dispose();
});

/** The findings of `rule` on a claim of `lines` (and `facts`), from the fixture's checker, after the reference agrees. */
function findings(fixture: ImportedFixture, rule: string, lines: ClaimLine[], facts: Record<string, unknown> = {}) {
  const claim: ReferenceClaim = { serviceDate: "2025-03-01", lines, ...facts };
  const check: ClaimCheck = fixture.evaluator.checkClaim(claim);
  expect(check).toEqual(referenceClaimCheck(fixture.model, claim));
  return check.violations.filter((finding) => finding.rule === rule).map((finding) => [finding.lines, finding.detail]);
}

/** A home-infusion claim of `lines`, for the therapies the therapy codes bill. */
function infusionFindings(rule: string, lines: ClaimLine[]) {
  return findings(infusion, rule, lines, { therapies: ["antibiotic", "chemotherapy"] });
}

/** The same lines with their dates left out: one date of service, the claim's. */
function undated(lines: ClaimLine[]): ClaimLine[] {
  return lines.map(({ code, units }) => ({ code, units }));
}

describe("billed with each code of a group, per date", () => {
  const rule = "T1030-with-each-therapy-code";

  it("breaks on a day that bills a therapy without its RN visit, though the claim bills enough visits in all", () => {
    const lines = [
      { code: "S9494", units: 2, date: "2025-03-01" },
      { code: "T1030", units: 2, date: "2025-03-01" },
      { code: "S9329", units: 1, date: "2025-03-02" },
    ];
    // Read as a whole, the largest therapy line (2) needs 2 units of T1030, and the claim bills 2.
    expect(infusionFindings(rule, undated(lines))).toEqual([]);
    expect(infusionFindings(rule, lines)).toEqual([
      [[2], "T1030 billed for 0 units on 2025-03-02; the codes it must travel with need 1"],
    ]);
  });

  it("serves every therapy billed on a day with one visit that day", () => {
    expect(
      infusionFindings(rule, [
        { code: "S9494", units: 1, date: "2025-03-01" },
        { code: "S9329", units: 1, date: "2025-03-01" },
        { code: "T1030", units: 1, date: "2025-03-01" },
        { code: "S9494", units: 1, date: "2025-03-02" },
        { code: "T1030", units: 1, date: "2025-03-02" },
      ]),
    ).toEqual([]);
  });

  it("puts a line without a date on the claim's service date, and names no date when all share one", () => {
    expect(
      infusionFindings(rule, [
        { code: "S9494", units: 2 },
        { code: "T1030", units: 1, date: "2025-03-01" },
      ]),
    ).toEqual([[[0, 1], "T1030 billed for 1 units; the codes it must travel with need 2"]]);
  });
});

describe("units at least units of a group, per date", () => {
  const rule = "E0431-with-contents";

  it("breaks on a date whose contents outnumber its portable system, though the claim's totals match", () => {
    const lines = [
      { code: "E0431", units: 2, date: "2025-03-01" },
      { code: "E0443", units: 1, date: "2025-03-01" },
      { code: "E0444", units: 1, date: "2025-03-15" },
    ];
    expect(findings(oxygen, rule, undated(lines))).toEqual([]);
    expect(findings(oxygen, rule, lines)).toEqual([
      [[2], "E0431 billed for 0 units on 2025-03-15; the codes it must travel with need 1 together"],
    ]);
  });

  it("adds up the group's lines of one date", () => {
    expect(
      findings(oxygen, rule, [
        { code: "E0443", units: 1, date: "2025-03-01" },
        { code: "E0444", units: 1, date: "2025-03-01" },
        { code: "E0431", units: 1, date: "2025-03-01" },
        { code: "E0431", units: 5, date: "2025-03-02" },
      ]),
    ).toEqual([[[0, 1, 2], "E0431 billed for 1 units on 2025-03-01; the codes it must travel with need 2 together"]]);
  });
});
