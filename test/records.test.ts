// Records and lists through every stage, on the records fixture: the generated evaluator's
// three-valued answers (unknown list, empty list, unknown fields), what a pending decision asks, the
// validation of records handed in, the generated module under the strict settings, the docs' words,
// the formatter, coverage, and the review diff's refusal.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import { conditionText } from "../compiler/cases/coverage.js";
import { truthOf } from "../compiler/cases/condition-truth.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { reviewChange } from "../compiler/diff/review.js";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { formatSource } from "../compiler/format/format-source.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { MAX_RECORDS } from "../compiler/runtime/records.js";
import { projectRoot } from "./support/evaluators.js";
import { fixtureModel, importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

const fixturePath = "test/fixtures/records/records.policy";
const fixtureText = readFileSync(join(projectRoot, fixturePath), "utf8");

const qualifying = {
  performed: "2024-05-22",
  method: "arterial_blood_gas",
  condition: "at_rest",
  pressure: 52,
  saturation: 86,
  by_treating_physician: true,
};
const asOf = "2024-06-01";

describe("the generated evaluator, on the records fixture", () => {
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(fixturePath);
  });
  afterAll(() => fixture.dispose());

  const decide = (studies: unknown, required: number | undefined = 1) =>
    fixture.evaluator.evaluate(
      {
        oxygen: { studies },
        member: { required_studies: required, pressure_limit: 60 },
        referral: { pressure: 58, received: "2024-05-20", by_pulmonologist: false, method: "arterial_blood_gas" },
      },
      { asOf, trace: true },
    );
  const statusOf = (decision: ReturnType<typeof decide>, id: string) =>
    decision.trace?.find((entry) => entry.id === id)?.status;
  const issues = (studies: unknown): string[] => {
    try {
      decide(studies);
    } catch (error) {
      if (error instanceof fixture.runtime.PolicyInputError) return error.issues.map((i) => `${i.field} ${i.problem}`);
      throw error;
    }
    return [];
  };

  it("covers a list whose one record meets every quantifier", () => {
    expect(decide([qualifying]).outcome).toBe("covered");
  });

  it("leaves every quantifier over a list nobody recorded unknown, and asks the list's question", () => {
    const decision = decide(undefined);
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((fact) => [fact.fact, fact.question])).toEqual([
      ["oxygen.studies", "Which blood gas studies were performed, and what did each find?"],
    ]);
  });

  it("reads an empty list as known: some false, every true, count 0, no latest record", () => {
    const decision = decide([], 0);
    expect(decision.outcome).toBe("not_covered");
    // I.2 (count >= 0) and I.3 (every) hold; I.1 (some), I.4 (latest) fail; II.B (no study at rest) denies.
    expect(["I.1", "I.2", "I.3", "I.4", "II.B"].map((id) => statusOf(decision, id))).toEqual([
      "not_met",
      "met",
      "met",
      "not_met",
      "met",
    ]);
  });

  it("decides `some` by one true record whatever the others leave unknown", () => {
    expect(statusOf(decide([qualifying, { method: "oximetry" }]), "I.1")).toBe("met");
  });

  it("leaves `some` unknown while no record is true and one is unknown", () => {
    const decision = decide([{ ...qualifying, saturation: undefined, pressure: 60 }]);
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((fact) => fact.fact)).toEqual(["oxygen.studies"]);
  });

  it("decides a count once the records surely counted and those that may be both decide it", () => {
    const unknownCondition = { performed: "2024-05-20", method: "oximetry", saturation: 87 };
    const status = (studies: unknown[], required: number) => statusOf(decide(studies, required), "I.2");
    expect(status([qualifying, unknownCondition], 1)).toBe("met");
    expect(status([qualifying, unknownCondition], 2)).toBe("pending");
    expect(status([qualifying, unknownCondition], 3)).toBe("not_met");
  });

  it("takes the latest record by date, and waits while a date that could be the latest is unknown", () => {
    const earlier = { ...qualifying, performed: "2024-05-10", saturation: 92 };
    const status = (studies: unknown[]) => statusOf(decide(studies), "I.4");
    expect(status([earlier, qualifying])).toBe("met");
    expect(status([qualifying, earlier])).toBe("met");
    expect(
      status([
        { ...qualifying, saturation: 92 },
        { ...earlier, saturation: 80 },
      ]),
    ).toBe("not_met");
    expect(status([qualifying, { ...earlier, performed: undefined }])).toBe("pending");
    // An earlier record of unknown condition cannot be the latest at rest.
    expect(status([qualifying, { ...earlier, condition: undefined }])).toBe("met");
  });

  it("relates two records by nesting quantifiers: the blood gas study of the same day is used", () => {
    const highAbg = { ...qualifying, pressure: 60 };
    const oximetry = { performed: "2024-05-22", method: "oximetry", condition: "at_rest", saturation: 86 };
    const denied = (studies: unknown[]) => statusOf(decide(studies), "II.A") === "met";
    expect(denied([highAbg, oximetry])).toBe(true);
    expect(denied([highAbg, { ...oximetry, performed: "2024-05-21" }])).toBe(false);
  });

  it("refuses a record with a bad field, naming its index and field", () => {
    expect(issues([qualifying, qualifying, { ...qualifying, saturation: 140 }])).toEqual([
      "oxygen.studies[2].saturation must be a number from 0 to 100, not 140",
    ]);
  });

  it("refuses a field the records do not have, as an unknown fact is refused", () => {
    expect(issues([{ ...qualifying, saturaton: 80 }])).toEqual([
      'oxygen.studies[0].saturaton is not a field of these records; did you mean "saturation"?',
    ]);
  });

  it("refuses a list that is not a list, a record that is not an object, and holes", () => {
    expect(issues({ 0: qualifying })[0]).toMatch(/^oxygen\.studies must be a list of records/);
    expect(issues([qualifying, "abg"])).toEqual(['oxygen.studies[1] must be a record (a plain object), not "abg"']);
    // eslint-disable-next-line no-sparse-arrays -- reason: a hole is the input under test.
    expect(issues([qualifying, , qualifying])).toEqual([
      "oxygen.studies[1] is a hole in the list: every item must be given",
    ]);
  });

  it(`refuses a list of more than ${MAX_RECORDS} records before reading them`, () => {
    expect(issues(new Array(MAX_RECORDS + 1).fill(qualifying))).toEqual([
      `oxygen.studies holds ${MAX_RECORDS + 1} records, more than the ${MAX_RECORDS} a list may hold`,
    ]);
  });
});

describe("the generated module of the records fixture", () => {
  const buildFolder = join(projectRoot, ".tmp", "fixture-records");
  const evaluatorPath = join(buildFolder, "generated", "records", "evaluator.ts");
  let source = "";

  beforeAll(async () => {
    const fieldsPath = "test/fixtures/records/record-fields.policy";
    const plan = await planFromSources(
      [
        { path: fixturePath, text: fixtureText },
        { path: fieldsPath, text: readFileSync(join(projectRoot, fieldsPath), "utf8") },
      ],
      [],
    );
    expect(plan.diagnostics).toEqual([]);
    rmSync(buildFolder, { recursive: true, force: true });
    for (const file of plan.files) {
      mkdirSync(dirname(join(buildFolder, file.path)), { recursive: true });
      writeFileSync(join(buildFolder, file.path), file.contents);
    }
    source = readFileSync(evaluatorPath, "utf8");
  });
  afterAll(() => rmSync(buildFolder, { recursive: true, force: true }));

  it("types the list as a readonly array of records, each field optional", () => {
    expect(source).toContain("readonly studies?: readonly OxygenStudiesRecord[] | null | undefined;");
    expect(source).toContain('readonly method?: "arterial_blood_gas" | "oximetry" | null | undefined;');
  });

  it("compiles each quantifier to a runtime call over the record, and writes it as data", () => {
    expect(source).toContain('someRecord(facts["oxygen.studies"], (record_study) =>');
    expect(source).toContain(
      'records("oxygen.studies", "study", none(compare(field("study", "condition"), "=", text("at_rest"))))',
    );
    // The nested quantifier of II.A visits only the tests of its blood gas study's day (its join).
    expect(source).toContain('joined(facts["oxygen.studies"], "performed", record_abg["performed"])');
    expect(source).toContain('joinedOn("performed", field("abg", "performed"))');
    // The nested quantifier of II.D visits only the studies dated within 7 days after its exercise study's.
    const flat = source.replace(/\s+/g, " ");
    expect(flat).toContain(
      'record_exercise["performed"] === undefined ? facts["oxygen.studies"] : withinDates( facts["oxygen.studies"], "performed", record_exercise["performed"], shiftDate(record_exercise["performed"], 7, "days"), )',
    );
    expect(flat).toContain(
      'joinedWithin( "performed", field("exercise", "performed"), shifted(field("exercise", "performed"), 7, "days"), )',
    );
  });

  it("compiles under the project's strict settings, with every test of a field (record-fields fixture) too", () => {
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const fieldsEvaluator = join(buildFolder, "generated", "record-fields", "evaluator.ts");
    const program = ts.createProgram([evaluatorPath, fieldsEvaluator], { ...options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });
});

describe("the docs of the records fixture", () => {
  const model = fixtureModel(fixturePath);
  const docs = emitDocs(model, traceSummary(model, undefined));

  it.each([
    ["some", "at least one of the blood gas studies on record (each called “study”) is such that:"],
    ["no", "none of the blood gas studies on record (each called “study”) is such that:"],
    ["every", "every one of the blood gas studies on record (each called “study”) passes the test below:"],
    [
      "count",
      "the number of the blood gas studies on record (each called “study”) is at least the number of studies at rest the member's plan requires, counting those for which:",
    ],
    [
      "latest",
      "the latest of the blood gas studies on record (each called “study”) by the day the study was performed passes the test below",
    ],
    ["a field", "the oxygen saturation of the study is at most 89"],
  ])("say %s in words", (_what, phrase) => {
    expect(docs).toContain(phrase);
  });

  it("lists the list's fields in the facts table", () => {
    expect(docs).toContain("a list of records (at most 10,000)");
    expect(docs).toContain("`pressure` (the arterial oxygen pressure): number (mm Hg), from 0 to 800");
  });
});

describe("the formatter, on a list fact and quantifiers", () => {
  const messy = fixtureText
    .replace("    field performed", "field performed")
    .replace("some abg in", "some  abg   in")
    .replace("# A fixture policy", "# A fixture policy (comment kept)");

  it("lays fields out one a line, keeps comments, changes nothing the policy says, and is idempotent", () => {
    const formatted = formatSource(messy, "t.policy").text ?? "";
    expect(formatted).toContain("fact oxygen.studies: list of\n    field performed");
    expect(formatted).toContain("# A fixture policy (comment kept)");
    expect(formatted).toContain("some abg in oxygen.studies");
    const statements = (text: string) =>
      JSON.stringify(parseSource(text, "t.policy").source.statements, (key, value: unknown) =>
        key === "span" ? undefined : value,
      );
    expect(statements(formatted)).toBe(statements(messy));
    expect(formatSource(formatted, "t.policy").text).toBe(formatted);
  });
});

describe("coverage and the review diff", () => {
  it("names a quantifier as one leaf of coverage", () => {
    const rule = fixtureModel(fixturePath).rules.find((candidate) => candidate.id === "I.3");
    expect(rule && conditionText(rule.condition)).toBe("every study in oxygen.studies");
  });

  it("reviews versions with a list fact, each quantifier one question, and says the count is not exact", async () => {
    const version = { label: "before", path: "policy/records.policy", text: fixtureText };
    const same = await reviewChange(version, { ...version, label: "after" });
    expect(same.kind === "review" && same.delta.changed).toBe(0n);
    const changed = { ...version, label: "after", text: fixtureText.replace("<= 89", "<= 88") };
    expect(changed.text).not.toBe(fixtureText);
    const review = await reviewChange(version, changed);
    if (review.kind !== "review") throw new Error("no review");
    expect(review.delta.changed).toBeGreaterThan(0n);
    expect(review.delta.lists).toEqual(["oxygen.studies"]);
    expect(review.markdown).toContain("Not exact for the lists of records `oxygen.studies`");
    // An example names the quantifiers in words, never by their internal key.
    expect(review.markdown).not.toContain("records {");
  });
});

describe("definitions with parameters", () => {
  const header = `policy T.REC
  title "Records" plan "Plan" description "Records." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact lab.tests: list of
    field day "the day of the test": date
    field method "the method": one of abg "an arterial blood gas study", oximetry "an oximetry test"
  description "The tests." ask "Which tests?"
define same_day_oximetry(abg: lab.tests) "an oximetry test was done on the day of the study" as
  some test in lab.tests where test.method is oximetry and test.day = abg.day
section I "Covered when:"
criterion I.1 "x" met when some test in lab.tests where test.method is abg and same_day_oximetry(test)
`;
  const result = checkPolicySource(header, "policy/t.policy");

  it("check clean, and read the body with each parameter as its argument", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("rename a record of the body that the argument's name would capture", () => {
    const rule = result.model?.rules.find((candidate) => candidate.id === "I.1");
    const text = JSON.stringify(rule?.condition);
    // The body's own `test` becomes `test_of_abg`; its `abg` is the caller's `test`.
    expect(text).toContain('"variable":"test_of_abg"');
    expect(text).toContain('"right":{"kind":"field","variable":"test","field":"day"}');
  });

  it("decide by the body: an oximetry test on the day of the blood gas study, and not on another day", () => {
    const model = result.model;
    if (model === undefined) throw new Error("no model");
    const rule = model.rules.find((candidate) => candidate.id === "I.1");
    if (rule === undefined) throw new Error("no I.1");
    const truth = (tests: unknown[]) =>
      truthOf(rule.condition, {
        model,
        serviceDate: "2024-06-01",
        revision: 0,
        valueOf: (fact) => (fact === "lab.tests" ? (tests as never) : undefined),
      });
    const abg = { day: "2024-05-01", method: "abg" };
    expect(truth([abg, { day: "2024-05-01", method: "oximetry" }])).toBe(2);
    expect(truth([abg, { day: "2024-05-02", method: "oximetry" }])).toBe(0);
    expect(truth([abg, { method: "oximetry" }])).toBe(1);
  });

  it("say the definition's label for the record it is given, and show the definition with its parameter", () => {
    const model = fixtureModel(fixturePath);
    const docs = emitDocs(model, traceSummary(model, undefined));
    expect(docs).toContain("(#definition-qualifying_rest_study) (for the result)");
    expect(docs).toContain("(of a record of oxygen.studies called “study”)");
    expect(docs).toContain("the member's condition during the study is at rest");
    expect(docs).not.toContain("during the study of the study");
  });
});

describe("a definition with parameters that calls itself", () => {
  it("is a cycle, as any definition that uses itself", () => {
    const source = `policy T.REC
  title "Records" plan "Plan" description "Records." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact lab.tests: list of field day "the day": date description "The tests." ask "Which tests?"
define looping(test: lab.tests) "it loops" as looping(test)
section I "Covered when:"
criterion I.1 "x" met when some test in lab.tests where looping(test)
`;
    const codes = checkPolicySource(source, "policy/t.policy").diagnostics.map((d) => d.code);
    expect(codes).toContain("PC023");
  });
});

describe("the names a list fact gives the generated module", () => {
  it("are held to the other generated names: a record's interface may not be another fact's values type", () => {
    const source = `policy T.REC
  title "Records" plan "Plan" description "Records." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact lab.tests: list of field day "the day": date description "The tests." ask "Which tests?"
fact lab.tests_record: one of kept "kept", lost "lost" description "The record." ask "Where is it?"
`;
    const found = checkPolicySource(source, "policy/t.policy").diagnostics.filter((d) => d.code === "PC013");
    expect(found.map((d) => d.message).join("\n")).toContain("the interface of a record of `lab.tests`");
  });
});
