// Definitions with parameters, on the records fixture: each call named in the trace and the reasons
// (its definition, what it was given, its truth), definitions without parameters and exceptions' calls
// among them (the home oxygen fixture's too), value parameters (a number with its unit, a date)
// given facts and fields, and the docs' words for both. The checks of a call are in diagnostics.test.ts
// (PC100, PC101, PC108, PC109); the meaning against the reference in differential.test.ts.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { MAX_CALLS } from "../compiler/runtime/definition-calls.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { fixtureModel, importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

const fixturePath = "test/fixtures/records/records.policy";
const asOf = "2024-06-01";

const study = (fields: Record<string, unknown>) => ({
  performed: "2024-05-22",
  method: "arterial_blood_gas",
  condition: "at_rest",
  pressure: 52,
  saturation: 86,
  by_treating_physician: true,
  ...fields,
});

const qualifyingLabel =
  "the study was at rest and found a pressure at or below 55 mm Hg or a saturation at or below 88 percent";

describe("calls of definitions with parameters, in a decision", () => {
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(fixturePath);
  });
  afterAll(() => fixture.dispose());

  const decide = (studies: unknown[], overrides: { limit?: number | null; referral?: number } = {}, trace = true) =>
    fixture.evaluator.evaluate(
      {
        oxygen: { studies },
        member: { required_studies: 1, pressure_limit: overrides.limit === undefined ? 60 : overrides.limit },
        referral: { pressure: overrides.referral ?? 58, received: "2024-05-20", by_pulmonologist: false },
      },
      { asOf, trace },
    );
  const traceOf = (decision: ReturnType<typeof decide>, id: string) => decision.trace?.find((entry) => entry.id === id);

  it("name each call with a record in the trace: the definition, its label, the record by index and identifying fields, its truth", () => {
    const decision = decide([study({ condition: "during_sleep" }), study({})]);
    expect(traceOf(decision, "I.1")?.calls).toEqual([
      {
        definition: "qualifying_rest_study",
        label: qualifyingLabel,
        arguments: [
          {
            parameter: "study",
            record: {
              list: "oxygen.studies",
              index: 0,
              fields: { performed: "2024-05-22", method: "arterial_blood_gas", condition: "during_sleep" },
            },
          },
        ],
        status: "not_met",
      },
      {
        definition: "qualifying_rest_study",
        label: qualifyingLabel,
        arguments: [
          {
            parameter: "study",
            record: {
              list: "oxygen.studies",
              index: 1,
              fields: { performed: "2024-05-22", method: "arterial_blood_gas", condition: "at_rest" },
            },
          },
        ],
        status: "met",
      },
    ]);
  });

  it("name the calls in the reasons too, also without the trace", () => {
    const decision = decide([study({ by_treating_physician: false })], {}, false);
    expect(decision.outcome).toBe("not_covered");
    const reason = decision.reasons.find((candidate) => candidate.id === "II.C");
    expect(reason?.calls?.map((call) => [call.definition, call.status])).toEqual([["qualifying_rest_study", "met"]]);
    expect(decision.reasons.find((candidate) => candidate.id === "I.3")?.calls?.map((call) => call.definition)).toEqual(
      ["measures_pressure"],
    );
    // A statement that calls no definition says nothing of calls.
    const traced = decide([study({ by_treating_physician: false })]);
    expect(traced.trace?.find((entry) => entry.id === "I.4")?.calls).toBeUndefined();
  });

  it("give a call with values its argument values, and its truth unknown while one is unknown", () => {
    const known = traceOf(decide([study({})]), "I.5")?.calls;
    expect(known?.map((call) => [call.definition, call.arguments, call.status])).toEqual([
      ["recent", [{ parameter: "received_on", value: "2024-05-20" }], "met"],
      [
        "at_or_below_limit",
        [
          { parameter: "pressure", value: 58 },
          { parameter: "limit", value: 60 },
        ],
        "met",
      ],
      // The study at rest, for the other side of the `or` (the evaluator computes both).
      [
        "at_or_below_limit",
        [
          { parameter: "pressure", value: 52 },
          { parameter: "limit", value: 60 },
        ],
        "met",
      ],
    ]);
    const unknown = decide([study({})], { limit: null });
    expect(unknown.outcome).toBe("pending");
    expect(traceOf(unknown, "I.5")?.calls?.filter((call) => call.definition === "at_or_below_limit")).toEqual([
      {
        definition: "at_or_below_limit",
        label: "the pressure is at or below the plan's limit",
        arguments: [
          { parameter: "pressure", value: 58 },
          { parameter: "limit", value: null },
        ],
        status: "pending",
      },
      {
        definition: "at_or_below_limit",
        label: "the pressure is at or below the plan's limit",
        arguments: [
          { parameter: "pressure", value: 52 },
          { parameter: "limit", value: null },
        ],
        status: "pending",
      },
    ]);
    expect(unknown.missingFacts.map((fact) => fact.fact)).toContain("member.pressure_limit");
  });

  it("decide a call with values by its body: a pressure above the limit, then a study at rest below it", () => {
    expect(traceOf(decide([study({ condition: "during_sleep" })], { referral: 70 }), "I.5")?.status).toBe("not_met");
    expect(traceOf(decide([study({})], { referral: 70 }), "I.5")?.status).toBe("met");
  });

  it(`report at most ${MAX_CALLS} calls of a statement, in the order the records are gone through`, () => {
    const studies = Array.from({ length: MAX_CALLS + 10 }, () => study({ condition: "during_exercise" }));
    const calls = traceOf(decide(studies), "II.C")?.calls ?? [];
    expect(calls).toHaveLength(MAX_CALLS);
    expect(calls.map((call) => ("record" in call.arguments[0]! ? call.arguments[0].record.index : -1))).toEqual(
      Array.from({ length: MAX_CALLS }, (_, index) => index),
    );
  });
});

describe("calls of definitions without parameters, and in exceptions", () => {
  let records: ImportedFixture;
  let oxygen: ImportedFixture;
  beforeAll(async () => {
    records = await importFixtureEvaluator(fixturePath);
    oxygen = await importFixtureEvaluator("test/fixtures/home-oxygen/home-oxygen.policy");
  });
  afterAll(() => {
    records.dispose();
    oxygen.dispose();
  });

  const referralLabel =
    "a pulmonologist's referral, received within 60 days, reports a pressure at or below the plan's limit";
  const byPulmonologist = {
    oxygen: { studies: [study({})] },
    member: { required_studies: 2, pressure_limit: 60 },
    referral: { pressure: 58, received: "2024-05-20", by_pulmonologist: true, method: "arterial_blood_gas" },
  };

  it("name an exception's calls in its reason: the definition it names, with no arguments, then the calls inside it", () => {
    const decision = records.evaluator.evaluate(byPulmonologist, { asOf });
    expect(decision.outcome).toBe("covered");
    expect(decision.exceptionsApplied).toEqual(["REFERRAL"]);
    const reason = decision.reasons.find((candidate) => candidate.id === "REFERRAL");
    expect(reason?.calls?.map((call) => [call.definition, call.label, call.arguments, call.status])).toEqual([
      ["referral_supports", referralLabel, [], "met"],
      [
        "measures_pressure",
        "the method measures the arterial oxygen pressure",
        [{ parameter: "method", value: "arterial_blood_gas" }],
        "met",
      ],
      [
        "recent",
        "the day is within 60 days before the service date",
        [{ parameter: "received_on", value: "2024-05-20" }],
        "met",
      ],
      [
        "at_or_below_limit",
        "the pressure is at or below the plan's limit",
        [
          { parameter: "pressure", value: 58 },
          { parameter: "limit", value: 60 },
        ],
        "met",
      ],
    ]);
  });

  it("name them in the exception's trace entry too, with their truths when it does not apply", () => {
    const decision = records.evaluator.evaluate(
      { ...byPulmonologist, referral: { ...byPulmonologist.referral, received: "2024-04-01" } },
      { asOf, trace: true },
    );
    expect(decision.outcome).toBe("not_covered");
    const entry = decision.trace?.find((candidate) => candidate.id === "REFERRAL");
    expect(entry?.status).toBe("not_met");
    expect(entry?.calls?.map((call) => [call.definition, call.status])).toEqual([
      ["referral_supports", "not_met"],
      ["measures_pressure", "met"],
      ["recent", "not_met"],
      ["at_or_below_limit", "met"],
    ]);
  });

  const restStudy = {
    performed: "2025-02-19",
    method: "oximetry",
    condition: "at_rest",
    saturation: 91,
    by_oxygen_supplier: false,
  };
  const sleepStudy = {
    ...restStudy,
    performed: "2025-02-20",
    condition: "during_sleep",
    saturation: 87,
    minutes_at_level: 12,
  };
  const sleepOnly = (kind: "stationary" | "portable") =>
    oxygen.evaluator.evaluate(
      {
        practitioner: { expects_improvement: true },
        member: { alternatives_ineffective: true, was_inpatient: false },
        certification: { initial: "2025-03-01" },
        order: { diagnosis: "J44.9" },
        equipment: { kind },
        oxygen: { studies: [restStudy, sleepStudy] },
      },
      { asOf: "2025-03-15", trace: true },
    );

  it("name a definition without parameters a criterion names, once, before the calls it makes", () => {
    const decision = sleepOnly("stationary");
    expect(decision.outcome).toBe("covered");
    const calls = decision.trace?.find((entry) => entry.id === "I.B.1.c")?.calls ?? [];
    // Group I, criterion c: the awake study named through `awake_normal`, then the sleep study.
    expect(calls[0]).toEqual({
      definition: "awake_normal",
      label: "a counted study at rest found a PaO2 at or above 56 mm Hg or a saturation at or above 89%",
      arguments: [],
      status: "met",
    });
    expect(calls.filter((call) => call.definition === "awake_normal")).toHaveLength(1);
    const recordIndex = (call: (typeof calls)[number]) =>
      "record" in call.arguments[0]! ? call.arguments[0].record.index : undefined;
    expect(
      calls.filter((call) => call.definition === "normal_awake").map((call) => [recordIndex(call), call.status]),
    ).toEqual([[0, "met"]]);
    // The calls inside `awake_normal` come before the criterion's own quantifier's, which the rest
    // study (record 0) fails; the list stops at the most calls a statement reports.
    expect(calls.find((call) => call.definition === "sleep_measured")).toMatchObject({ status: "not_met" });
    expect(calls).toHaveLength(MAX_CALLS);
  });

  it("show a record by the fields its list declares (`identified by performed, method`), a list without by its dates and named values", () => {
    const call = sleepOnly("stationary")
      .trace?.find((entry) => entry.id === "I.B.1.c")
      ?.calls?.find((candidate) => candidate.definition === "normal_awake");
    expect(call?.arguments).toEqual([
      {
        parameter: "study",
        record: { list: "oxygen.studies", index: 0, fields: { performed: "2025-02-19", method: "oximetry" } },
      },
    ]);
    // A declared field the record leaves out is left out.
    const unknownMethod = oxygen.evaluator.evaluate(
      {
        oxygen: { studies: [{ ...restStudy, method: null }] },
        certification: { initial: "2025-03-01" },
        member: { was_inpatient: false },
      },
      { asOf: "2025-03-15", trace: true },
    );
    const fields = unknownMethod.trace
      ?.find((entry) => entry.id === "I.D")
      ?.calls?.map((candidate) =>
        "record" in candidate.arguments[0]! ? candidate.arguments[0].record.fields : undefined,
      );
    expect(fields).toEqual([{ performed: "2025-02-19" }]);
  });

  it("say in a denial's reason which definition decided it, with its calls", () => {
    const decision = sleepOnly("portable");
    expect(decision.outcome).toBe("not_covered");
    const reason = decision.reasons.find((candidate) => candidate.id === "I.B.1.note");
    expect(reason?.calls?.[0]).toMatchObject({ definition: "sleep_only", arguments: [], status: "met" });
    // `awake_normal` is named inside `sleep_only`, once.
    expect(reason?.calls?.filter((call) => call.definition === "awake_normal")).toEqual([
      expect.objectContaining({ arguments: [], status: "met" }),
    ]);
  });
});

describe("a definition with a one-of parameter", () => {
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(fixturePath);
  });
  afterAll(() => fixture.dispose());
  const facts = (method: string | null, studies: unknown[]) => ({
    oxygen: { studies },
    member: { required_studies: 2, pressure_limit: 60 },
    referral: { pressure: 58, received: "2024-05-20", by_pulmonologist: true, method },
  });

  it("tests a one-of fact given to it by the values it lists: an oximetry referral does not set I.2 aside", () => {
    const oximetry = fixture.evaluator.evaluate(facts("oximetry", [study({})]), { asOf, trace: true });
    expect(oximetry.outcome).toBe("not_covered");
    expect(oximetry.trace?.find((entry) => entry.id === "REFERRAL")?.calls?.[1]).toEqual({
      definition: "measures_pressure",
      label: "the method measures the arterial oxygen pressure",
      arguments: [{ parameter: "method", value: "oximetry" }],
      status: "not_met",
    });
    // Unknown: the exception may apply, so the count's denial is pending, and the method is asked.
    const unknown = fixture.evaluator.evaluate(facts(null, [study({})]), { asOf });
    expect(unknown.outcome).toBe("pending");
    expect(unknown.missingFacts.map((fact) => fact.fact)).toContain("referral.method");
  });

  it("tests a one-of field given to it: only the arterial blood gas studies must be by the treating physician", () => {
    const byOther = [study({}), study({ method: "oximetry", by_treating_physician: false })];
    const decision = fixture.evaluator.evaluate(facts("arterial_blood_gas", byOther), { asOf, trace: true });
    expect(decision.trace?.find((entry) => entry.id === "I.3")?.status).toBe("met");
    const calls = decision.trace?.find((entry) => entry.id === "I.3")?.calls ?? [];
    expect(calls.map((call) => [call.arguments, call.status])).toEqual([
      [[{ parameter: "method", value: "arterial_blood_gas" }], "met"],
      [[{ parameter: "method", value: "oximetry" }], "not_met"],
    ]);
  });

  it("is said in the docs by its values' labels", () => {
    const model = fixtureModel(fixturePath);
    const docs = emitDocs(model, traceSummary(model, undefined));
    expect(docs).toContain(
      "(of a value called “method”, an arterial blood gas study or an oximetry test): when “method” is an arterial blood gas study.",
    );
    expect(docs).toContain("(with “method” as how the referral's pressure was measured)");
  });
});

describe("the docs of definitions with value parameters", () => {
  const model = fixtureModel(fixturePath);
  const docs = emitDocs(model, traceSummary(model, undefined));

  it("say what each definition is about, and what each call gives it", () => {
    expect(docs).toContain("(of a number in mm Hg called “pressure” and a number in mm Hg called “limit”)");
    expect(docs).toContain("(of a date called “received on”)");
    expect(docs).toContain("when “pressure” is at most “limit”.");
    expect(docs).toContain("when “received on” is within 60 days before the service date.");
    expect(docs).toContain(
      "[the pressure is at or below the plan's limit](#definition-at_or_below_limit) (with “pressure” as the arterial oxygen pressure of the study and “limit” as the highest arterial oxygen pressure the member's plan accepts)",
    );
    expect(docs).toContain("(with “received on” as the day the referral was received)");
  });
});
