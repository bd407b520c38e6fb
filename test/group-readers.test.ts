// The fast paths of issue 12, on the home-infusion fixture: the generated module reads each group of
// facts with a reader of its own, named by the group and listed by the group's name, and the runtime's
// fast paths (group readers, well-formed claim lines) give way to the full readers whenever they could
// be misled: an Object.prototype with enumerable keys, a line field inherited rather than given.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ClaimCheck, Decision, InputIssue } from "../compiler/runtime/index.js";
import { createEmitProject, emitEvaluator } from "../compiler/emit/evaluator/emit-evaluator.js";
import { fixtureModel, importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(homeInfusion.policy);
});
afterAll(() => fixture.dispose());

const asOf = "2025-06-01";
const pollution: string[] = [];

/** Adds an enumerable key to Object.prototype, as a careless library might; removed after each test. */
function pollute(key: string, value: unknown): void {
  (Object.prototype as Record<string, unknown>)[key] = value;
  pollution.push(key);
}

afterEach(() => {
  for (const key of pollution.splice(0)) delete (Object.prototype as Record<string, unknown>)[key];
});

function evaluate(facts: unknown): Decision {
  return fixture.evaluator.evaluate(facts, { asOf });
}

function issuesOf(run: () => unknown): readonly InputIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof fixture.runtime.PolicyInputError) return error.issues;
    throw error;
  }
  throw new Error("expected a PolicyInputError");
}

describe("the generated group readers", () => {
  it("are one named function per group, listed by the group's name and handed to definePolicy", () => {
    const source = emitEvaluator(fixtureModel(homeInfusion.policy), createEmitProject(), "policy/evaluator.ts");
    for (const group of ["member", "therapy", "drug", "service", "home", "medicaid", "epsdt"]) {
      const reader = `read${group[0]!.toUpperCase()}${group.slice(1)}Facts`;
      expect(source).toContain(`function ${reader}(group: Group, facts: FactSlots<FactValues>): boolean {`);
      expect(source).toContain(`"${group}": ${reader},`);
    }
    // The root's reader hands each group to its own.
    expect(source).toContain("if (!readSubgroup(group[key], readMemberFacts, facts)) return false;");
    expect(source).toContain('facts["member.age"] = numberIn(group[key], 0, 130);');
    expect(source).toMatch(/\},\s*groupReaders,?\s*\);/);
  });

  it("read a well-formed case as the full reader does: a fact left out is unknown", () => {
    const member = Object.fromEntries(
      Object.entries(coveredIvAntibiotic.member).filter(([key]) => key !== "clinical_status_stable"),
    );
    const decision = evaluate({ ...coveredIvAntibiotic, member });
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((fact) => fact.fact)).toContain("member.clinical_status_stable");
  });

  it("are not trusted while Object.prototype has an enumerable key: an inherited fact is not the caller's", () => {
    const member = Object.fromEntries(
      Object.entries(coveredIvAntibiotic.member).filter(([key]) => key !== "clinical_status_stable"),
    );
    // A reader walking the group with for-in would meet the inherited key and read it as given.
    pollute("clinical_status_stable", true);
    const decision = evaluate({ ...coveredIvAntibiotic, member });
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((fact) => fact.fact)).toContain("member.clinical_status_stable");
    expect(evaluate(coveredIvAntibiotic).outcome).toBe("covered");
  });

  it("leave a malformed group's problems to the full reader, in its order, with a getter read for each reading", () => {
    let reads = 0;
    const member = {
      ...coveredIvAntibiotic.member,
      get age(): unknown {
        reads++;
        return "45";
      },
      wings: 2,
    };
    const issues = issuesOf(() => evaluate({ ...coveredIvAntibiotic, member, drug: { tolerated_orally: "no" } }));
    expect(issues.map((issue) => [issue.code, issue.field])).toEqual([
      ["unknown_field", "member.wings"],
      ["wrong_type", "member.age"],
      ["wrong_type", "drug.tolerated_orally"],
    ]);
    // Once by the generated reader, once by the full reader that names the problem.
    expect(reads).toBe(2);
  });
});

describe("the well-formed claim lines path", () => {
  function checkClaim(claim: unknown): ClaimCheck {
    return fixture.evaluator.checkClaim(claim, undefined);
  }

  it("reads well-formed lines as the full reader does (-0 units as 0, no modifiers as none)", () => {
    const check = checkClaim({
      serviceDate: asOf,
      therapies: ["antibiotic"],
      lines: [
        { code: "S9494", units: 1, modifiers: [] },
        { code: "T1030", units: -0, modifiers: null },
      ],
    });
    expect(check.violations.map((finding) => finding.rule)).toEqual(["T1030-with-each-therapy-code"]);
    expect(check.violations[0]?.detail).toBe("T1030 billed for 0 units; the codes it must travel with need 1");
  });

  it("does not take a line's code from a polluted Object.prototype", () => {
    pollute("code", "S9494");
    const issues = issuesOf(() =>
      checkClaim({ serviceDate: asOf, therapies: ["antibiotic"], lines: [{ units: 1 }, { code: "T1030", units: 1 }] }),
    );
    expect(issues.map((issue) => issue.field)).toEqual(["lines[0].code"]);
  });
});
