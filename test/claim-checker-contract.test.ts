// The promises of a generated claim checker, on the home-infusion fixture: a finding says which rule,
// which code, which words of the policy and which lines; a malformed claim is an error naming every
// bad field; an unknown claim fact leaves a rule pending, never broken or passed.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimCheck, ClaimCheckOptions, PolicyInputError } from "../compiler/runtime/index.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { homeInfusion } from "./support/home-infusion.js";

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(homeInfusion.policy);
});
afterAll(() => fixture.dispose());

function checkClaim(claim: unknown, options?: ClaimCheckOptions): ClaimCheck {
  return fixture.evaluator.checkClaim(claim, options);
}

/** A claim of the fixture's coding table: its lines, and the claim facts its rules read. */
interface Claim {
  readonly serviceDate: string;
  readonly therapies?: readonly string[];
  readonly amphotericin_b?: boolean;
  readonly monitoring_minutes?: number;
  readonly lines: readonly { readonly code: string; readonly modifiers?: readonly string[]; readonly units: number }[];
}

const amphotericin: Claim = {
  serviceDate: "2025-06-01",
  therapies: ["antifungal"],
  amphotericin_b: true,
  monitoring_minutes: 150,
  lines: [
    { code: "S9494", units: 1 },
    { code: "T1030", units: 1 },
    { code: "T1002", modifiers: ["SD"], units: 2 },
  ],
};

function issuesOf(claim: unknown): string[] {
  try {
    checkClaim(claim);
  } catch (error) {
    expect(error).toBeInstanceOf(fixture.runtime.PolicyInputError);
    return (error as PolicyInputError).issues.map((issue) => issue.field);
  }
  throw new Error("expected a PolicyInputError, got a verdict");
}

describe("checkClaim", () => {
  it("says a clean claim is clean, and which revision judged it", () => {
    const check = checkClaim(amphotericin);
    expect(check.verdict).toBe("clean");
    expect(check.violations).toEqual([]);
    expect(check.policy.revision).toBe("2025-05");
    expect(check.asOf).toBe("2025-06-01");
  });

  it("names the rule, the code, the policy's words, a message and the lines of each violation", () => {
    const check = checkClaim({
      ...amphotericin,
      monitoring_minutes: 150,
      lines: [...amphotericin.lines.slice(0, 2), { code: "T1002", units: 3 }],
    });
    expect(check.verdict).toBe("violations");
    expect(check.violations).toEqual([
      {
        rule: "T1002-modifier-SD",
        code: "T1002",
        source: { kind: "billing", id: "T1002 SD", text: "The modifier must be used when billing this code." },
        message: "T1002 must be billed with modifier SD.",
        lines: [2],
        detail: "modifier SD missing",
      },
      {
        rule: "T1002-units",
        code: "T1002",
        source: {
          kind: "billing",
          id: "T1002 SD",
          text: "This code can be used for only RN monitoring (over 2 hours) for Amphotericin B infusion therapy.",
        },
        message: "T1002 is billed for more 15-minute units than the monitoring beyond 2 hours.",
        lines: [2],
        detail: "billed 3 units; at most 2 allowed",
      },
    ]);
  });

  it("cites the note a rule carries out", () => {
    const check = checkClaim({
      serviceDate: "2025-06-01",
      therapies: ["parenteral_nutrition"],
      lines: [{ code: "T1030", units: 1 }],
    });
    expect(check.violations[0]?.source).toEqual({
      kind: "note",
      id: "II.note-2",
      text: "Note: Nursing services for enteral and parenteral nutrition therapies are not covered.",
    });
  });

  it("leaves a rule pending when a claim fact it reads is unknown", () => {
    const check = checkClaim({
      serviceDate: "2025-06-01",
      therapies: ["antifungal"],
      lines: [
        { code: "T1002", modifiers: ["SD"], units: 2 },
        { code: "T1030", units: 1 },
      ],
    });
    expect(check.verdict).toBe("pending");
    expect(check.violations).toEqual([]);
    expect(check.pending.map((finding) => [finding.rule, finding.missingFacts])).toEqual([
      ["T1002-amphotericin-monitoring", ["amphotericin_b", "monitoring_minutes"]],
      ["T1002-units", ["monitoring_minutes"]],
    ]);
  });

  it("judges by the rules in force on the service date, or on asOf when given", () => {
    const early: Claim = { serviceDate: "2023-03-01", therapies: ["antibiotic"], lines: [{ code: "S9494", units: 2 }] };
    expect(checkClaim(early).verdict).toBe("clean");
    expect(checkClaim(early, { asOf: "2023-08-01" }).violations.map((v) => v.rule)).toEqual([
      "T1030-with-each-therapy-code",
    ]);
  });

  it("lists the lines it does not govern", () => {
    const check = checkClaim({ ...amphotericin, lines: [...amphotericin.lines, { code: "J0285", units: 5 }] });
    expect(check.linesNotGoverned).toEqual([3]);
    expect(check.verdict).toBe("clean");
  });

  it("rejects a malformed claim, naming every bad field, never a verdict", () => {
    expect(
      issuesOf({
        serviceDate: "2025-02-30",
        therapies: ["antibiotic", "aromatherapy"],
        monitoring_minutes: -5,
        lines: [
          { code: "S94", units: 1 },
          { code: "T1002", modifiers: ["S"], units: -1 },
          { code: "T1030", units: 1.5 },
          "S9494",
        ],
      }),
    ).toEqual([
      "serviceDate",
      "lines[0].code",
      "lines[1].modifiers",
      "lines[1].units",
      "lines[2].units",
      "lines[3]",
      "therapies",
      "monitoring_minutes",
    ]);
    expect(issuesOf({ therapies: ["antibiotic"] })).toEqual(["serviceDate", "lines"]);
    expect(issuesOf({ serviceDate: "2025-06-01", lines: [], therapys: [] })).toEqual(["therapys"]);
    expect(issuesOf({ serviceDate: "2021-01-01", lines: [] })).toEqual(["serviceDate"]);
    expect(issuesOf(null)).toEqual(["(claim)"]);
  });
});
