// The machine-readable contract of a generated module, for a program rather than a person: each
// input issue has a stable code and a JSON pointer, `parseFacts` validates untrusted input with
// evaluate's own reader and never throws, `factMetadata` states every fact, and the decision is a
// union that narrows on `outcome`. On the home-infusion and home-oxygen fixtures.

import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { CrdConditional, Decision, InputIssue, MissingFact, PolicyInputError } from "../compiler/runtime/index.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

const asOf = "2025-06-01";
let infusion: ImportedFixture;
let oxygen: ImportedFixture;
beforeAll(async () => {
  infusion = await importFixtureEvaluator(homeInfusion.policy);
  oxygen = await importFixtureEvaluator("test/fixtures/home-oxygen/home-oxygen.policy");
});
afterAll(() => {
  infusion.dispose();
  oxygen.dispose();
});

function thrownIssues(fixture: ImportedFixture, facts: unknown, date = asOf): readonly InputIssue[] {
  try {
    fixture.evaluator.evaluate(facts, { asOf: date });
  } catch (error) {
    expect(error).toBeInstanceOf(fixture.runtime.PolicyInputError);
    return (error as PolicyInputError).issues;
  }
  throw new Error("expected a PolicyInputError, got a decision");
}

const codeAndPointer = (issue: InputIssue): [string, string] => [issue.code, issue.pointer];

describe("input issues have a code and a JSON pointer", () => {
  it("codes each kind of bad fact and points at it", () => {
    const member = { ...coveredIvAntibiotic.member };
    const issues = thrownIssues(infusion, {
      ...coveredIvAntibiotic,
      member: { ...member, age: 131, residence: "castle", clinical_status_stable: "yes", residnce: "x" },
      therapy: [],
      home: { features: ["water", "moat"] },
      medicaid: { enrollment_start: "2025-02-30" },
    });
    expect(issues.map(codeAndPointer)).toEqual([
      ["unknown_field", "/member/residnce"],
      ["out_of_range", "/member/age"],
      ["not_an_option", "/member/residence"],
      ["wrong_type", "/member/clinical_status_stable"],
      ["not_an_object", "/therapy"],
      ["not_an_option", "/home/features"],
      ["not_a_date", "/medicaid/enrollment_start"],
    ]);
    expect(issues[0]?.field).toBe("member.residnce");
  });

  it("points at the root with the empty pointer, and escapes a caller's key as RFC 6901 says", () => {
    expect(thrownIssues(infusion, "facts").map(codeAndPointer)).toEqual([["not_an_object", ""]]);
    expect(thrownIssues(infusion, { member: { "a/b~c": 1 } }).map(codeAndPointer)).toEqual([
      ["unknown_field", "/member/a~1b~0c"],
    ]);
  });

  it("points into a list of records by index, and codes a hole, a wrong record and too many records", () => {
    const study = { performed: "2025-02-19", method: "arterial_blood_gas", condition: "at_rest" };
    const studies = [study, study, { ...study, saturation: 101, pressure: "52" }, "study"];
    const issues = thrownIssues(oxygen, { oxygen: { studies } }, "2025-03-15");
    expect(issues.map(codeAndPointer)).toEqual([
      ["wrong_type", "/oxygen/studies/2/pressure"],
      ["out_of_range", "/oxygen/studies/2/saturation"],
      ["not_an_object", "/oxygen/studies/3"],
    ]);
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    expect(thrownIssues(oxygen, { oxygen: { studies: [study, , study] } }, "2025-03-15").map(codeAndPointer)).toEqual([
      ["list_hole", "/oxygen/studies/1"],
    ]);
    const many = new Array<unknown>(10_001).fill(study);
    expect(thrownIssues(oxygen, { oxygen: { studies: many } }, "2025-03-15").map(codeAndPointer)).toEqual([
      ["too_many_records", "/oxygen/studies"],
    ]);
    expect(thrownIssues(oxygen, { order: { diagnosis: "j44.9" } }, "2025-03-15").map(codeAndPointer)).toEqual([
      ["not_a_code", "/order/diagnosis"],
    ]);
  });

  it("codes the options and the claim, pointing into the argument each is about", () => {
    expect(thrownIssues(infusion, coveredIvAntibiotic, "2021-04-30").map(codeAndPointer)).toEqual([
      ["before_policy", "/asOf"],
    ]);
    const run = () => infusion.evaluator.checkClaim({ lines: [{ code: "S9494", units: -1, modifiers: "SD" }] });
    let issues: readonly InputIssue[] = [];
    try {
      run();
    } catch (error) {
      issues = (error as PolicyInputError).issues;
    }
    expect(issues.map(codeAndPointer)).toEqual([
      ["missing", "/serviceDate"],
      ["wrong_type", "/lines/0/modifiers"],
      ["out_of_range", "/lines/0/units"],
    ]);
  });

  it("codes a field whose reading throws as unreadable", () => {
    const member = {
      get age(): number {
        throw new Error("boom");
      },
    };
    expect(thrownIssues(infusion, { member }).map(codeAndPointer)).toEqual([["unreadable", "/member/age"]]);
  });
});

describe("parseFacts", () => {
  it("returns the known facts as plain data, without the unknown ones", () => {
    const parsed = oxygen.evaluator.parseFacts({
      member: { was_inpatient: false, hematocrit: -0, discharge: null, findings: ["dependent_edema"] },
      oxygen: { studies: [{ performed: "2025-02-19", by_oxygen_supplier: true, saturation: undefined }] },
      equipment: null,
    });
    expect(parsed).toEqual({
      ok: true,
      facts: {
        member: { was_inpatient: false, hematocrit: 0, findings: ["dependent_edema"] },
        oxygen: { studies: [{ performed: "2025-02-19", by_oxygen_supplier: true }] },
      },
    });
  });

  it("gives exactly the issues evaluate throws, and never throws itself", () => {
    const bad = { member: { age: "45", residnce: "home" }, home: { features: "water" } };
    const parsed = infusion.evaluator.parseFacts(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(thrownIssues(infusion, bad));
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    for (const input of [undefined, null, 42, [], new Map(), hostile, { member: hostile }])
      expect(() => infusion.evaluator.parseFacts(input)).not.toThrow();
    expect(infusion.evaluator.parseFacts(hostile)).toMatchObject({ ok: false, issues: [{ code: "unreadable" }] });
  });

  it("accepts what evaluate decides on, and its facts decide the same", () => {
    const parsed = infusion.evaluator.parseFacts(coveredIvAntibiotic);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.facts).toEqual(coveredIvAntibiotic);
    expect(infusion.evaluator.evaluate(parsed.facts, { asOf }).outcome).toBe("covered");
  });
});

describe("factMetadata", () => {
  it("states every fact of the model, by name, with its type, question and readers", () => {
    const metadata = infusion.evaluator.factMetadata;
    expect(Object.keys(metadata)).toEqual(infusion.model.facts.map((fact) => fact.name));
    for (const fact of infusion.model.facts) {
      const entry = metadata[fact.name];
      expect(entry?.type).toBe(fact.type.kind);
      expect(entry?.question).toBe(fact.question);
      expect(entry?.readBy).toEqual(fact.readBy);
      expect(entry?.group).toBe(fact.name.split(".").slice(0, -1).join("."));
    }
    expect(metadata["member.age"]).toMatchObject({ type: "number", unit: "years", min: 0, max: 130 });
    expect(metadata["therapy.route"]?.options?.[0]).toEqual({ value: "intravenous", label: "intravenous" });
  });

  it("gives the revisions that read a fact: one added in 2024-05 is read from then on", () => {
    const metadata = infusion.evaluator.factMetadata;
    expect(metadata["home.features"]?.lifetime).toEqual([{ from: "2024-05" }]);
    expect(metadata["member.age"]?.lifetime).toEqual([{ from: infusion.model.revisions[0]?.approved }]);
  });

  it("describes a list's record fields with their types, units and options", () => {
    const studies = oxygen.evaluator.factMetadata["oxygen.studies"];
    expect(studies?.type).toBe("list");
    expect(studies?.fields?.map((field) => [field.name, field.type])).toEqual([
      ["performed", "date"],
      ["method", "oneOf"],
      ["condition", "oneOf"],
      ["pressure", "number"],
      ["saturation", "number"],
      ["minutes_at_level", "number"],
      ["by_oxygen_supplier", "boolean"],
    ]);
    expect(studies?.fields?.[4]).toMatchObject({ unit: "percent", min: 0, max: 100 });
  });
});

describe("the decision is a union on its outcome", () => {
  it("narrows missingFacts and crd when the outcome is checked", () => {
    expectTypeOf<Extract<Decision, { outcome: "pending" }>["missingFacts"]>().toEqualTypeOf<
      readonly MissingFact<string, string>[]
    >();
    expectTypeOf<Extract<Decision, { outcome: "pending" }>["crd"]>().toEqualTypeOf<CrdConditional>();
    expectTypeOf<Extract<Decision, { outcome: "covered" }>["missingFacts"]>().toEqualTypeOf<readonly []>();
    expectTypeOf<Extract<Decision, { outcome: "not_covered" }>["crd"]["covered"]>().toEqualTypeOf<"not-covered">();
    const decision = infusion.evaluator.evaluate({ member: { age: 45 } }, { asOf });
    expect(decision.outcome).toBe("pending");
    if (decision.outcome !== "pending") return;
    expect(decision.crd.docNeeded).toBe("clinical");
    expect(decision.missingFacts.length).toBeGreaterThan(0);
  });

  it("keeps the JSON of every outcome: missingFacts empty unless pending, crd from the outcome", () => {
    const covered = infusion.evaluator.evaluate(coveredIvAntibiotic, { asOf });
    expect(covered).toMatchObject({ outcome: "covered", missingFacts: [], crd: { covered: "covered" } });
    const denied = infusion.evaluator.evaluate(
      { ...coveredIvAntibiotic, member: { ...coveredIvAntibiotic.member, residence: "hospital" } },
      { asOf },
    );
    expect(denied).toMatchObject({ outcome: "not_covered", missingFacts: [], crd: { covered: "not-covered" } });
  });
});
