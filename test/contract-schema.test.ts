// The JSON Schemas of a policy's contract (compiler/emit/schema/) against the evaluator they are
// generated with, on the fixtures that have cases: real decisions and claim checks validate, the
// facts of every case validate, malformed facts the evaluator refuses the schema refuses too, and
// (a property test) the schema of all facts accepts exactly what parseFacts accepts.

import { dirname } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources } from "../compiler/build/build.js";
import { policySchemas, schemaText, type SchemaFile } from "../compiler/emit/schema/emit-schemas.js";
import type { JsonObject } from "../compiler/emit/schema/fact-schemas.js";
import { isCalendarDate } from "../compiler/runtime/input.js";
import type { PolicyInputError } from "../compiler/runtime/index.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, readIn, type ImportedFixture } from "./support/fixture-evaluator.js";
import { projectFiles } from "./support/fixture-files.js";
import { fuzzRuns } from "./support/fuzz.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

const folders = ["test/fixtures/home-infusion", "test/fixtures/home-oxygen", "test/fixtures/claim-rules"];

const base = "https://plan.example.org/fhir/schema/fixture";

function schemasOf(model: PolicyModel): SchemaFile[] {
  return policySchemas(model, base);
}

/** A validator per schema file; the schemas are added together, so that one may refer to another. */
function validatorsOf(model: PolicyModel): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addVocabulary(["x-unit", "x-code-system"]);
  ajv.addFormat("date", isCalendarDate);
  const files = schemasOf(model);
  for (const file of files) ajv.addSchema(file.schema);
  return new Map(files.map((file) => [file.name, ajv.getSchema(`${base}/${file.name}`)!]));
}

function validator(validators: ReadonlyMap<string, ValidateFunction>, name: string): ValidateFunction {
  const validate = validators.get(name);
  if (validate === undefined) throw new Error(`no schema ${name}`);
  return validate;
}

/** The errors of `value` against `validate`, as a readable list (empty when valid). */
function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}

describe.each(folders)("the schemas of %s", (folder) => {
  const policies = projectFiles(folder, ".policy").filter((file) => dirname(file.path) === folder);
  const cases = projectFiles(folder, ".cases").filter((file) => dirname(file.path) === folder);
  const checked = checkSources(policies, cases, projectRoot);
  const model = [...checked.models.values()][0]!;
  const validators = validatorsOf(model);
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(model.sourcePath);
  });
  afterAll(() => fixture.dispose());

  it("are valid draft 2020-12 schemas, one facts schema per revision, and the same on every build", () => {
    const names = schemasOf(model).map((file) => file.name);
    expect(names).toEqual([
      "facts.schema.json",
      ...model.revisions.map((revision) => `facts.${revision.approved}.schema.json`),
      "decision.schema.json",
      "claim.schema.json",
      "claim-check.schema.json",
      "input-error.schema.json",
    ]);
    expect(schemasOf(model).map((file) => schemaText(file.schema))).toEqual(
      schemasOf(model).map((file) => schemaText(file.schema)),
    );
  });

  it("accept every case's facts, decision (with its trace) and claim check", () => {
    expect(checked.cases.length + checked.claimCases.length).toBeGreaterThan(0);
    const facts = validator(validators, "facts.schema.json");
    const decision = validator(validators, "decision.schema.json");
    for (const resolved of checked.cases) {
      const where = `${resolved.file}:${resolved.line}`;
      expect(errorsOf(facts, resolved.facts), where).toEqual([]);
      for (const trace of [false, true]) {
        const made: unknown = JSON.parse(
          JSON.stringify(fixture.evaluator.evaluate(resolved.facts, { asOf: resolved.asOf, trace })),
        );
        expect(errorsOf(decision, made), where).toEqual([]);
      }
    }
    const claim = validator(validators, "claim.schema.json");
    const claimCheck = validator(validators, "claim-check.schema.json");
    for (const resolved of checked.claimCases) {
      const where = `${resolved.file}:${resolved.line}`;
      expect(errorsOf(claim, resolved.claim), where).toEqual([]);
      const made: unknown = JSON.parse(JSON.stringify(fixture.evaluator.checkClaim(resolved.claim, resolved.options)));
      expect(errorsOf(claimCheck, made), where).toEqual([]);
    }
  });

  it("say undecided with one word, `pending`, in every status of a decision and a claim check", () => {
    const words = (name: string): string[] => {
      const schema = schemasOf(model).find((file) => file.name === name)!.schema;
      const found: string[] = [];
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === "object" && value !== null)
          for (const [key, child] of Object.entries(value)) {
            if (key === "enum" && Array.isArray(child)) found.push(...child.filter((word) => typeof word === "string"));
            else walk(child);
          }
      };
      walk(schema);
      return found;
    };
    const results = [...words("decision.schema.json"), ...words("claim-check.schema.json")];
    for (const other of ["unknown", "undetermined", "incomplete", "undecided"]) expect(results).not.toContain(other);
    // The outcome, a reason's and a trace entry's status, a definition's, a services exclusion's, and the verdict.
    expect(results.filter((word) => word === "pending").length).toBeGreaterThanOrEqual(5);
    const claimCheck = schemasOf(model).find((file) => file.name === "claim-check.schema.json")!.schema;
    expect(claimCheck["required"]).toContain("pending");
  });

  it("refuse a decision whose parts contradict its outcome", () => {
    const decision = validator(validators, "decision.schema.json");
    const resolved = checked.cases.find(
      (c) => fixture.evaluator.evaluate(c.facts, { asOf: c.asOf }).outcome === "covered",
    );
    if (resolved === undefined) return;
    const covered = JSON.parse(
      JSON.stringify(fixture.evaluator.evaluate(resolved.facts, { asOf: resolved.asOf })),
    ) as Record<string, unknown>;
    expect(errorsOf(decision, covered)).toEqual([]);
    expect(decision({ ...covered, outcome: "pending" })).toBe(false);
    expect(decision({ ...covered, crd: { covered: "not-covered" } })).toBe(false);
    expect(
      decision({ ...covered, reasons: [{ id: "no-such-rule", kind: "criterion", text: "", status: "met" }] }),
    ).toBe(false);
  });
});

describe("the facts schema and the evaluator agree", () => {
  let fixture: ImportedFixture;
  let validators: Map<string, ValidateFunction>;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator("test/fixtures/home-oxygen/home-oxygen.policy");
    validators = validatorsOf(fixture.model);
  });
  afterAll(() => fixture.dispose());

  function issuesOf(facts: unknown): readonly { code: string; pointer: string }[] {
    try {
      fixture.evaluator.evaluate(facts, { asOf: "2025-03-15" });
      return [];
    } catch (error) {
      return (error as PolicyInputError).issues;
    }
  }

  it("refuses what the evaluator refuses, and its input error validates", () => {
    const facts = validator(validators, "facts.schema.json");
    const inputError = validator(validators, "input-error.schema.json");
    const study = { performed: "2025-02-19", method: "oximetry", condition: "at_rest", saturation: 88 };
    const malformed: unknown[] = [
      "facts",
      [],
      { member: [] },
      { member: { hematocrit: 101 } },
      { member: { hematocrit: "45" } },
      { member: { discharge: "2025-02-30" } },
      { member: { findings: ["edema"] } },
      { member: { was_inpatient: "no" } },
      { equipment: { kind: "mobile" } },
      { order: { diagnosis: "j44.9" } },
      { oxygen: { studies: [{ ...study, saturation: -1 }] } },
      { oxygen: { studies: [{ ...study, extra: 1 }] } },
      { oxygen: { studies: [null] } },
      { oxygen: { study: [] } },
      { memberr: {} },
    ];
    for (const input of malformed) {
      const issues = issuesOf(input);
      expect(issues.length, JSON.stringify(input)).toBeGreaterThan(0);
      expect(facts(input), JSON.stringify(input)).toBe(false);
      try {
        fixture.evaluator.evaluate(input, { asOf: "2025-03-15" });
      } catch (error) {
        expect(errorsOf(inputError, JSON.parse(JSON.stringify(error)))).toEqual([]);
      }
    }
  });

  it("a revision's schema leaves out a fact no statement of that revision reads", () => {
    // A revision's schema names its facts' keys, group by group, and refers to the schema of all facts for their types.
    const names = (schema: JsonObject): string[] => {
      const groups = (schema["properties"] ?? {}) as Record<string, { propertyNames?: { enum?: string[] } }>;
      return Object.entries(groups).flatMap(([group, value]) =>
        (value.propertyNames?.enum ?? []).map((key) => `${group}.${key}`),
      );
    };
    const byName = new Map(schemasOf(fixture.model).map((file) => [file.name, file.schema]));
    const revisions = fixture.evaluator.factMetadata;
    const log = fixture.model.revisions.map((revision) => revision.approved);
    for (const revision of fixture.model.revisions) {
      const schema = byName.get(`facts.${revision.approved}.schema.json`);
      const expected = Object.entries(revisions)
        .filter(([, entry]) => readIn(entry, revision.approved, log))
        .map(([name]) => name);
      expect(names(schema ?? {}).sort()).toEqual(expected.sort());
    }
  });

  it("accepts exactly what parseFacts accepts (property test over facts near the policy's own)", () => {
    const schema = validator(validators, "facts.schema.json");
    const metadata = fixture.evaluator.factMetadata;
    const groups = [...new Set(Object.values(metadata).map((entry) => entry.group))];
    const valueNear = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(null, true, false, 0, -0, 45, 101, 1e9, "2025-02-19", "2025-02-30", "J44.9", "j44.9"),
      fc.constantFrom(
        ...Object.values(metadata).flatMap((entry) => entry.options?.map((option) => option.value) ?? []),
      ),
      fc.array(fc.constantFrom("dependent_edema", "pulmonary_hypertension", "x", 1)),
      fc.array(
        fc.record(
          {
            performed: fc.constantFrom("2025-02-19", "2025-13-01", 3),
            method: fc.constantFrom("oximetry", "arterial_blood_gas", "other"),
            saturation: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.constant(null)),
            by_oxygen_supplier: fc.constantFrom(true, false, null, "no"),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    );
    const keyOf = (group: string) =>
      fc.oneof(
        fc.constantFrom(
          ...Object.keys(metadata)
            .filter((name) => metadata[name]?.group === group)
            .map((name) => name.slice(group.length + 1)),
        ),
        fc.string({ maxLength: 3 }),
      );
    const factsNear = fc.oneof(
      fc.dictionary(fc.constantFrom(...groups, "other"), fc.oneof(fc.jsonValue(), fc.constant(null)), { maxKeys: 2 }),
      fc.record(
        Object.fromEntries(groups.map((group) => [group, fc.dictionary(keyOf(group), valueNear, { maxKeys: 3 })])),
        { requiredKeys: [] },
      ),
    );
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(factsNear, (facts) => {
        const ok = fixture.evaluator.parseFacts(facts).ok;
        seen[ok ? "accepted" : "refused"]++;
        expect(schema(facts), JSON.stringify(facts)).toBe(ok);
      }),
      { numRuns: fuzzRuns(400), seed: 14 },
    );
    // Both sides of the line were reached, not only one.
    expect(seen.accepted).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(20);
  });
});

describe("a revision's facts schema", () => {
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(homeInfusion.policy);
  });
  afterAll(() => fixture.dispose());

  it("refuses a fact a later revision added, which the schema of that revision accepts", () => {
    const validators = validatorsOf(fixture.model);
    const facts = { ...coveredIvAntibiotic, home: { features: ["water"] } };
    const before = { ...coveredIvAntibiotic, home: undefined };
    expect(errorsOf(validator(validators, "facts.2023-08.schema.json"), JSON.parse(JSON.stringify(before)))).toEqual(
      [],
    );
    expect(validator(validators, "facts.2023-08.schema.json")(facts)).toBe(false);
    expect(errorsOf(validator(validators, "facts.2024-05.schema.json"), facts)).toEqual([]);
    // A type the schema of all facts refuses, each revision's refuses too (it refers to it).
    expect(validator(validators, "facts.2024-05.schema.json")({ home: { features: "water" } })).toBe(false);
    // The evaluator reads the later fact on an earlier date, where no statement reads it.
    expect(fixture.evaluator.parseFacts(facts).ok).toBe(true);
  });
});
