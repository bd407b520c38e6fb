// The order and grouping of a pending decision's missing facts (runtime/rank-questions.ts,
// emit/evaluator/question-groups.ts), on the questions fixture: a fact that alone can decide the case
// is asked first whatever its place in the fact table, the reasons of one criterion are one question,
// and a date is asked with, and after, the yes-or-no that says it exists.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionGroupsOf } from "../compiler/emit/evaluator/question-groups.js";
import type { Decision, MissingFact } from "../compiler/runtime/index.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

const FIXTURE = "test/fixtures/questions/questions.policy";
const AS_OF = { asOf: "2024-06-01" };

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(FIXTURE);
});
afterAll(() => fixture.dispose());

function pendingMissing(facts: unknown): readonly MissingFact[] {
  const decision: Decision = fixture.evaluator.evaluate(facts, AS_OF);
  expect(decision.outcome).toBe("pending");
  return decision.missingFacts;
}

const names = (missing: readonly MissingFact[]) => missing.map((fact) => fact.fact);

describe("ranked missing facts", () => {
  it("asks first the fact declared last that alone can decide a new case, then by the rules each can settle", () => {
    // member.referred can settle I.A and I.D; member.age and service.cost one each, in the fact table's order.
    expect(names(pendingMissing({}))).toEqual([
      "service.experimental",
      "member.referred",
      "member.age",
      "service.cost",
      "drug.more_effective",
      "drug.available_orally",
      "drug.tolerated_orally",
      "enrollment.ended",
      "enrollment.end",
    ]);
  });

  it("still lists every fact that can change the outcome, each once", () => {
    const missing = names(pendingMissing({}));
    expect([...missing].sort()).toEqual(fixture.model.facts.map((fact) => fact.name).sort());
    expect(new Set(missing).size).toBe(missing.length);
  });

  it("ranks by the case: once enrollment has ended, its end date alone decides, before I.B's reasons", () => {
    // I.C now waits on enrollment.end alone (a date before the service date denies); no one reason
    // can deny I.B. In the fact table's order the reasons would come first.
    const missing = pendingMissing({
      member: { referred: true },
      enrollment: { ended: true },
      service: { experimental: false },
    });
    expect(names(missing)).toEqual([
      "enrollment.end",
      "drug.more_effective",
      "drug.available_orally",
      "drug.tolerated_orally",
    ]);
  });
});

describe("facts asked together", () => {
  it("asks the yes-or-no reasons of one criterion as one question, with the criterion's words", () => {
    const reasons = pendingMissing({}).filter((fact) => fact.group?.kind === "reasons");
    expect(names(reasons)).toEqual(["drug.more_effective", "drug.available_orally", "drug.tolerated_orally"]);
    for (const reason of reasons)
      expect(reason.group).toEqual({
        kind: "reasons",
        id: "I.B",
        text: "Infusion is appropriate for at least one of the reasons below:",
      });
    // Each says which reason it answers, and its answer when the reason applies (I.B.b and I.B.c are negations).
    expect(reasons.map((fact) => fact.reason)).toEqual([
      { id: "I.B.a", text: "Infusion is more effective than oral administration.", answer: true },
      { id: "I.B.b", text: "The drug is not available in an oral form.", answer: false },
      { id: "I.B.c", text: "The member cannot tolerate the drug orally.", answer: false },
    ]);
  });

  it("keeps alternatives that are not all yes-or-no facts as questions of their own", () => {
    const missing = pendingMissing({});
    expect(missing.find((fact) => fact.fact === "member.referred")?.group).toBeUndefined();
    expect(missing.find((fact) => fact.fact === "member.age")?.group).toBeUndefined();
    expect(missing.find((fact) => fact.fact === "service.cost")?.group).toBeUndefined();
  });

  it("asks a date only when its yes-or-no says it exists, right after it", () => {
    const missing = pendingMissing({});
    const ended = missing.findIndex((fact) => fact.fact === "enrollment.ended");
    expect(missing[ended + 1]).toMatchObject({
      fact: "enrollment.end",
      group: {
        kind: "dated",
        id: "enrollment.ended",
        text: "Has the member's enrollment ended or been given an end date?",
      },
      askWhen: { fact: "enrollment.ended", answer: true },
    });
    expect(missing[ended]?.askWhen).toBeUndefined();
    // Once the enrollment is known not to have ended, its end date is not asked at all.
    expect(names(pendingMissing({ enrollment: { ended: false } }))).not.toContain("enrollment.end");
  });

  it("derives the groups from the policy's structure, in the declaration the evaluator is built from", () => {
    expect(questionGroupsOf(fixture.model)).toEqual([
      {
        kind: "reasons",
        id: "I.B",
        text: "Infusion is appropriate for at least one of the reasons below:",
        reasons: [
          {
            id: "I.B.a",
            text: "Infusion is more effective than oral administration.",
            fact: "drug.more_effective",
            answer: true,
          },
          {
            id: "I.B.b",
            text: "The drug is not available in an oral form.",
            fact: "drug.available_orally",
            answer: false,
          },
          {
            id: "I.B.c",
            text: "The member cannot tolerate the drug orally.",
            fact: "drug.tolerated_orally",
            answer: false,
          },
        ],
      },
      {
        kind: "dated",
        id: "enrollment.ended",
        when: true,
        dates: ["enrollment.end"],
      },
    ]);
  });
});
