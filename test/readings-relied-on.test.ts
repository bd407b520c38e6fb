// The readings a decision relied on (issue 13): each reason cites, by the register's ids, the
// readings of its statement (the version in force), of the statements it is numbered under, of the
// definitions and parts it uses and of the exceptions that may set it aside; the identity cites the
// policy's own. Every id is an anchor of the docs' register, in the register's order.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { readingRegister } from "../compiler/model/reading-register.js";
import { readingsReliedOn } from "../compiler/model/readings-relied-on.js";
import { readPublishedText } from "../compiler/trace/published.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { projectRoot } from "./support/evaluators.js";
import { fixtureModel, importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { fixturePolicies } from "./support/fixture-files.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

describe("the register's ids", () => {
  it.each(fixturePolicies().flatMap(({ model }) => (model === undefined ? [] : [[model.sourcePath, model] as const])))(
    "are the anchors of the docs' register of %s, in its order",
    (_path, model) => {
      const markdown = emitDocs(model, traceSummary(model, readPublishedText(projectRoot, model)));
      const anchors = [...markdown.matchAll(/<a id="(reading-[^"]+)"><\/a>/g)].map((match) => match[1]);
      expect(anchors).toEqual(readingRegister(model).map((reading) => reading.id));
    },
  );
});

describe("the readings a reason relies on", () => {
  const model = fixtureModel(homeInfusion.policy);
  const relied = readingsReliedOn(model);
  const rule = (id: string) => model.rules.find((candidate) => candidate.id === id)!;

  it("are its own, its enclosing statements' and its definitions', each once", () => {
    // I.C.note reads antibiotic_therapy (a definition with a reading).
    expect(relied.rule(rule("I.C.note"), rule("I.C.note"))).toEqual([
      "reading-note-I.C.note-1",
      "reading-definition-antibiotic_therapy-1",
    ]);
    // II.A sits under section II, whose reading says how II.A to II.D combine.
    expect(relied.rule(rule("II.A"), rule("II.A"))).toContain("reading-section-II-1");
    // I.A.1 is never set aside and has no reading.
    expect(relied.rule(rule("I.A.1"), rule("I.A.1"))).toEqual([]);
  });

  it("cite only readings of the register", () => {
    const ids = new Set(readingRegister(model).map((reading) => reading.id));
    for (const each of model.rules) for (const id of relied.rule(each, each)) expect(ids).toContain(id);
    for (const exception of model.exceptions)
      for (const id of relied.exception(exception.id)) expect(ids).toContain(id);
    expect(relied.policy).toEqual(["reading-policy-FIX.HIT.224-1"]);
  });
});

describe("a decision", () => {
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(homeInfusion.policy);
  });
  afterAll(() => fixture.dispose());

  it("cites in each reason the readings it relied on, and the policy's in its identity", () => {
    const evaluate = fixture.evaluator.evaluate.bind(fixture.evaluator);
    const denied = evaluate(
      { ...coveredIvAntibiotic, home: { ...coveredIvAntibiotic.home, features: ["electricity"] } },
      { asOf: "2025-06-01" },
    );
    expect(denied.outcome).toBe("not_covered");
    // An adult: EPSDT does not apply, so its reading decided nothing here.
    expect(denied.reasons.map((reason) => [reason.id, reason.readings])).toEqual([
      ["I.A.5", ["reading-criterion-I.A.5-1"]],
    ]);
    expect(denied.policy.readings).toEqual(["reading-policy-FIX.HIT.224-1"]);
  });

  it("cites an exception's readings where the exception may apply: a child's denial waits on EPSDT", () => {
    const evaluate = fixture.evaluator.evaluate.bind(fixture.evaluator);
    const child = evaluate(
      {
        ...coveredIvAntibiotic,
        member: { ...coveredIvAntibiotic.member, age: 10 },
        home: { ...coveredIvAntibiotic.home, features: ["electricity"] },
        epsdt: { documentation_shows_medical_necessity: undefined },
      },
      { asOf: "2025-06-01" },
    );
    expect(child.outcome).toBe("pending");
    expect(child.reasons.map((reason) => [reason.id, reason.readings])).toEqual([
      ["I.A.5", ["reading-criterion-I.A.5-1", "reading-exception-EPSDT-1"]],
    ]);
  });

  it("cites the readings of an exception that set a denial aside, and of the rule it set aside", () => {
    const evaluate = fixture.evaluator.evaluate.bind(fixture.evaluator);
    const child = evaluate(
      {
        ...coveredIvAntibiotic,
        member: { ...coveredIvAntibiotic.member, age: 10, residence: "skilled_nursing_facility" },
        epsdt: { documentation_shows_medical_necessity: true },
      },
      { asOf: "2025-06-01" },
    );
    expect(child.outcome).toBe("covered");
    const setAside = child.reasons.find((reason) => reason.overriddenBy === "EPSDT");
    expect(setAside?.readings).toEqual(["reading-exception-EPSDT-1"]);
    expect(child.reasons.find((reason) => reason.kind === "exception")?.readings).toContain(
      "reading-exception-EPSDT-1",
    );
  });
});
