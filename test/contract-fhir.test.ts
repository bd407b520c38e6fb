// The FHIR R4 Questionnaire of each revision (compiler/emit/fhir/) and the reader of its
// QuestionnaireResponse (factsFromQuestionnaireResponse), on the home-infusion and home-oxygen
// fixtures: valid against the FHIR R4 JSON schema, a question per fact typed from the fact,
// enableWhen from the policy's logic, and a response that gives back the facts it was made from.

import { dirname } from "node:path";
import type { Questionnaire, QuestionnaireItem } from "fhir/r4.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources } from "../compiler/build/build.js";
import { policyQuestionnaires, questionnaire } from "../compiler/emit/fhir/questionnaire.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { projectRoot } from "./support/evaluators.js";
import { fhirValidator, responseOf } from "./support/fhir.js";
import { importFixtureEvaluator, readIn, type ImportedFixture } from "./support/fixture-evaluator.js";
import { projectFiles } from "./support/fixture-files.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

const names = { base: "https://plan.example.org/fhir", slug: "fixture" };

/** Every question of a Questionnaire, groups included, by linkId. */
function questions(resource: Questionnaire): Map<string, QuestionnaireItem> {
  const found = new Map<string, QuestionnaireItem>();
  const walk = (items: readonly QuestionnaireItem[]): void => {
    for (const item of items) {
      found.set(item.linkId, item);
      walk(item.item ?? []);
    }
  };
  walk(resource.item ?? []);
  return found;
}

function latest(model: PolicyModel): Questionnaire {
  return questionnaire(model, names, model.revisions.length - 1);
}

describe.each(["test/fixtures/home-infusion", "test/fixtures/home-oxygen"])("the Questionnaires of %s", (folder) => {
  const policies = projectFiles(folder, ".policy").filter((file) => dirname(file.path) === folder);
  const cases = projectFiles(folder, ".cases").filter((file) => dirname(file.path) === folder);
  const checked = checkSources(policies, cases, projectRoot);
  const model = [...checked.models.values()][0]!;
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(model.sourcePath);
  });
  afterAll(() => fixture.dispose());

  it("are valid FHIR R4 Questionnaires, one per revision, with a canonical url and the revision as version", () => {
    const validate = fhirValidator("Questionnaire");
    const all = policyQuestionnaires(model, names);
    expect(all.map((file) => file.name)).toEqual(model.revisions.map((r) => `questionnaire.${r.approved}.json`));
    for (const { resource } of all) {
      expect(validate(resource), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(resource.url).toBe(`${names.base}/Questionnaire/${names.slug}-${resource.version ?? ""}`);
    }
    expect(all.map((file) => file.resource.status)).toEqual(
      model.revisions.map((_, index) => (index === model.revisions.length - 1 ? "active" : "retired")),
    );
  });

  it("ask each fact the revision reads by its name and question, typed from the fact", () => {
    const found = questions(latest(model));
    const metadata = fixture.evaluator.factMetadata;
    const revision = model.revisions.at(-1)!.approved;
    const log = model.revisions.map((entry) => entry.approved);
    for (const fact of model.facts) {
      const item = found.get(fact.name);
      if (!readIn(metadata[fact.name]!, revision, log)) {
        expect(item).toBeUndefined();
        continue;
      }
      expect(item?.text).toBe(fact.question);
      const expected = {
        boolean: "boolean",
        number: "decimal",
        date: "date",
        oneOf: "choice",
        setOf: "choice",
        list: "group",
        code: "string",
        codes: "string",
      }[fact.type.kind];
      expect(item?.type, fact.name).toBe(expected);
      if (fact.type.kind === "oneOf" || fact.type.kind === "setOf")
        expect(item?.answerOption?.map((option) => [option.valueCoding?.code, option.valueCoding?.display])).toEqual([
          ...fact.type.values.map((value) => [value.name, value.label]),
          // A set may be known to hold none of its values: an answer of its own, not the unanswered question.
          ...(fact.type.kind === "setOf" ? [["none-of-these", "none of these"]] : []),
        ]);
      if (fact.type.kind === "list") expect(found.get(`${fact.name}:none`)?.type).toBe("boolean");
      expect(item?.repeats ?? false).toBe(["setOf", "list", "codes"].includes(fact.type.kind));
    }
  });

  it("give back, from a response, the facts of every case and the same decision", () => {
    const validate = fhirValidator("QuestionnaireResponse");
    expect(checked.cases.length).toBeGreaterThan(0);
    for (const resolved of checked.cases) {
      // The revision in force on the case's date: the last in the log in effect then.
      const revision = model.revisions.reduce(
        (found, candidate, index) => (candidate.effective <= resolved.asOf ? index : found),
        -1,
      );
      const response = responseOf(questionnaire(model, names, revision), resolved.facts);
      const where = `${resolved.file}:${resolved.line}`;
      expect(validate(response), `${where} ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      const read = fixture.evaluator.factsFromQuestionnaireResponse(response);
      const parsed = fixture.evaluator.parseFacts(resolved.facts);
      if (!read.ok || !parsed.ok) throw new Error(`${where}: ${JSON.stringify(read)}`);
      // A fact no statement of the revision reads has no question, so the response cannot give it.
      const decide = (facts: unknown) => fixture.evaluator.evaluate(facts, { asOf: resolved.asOf });
      expect(decide(read.facts), where).toEqual(decide(parsed.facts));
    }
  });
});

describe("enableWhen from the policy's logic", () => {
  let oxygen: ImportedFixture;
  beforeAll(async () => {
    oxygen = await importFixtureEvaluator("test/fixtures/home-oxygen/home-oxygen.policy");
  });
  afterAll(() => oxygen.dispose());

  it("asks the day of discharge only of an inpatient, and the certification date only of an outpatient", () => {
    const found = questions(latest(oxygen.model));
    expect(found.get("member.discharge")?.enableWhen).toEqual([
      { question: "member.was_inpatient", operator: "=", answerBoolean: true },
    ]);
    expect(found.get("member.was_inpatient")?.enableWhen).toBeUndefined();
  });

  it("enables a question read under a section's `applies when` only when the section applies", () => {
    const model = [...checkSources(projectFiles(homeInfusion.folder, ".policy"), [], projectRoot).models.values()][0]!;
    const found = questions(latest(model));
    const gastro = found.get("member.gastrointestinal_tract_functions");
    expect(gastro?.enableBehavior).toBe("any");
    expect(gastro?.enableWhen?.map((condition) => [condition.question, condition.answerCoding?.code])).toEqual([
      ["therapy.kind", "enteral_nutrition"],
      ["therapy.kind", "oral_nutrition"],
    ]);
    // A question every criterion reads unguarded is always enabled.
    expect(found.get("therapy.kind")?.enableWhen).toBeUndefined();
    expect(found.get("member.age")?.enableWhen).toBeUndefined();
  });

  it("asks a date read after `not` its yes-or-no in an `or` only once that fact is yes", () => {
    // NC.ELIG.a: not medicaid.enrollment_ended or medicaid.enrollment_end >= service date.
    const model = [...checkSources(projectFiles(homeInfusion.folder, ".policy"), [], projectRoot).models.values()][0]!;
    const found = questions(latest(model));
    expect(found.get("medicaid.enrollment_end")?.enableWhen).toEqual([
      { question: "medicaid.enrollment_ended", operator: "=", answerBoolean: true },
    ]);
    expect(found.get("medicaid.enrollment_ended")?.enableWhen).toBeUndefined();
  });

  it("leaves out of an earlier revision's Questionnaire a fact only a later revision reads", () => {
    const model = [...checkSources(projectFiles(homeInfusion.folder, ".policy"), [], projectRoot).models.values()][0]!;
    const before = model.revisions.findIndex((revision) => revision.approved === "2024-05") - 1;
    expect(questions(questionnaire(model, names, before)).has("home.features")).toBe(false);
    expect(questions(latest(model)).has("home.features")).toBe(true);
  });
});

describe("factsFromQuestionnaireResponse", () => {
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

  const response = (item: unknown[]) => ({ resourceType: "QuestionnaireResponse", status: "completed", item });

  it("reads a case's answers back into its facts", () => {
    const made = responseOf(latest(infusion.model), coveredIvAntibiotic);
    expect(infusion.evaluator.factsFromQuestionnaireResponse(made)).toEqual({ ok: true, facts: coveredIvAntibiotic });
  });

  it("reports an unknown linkId and an answer of the wrong type, pointing into the response, never deciding", () => {
    const read = infusion.evaluator.factsFromQuestionnaireResponse(
      response([
        {
          linkId: "member",
          item: [
            { linkId: "member.age", answer: [{ valueString: "forty-five" }] },
            { linkId: "member.shoe_size", answer: [{ valueDecimal: 9 }] },
          ],
        },
      ]),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((issue) => [issue.code, issue.field, issue.pointer])).toEqual([
      ["wrong_type", "member.age", "/item/0/item/0/answer/0"],
      ["unknown_field", "member.shoe_size", "/item/0/item/1/linkId"],
    ]);
  });

  it("validates each value as evaluate does, pointing at the answer that gave it", () => {
    const read = oxygen.evaluator.factsFromQuestionnaireResponse(
      response([
        { linkId: "member", item: [{ linkId: "member.hematocrit", answer: [{ valueDecimal: 101 }] }] },
        {
          linkId: "oxygen",
          item: [
            {
              linkId: "oxygen.studies",
              item: [{ linkId: "oxygen.studies.saturation", answer: [{ valueDecimal: 88 }] }],
            },
            {
              linkId: "oxygen.studies",
              item: [{ linkId: "oxygen.studies.saturation", answer: [{ valueDecimal: 188 }] }],
            },
          ],
        },
      ]),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ["out_of_range", "/item/1/item/1/item/0"],
      ["out_of_range", "/item/0/item/0"],
    ]);
  });

  it("refuses what is not a QuestionnaireResponse, and never throws", () => {
    for (const input of [
      null,
      1,
      [],
      { resourceType: "Patient" },
      { resourceType: "QuestionnaireResponse", item: 3 },
    ]) {
      expect(() => infusion.evaluator.factsFromQuestionnaireResponse(input)).not.toThrow();
      expect(infusion.evaluator.factsFromQuestionnaireResponse(input).ok).toBe(false);
    }
  });
});

describe("an empty set or list in a response", () => {
  let oxygen: ImportedFixture;
  beforeAll(async () => {
    oxygen = await importFixtureEvaluator("test/fixtures/home-oxygen/home-oxygen.policy");
  });
  afterAll(() => oxygen.dispose());

  const response = (item: unknown[]) => ({ resourceType: "QuestionnaireResponse", status: "completed", item });
  const none = (linkId: string) => ({ linkId, answer: [{ valueCoding: { code: "none-of-these" } }] });

  it("reads 'none of these' as a known empty set, and refuses it beside a value", () => {
    const read = oxygen.evaluator.factsFromQuestionnaireResponse(
      response([{ linkId: "member", item: [none("member.findings")] }]),
    );
    expect(read).toEqual({ ok: true, facts: { member: { findings: [] } } });
    const both = oxygen.evaluator.factsFromQuestionnaireResponse(
      response([
        {
          linkId: "member",
          item: [
            {
              linkId: "member.findings",
              answer: [{ valueCoding: { code: "none-of-these" } }, { valueCoding: { code: "dependent_edema" } }],
            },
          ],
        },
      ]),
    );
    expect(both.ok ? [] : both.issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ["not_an_option", "/item/0/item/0/answer"],
    ]);
  });

  it("reads 'none on record' as a known empty list, and refuses it beside a record", () => {
    const noStudies = { linkId: "oxygen.studies:none", answer: [{ valueBoolean: true }] };
    expect(
      oxygen.evaluator.factsFromQuestionnaireResponse(response([{ linkId: "oxygen", item: [noStudies] }])),
    ).toEqual({ ok: true, facts: { oxygen: { studies: [] } } });
    const study = {
      linkId: "oxygen.studies",
      item: [{ linkId: "oxygen.studies.saturation", answer: [{ valueDecimal: 88 }] }],
    };
    for (const items of [
      [noStudies, study],
      [study, noStudies],
    ]) {
      const read = oxygen.evaluator.factsFromQuestionnaireResponse(response([{ linkId: "oxygen", item: items }]));
      expect(read.ok ? [] : read.issues.map((issue) => issue.code)).toEqual(["wrong_type"]);
    }
  });
});
