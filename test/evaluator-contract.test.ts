// The promises a generated evaluator makes to engineers, on the home-infusion fixture: malformed
// input is an error naming every bad field, never a decision; the service date picks the revision;
// the decision says which policy and revision decided it; the trace covers every rule.

import { modelHash } from "../compiler/model/model-hash.js";
import { compilerName } from "../compiler/version.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Decision, EvaluateOptions, PolicyInputError } from "../compiler/runtime/index.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(homeInfusion.policy);
});
afterAll(() => fixture.dispose());

function evaluate(facts: unknown, options: EvaluateOptions): Decision {
  return fixture.evaluator.evaluate(facts, options);
}

function inputIssues(facts: unknown, asOf = "2025-06-01"): { field: string; problem: string }[] {
  try {
    evaluate(facts, { asOf });
  } catch (error) {
    expect(error).toBeInstanceOf(fixture.runtime.PolicyInputError);
    return [...(error as PolicyInputError).issues];
  }
  throw new Error("expected a PolicyInputError, got a decision");
}

describe("malformed input never yields a decision", () => {
  it("names every bad field at once", () => {
    const issues = inputIssues({
      member: { age: "45", residence: "castle", clinical_status_stable: "yes" },
      home: { features: ["water", "moat"] },
      medicaid: { enrollment_start: "2025-02-30" },
    });
    expect(issues.map((issue) => issue.field)).toEqual([
      "member.age",
      "member.residence",
      "member.clinical_status_stable",
      "home.features",
      "medicaid.enrollment_start",
    ]);
    expect(issues[0]?.problem).toContain("a number from 0 to 130");
    expect(issues[1]?.problem).toContain("private_residence");
    expect(issues[3]?.problem).toContain('"moat"');
  });

  it("rejects a misspelt fact instead of treating it as unknown, and suggests the right one", () => {
    const issues = inputIssues({
      ...coveredIvAntibiotic,
      member: { ...coveredIvAntibiotic.member, residnce: "hospital" },
    });
    expect(issues).toEqual([
      {
        code: "unknown_field",
        field: "member.residnce",
        pointer: "/member/residnce",
        problem: 'is not a fact of this policy; did you mean "residence"?',
      },
    ]);
  });

  it("rejects an unknown group, a group that is not an object, and facts that are not an object", () => {
    expect(inputIssues({ membr: {} }).map((i) => i.field)).toEqual(["membr"]);
    expect(inputIssues({ member: [] }).map((i) => i.field)).toEqual(["member"]);
    expect(inputIssues("facts").map((i) => i.field)).toEqual(["(facts)"]);
  });

  it("rejects ages outside the declared range and numbers that are not finite", () => {
    for (const age of [-1, 131, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(inputIssues({ member: { age } }).map((i) => i.field)).toEqual(["member.age"]);
    }
  });

  it("requires a real service date and none before the policy took effect", () => {
    expect(inputIssues(coveredIvAntibiotic, "2025-13-01")[0]?.field).toBe("asOf");
    expect(inputIssues(coveredIvAntibiotic, "06/01/2025")[0]?.field).toBe("asOf");
    expect(inputIssues(coveredIvAntibiotic, "2021-04-30")).toEqual([
      {
        code: "before_policy",
        field: "asOf",
        pointer: "/asOf",
        problem: "is 2021-04-30, before the policy took effect on 2021-05-01",
      },
    ]);
    expect(() => evaluate(coveredIvAntibiotic, {} as { asOf: string })).toThrow(fixture.runtime.PolicyInputError);
  });

  it("treats null like an absent fact: unknown", () => {
    const decision = evaluate(
      { ...coveredIvAntibiotic, member: { ...coveredIvAntibiotic.member, clinical_status_stable: null } },
      { asOf: "2025-06-01" },
    );
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((m) => m.fact)).toEqual(["member.clinical_status_stable"]);
  });
});

describe("a decision", () => {
  it("names the policy, the revision in force and the source it was generated from", () => {
    const decision = evaluate(coveredIvAntibiotic, { asOf: "2024-03-10" });
    expect(decision.policy).toEqual({
      reference: homeInfusion.reference,
      title: "Home Infusion Therapy",
      revision: "2023-08",
      revisionEffective: "2023-08-01",
      sourceHash: fixture.model.sourceHash,
      modelHash: modelHash(fixture.model),
      compiler: compilerName,
      readings: ["reading-policy-FIX.HIT.224-1"],
    });
    expect(fixture.model.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(evaluate(coveredIvAntibiotic, { asOf: "2025-06-01" }).policy.revision).toBe("2025-05");
  });

  it("gives each denying criterion its section number and the policy's words", () => {
    const decision = evaluate(
      { ...coveredIvAntibiotic, member: { ...coveredIvAntibiotic.member, residence: "skilled_nursing_facility" } },
      { asOf: "2025-06-01" },
    );
    expect(decision.reasons).toEqual([
      {
        id: "I.A.3",
        kind: "criterion",
        status: "not_met",
        text: "The service is provided in the Member's private residence or in an adult care home (such as a domiciliary care or family care home).",
        readings: [],
      },
    ]);
    expect(decision.crd).toEqual({ covered: "not-covered" });
  });

  it("asks, when pending, the policy's question for each missing fact", () => {
    const decision = evaluate(
      { ...coveredIvAntibiotic, member: { ...coveredIvAntibiotic.member, clinical_status_stable: undefined } },
      { asOf: "2025-06-01" },
    );
    expect(decision.missingFacts).toEqual([
      {
        fact: "member.clinical_status_stable",
        question: "Has the attending physician documented that the member's clinical status is stable?",
        description: "The attending physician has determined that the member's clinical status is stable.",
        readBy: ["I.A.2"],
      },
    ]);
    expect(decision.crd).toEqual({ covered: "conditional", paNeeded: "conditional", docNeeded: "clinical" });
  });

  it("traces every rule and exception with its status and the facts it read, only when asked", () => {
    expect(evaluate(coveredIvAntibiotic, { asOf: "2025-06-01" }).trace).toBeUndefined();
    const trace = evaluate(coveredIvAntibiotic, { asOf: "2024-03-10", trace: true }).trace ?? [];
    expect(trace.map((entry) => entry.id)).toEqual([
      ...fixture.model.rules.map((rule) => rule.id),
      ...fixture.model.exceptions.map((e) => e.id),
    ]);
    const byId = new Map(trace.map((entry) => [entry.id, entry]));
    expect(byId.get("I.A.5")?.status).toBe("not_applicable");
    expect(byId.get("I.D.1")).toEqual({
      id: "I.D.1",
      kind: "criterion",
      status: "not_applicable",
      facts: ["member.condition_prohibits_adequate_oral_intake", "therapy.kind"],
    });
    expect(byId.get("I.C.4.b")?.status).toBe("met");
    expect(byId.get("II.B")?.status).toBe("not_met");
    expect(byId.get("EPSDT")?.status).toBe("not_met");
  });

  it("gives the same answer with and without the trace", () => {
    const withTrace = evaluate(coveredIvAntibiotic, { asOf: "2025-06-01", trace: true });
    const { trace, definitionTrace, ...rest } = withTrace;
    expect(trace?.length).toBeGreaterThan(0);
    expect(definitionTrace?.length).toBeGreaterThan(0);
    expect(rest).toEqual(evaluate(coveredIvAntibiotic, { asOf: "2025-06-01" }));
  });

  it("traces each definition the rules use, with its truth and the facts it reads", () => {
    const { definitionTrace } = evaluate(coveredIvAntibiotic, { asOf: "2025-06-01", trace: true });
    const drugTherapy = definitionTrace?.find((entry) => entry.name === "drug_therapy");
    expect(drugTherapy).toEqual({
      name: "drug_therapy",
      label: "the therapy is a drug therapy",
      status: "met",
      facts: ["therapy.kind"],
    });
    expect(evaluate(coveredIvAntibiotic, { asOf: "2025-06-01" }).definitionTrace).toBeUndefined();
  });

  it("says in the trace which definitions a criterion was met through", () => {
    const { trace, definitionTrace } = evaluate(coveredIvAntibiotic, { asOf: "2025-06-01", trace: true });
    const throughDefinitions = (trace ?? []).flatMap((entry) =>
      (entry.metThrough ?? []).filter((through) => through.kind === "definition"),
    );
    expect(throughDefinitions.length).toBeGreaterThan(0);
    // Each definition a criterion was met through held on the case.
    for (const through of throughDefinitions)
      expect(definitionTrace?.find((entry) => entry.name === through.id)?.status).toBe("met");
  });
});
