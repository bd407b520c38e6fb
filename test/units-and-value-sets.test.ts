// Units, percents and value sets through every stage: the checker's units (a normal form, a bare
// literal taking the other side's unit), `88%` lowered to 88, the strict CSV reader, membership as the
// runtime decides it, the fixture's evaluator (membership in and out of ranges, codes validated on
// input), its module under the strict settings, and the docs' words and value set tables.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import { reviewChange } from "../compiler/diff/review.js";
import { besidePolicyReader } from "../compiler/files/beside-policy.js";
import { readValueSetFile } from "../compiler/check/value-set-file.js";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { inValueSet, isCodeOf } from "../compiler/runtime/codes.js";
import type { PolicyInputError } from "../compiler/runtime/index.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

const fixturePath = "test/fixtures/value-sets/value-sets.policy";

const header = `policy T.UNITS
  title "Units" plan "Plan" description "Units in conditions." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact a.spo2: number unit "percent" description "The saturation." ask "What is the saturation?"
fact a.pressure: number unit "mm Hg" description "The pressure." ask "What is the pressure?"
fact a.limit: number unit "MMHG" description "The limit." ask "What is the limit?"
section I "Covered when:"
`;

function checked(condition: string): { codes: string[]; model: PolicyModel | undefined } {
  const result = checkPolicySource(`${header}criterion I.1 "x" met when ${condition}\n`, "policy/t.policy");
  return { codes: result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code), model: result.model };
}

describe("units in the checker", () => {
  it("takes units that differ only in case and spaces as one unit", () => {
    expect(checked("a.pressure <= a.limit").codes).toEqual([]);
  });

  it("lets a bare number take the unit of the fact it is compared with, on either side", () => {
    expect(checked("a.pressure < 60 and 95 > a.spo2").codes).toEqual([]);
  });

  it("refuses to compare numbers of two units, and a percent with a number in another unit", () => {
    expect(checked("a.spo2 < a.pressure").codes).toEqual(["PC110"]);
    expect(checked("a.pressure < 60%").codes).toEqual(["PC110"]);
    expect(checked("a.pressure is 60%").codes).toEqual(["PC110"]);
  });

  it("lowers a percent to its number: `88.5%` is 88.5", () => {
    const rule = checked("a.spo2 <= 88.5%").model?.rules.find((candidate) => candidate.id === "I.1");
    expect(rule?.condition).toEqual({
      kind: "compare",
      operator: "<=",
      left: { kind: "fact", fact: "a.spo2" },
      right: { kind: "number", value: 88.5 },
    });
  });

  it("keeps a unit through a unit limit's arithmetic, and refuses a product of two units", () => {
    const policy = (limit: string) =>
      `${header}claim fact minutes: number unit "minutes" description "M." ask "M?"\ncriterion I.1 "x" met when a.spo2 < 90%\ncode T1002 "x" rule T1002-units: units at most ${limit}\n`;
    const codes = (limit: string) =>
      checkPolicySource(policy(limit), "policy/t.policy")
        .diagnostics.filter((d) => d.severity === "error")
        .map((d) => d.code);
    expect(codes("(claim.minutes - 120) / 15")).toEqual([]);
    expect(codes("claim.minutes / claim.minutes * 4")).toEqual([]);
    expect(codes("claim.minutes * claim.minutes")).toEqual(["PC111"]);
    expect(codes("15 / claim.minutes")).toEqual(["PC111"]);
  });
});

describe("the value set file reader", () => {
  it("reads codes, ranges with `..` or `-`, quoted labels with commas and quotes, and CRLF line ends", () => {
    const { rows, problems } = readValueSetFile(
      'code,label\r\nJ44.0,"COPD, with ""infection"""\r\nJ44.8-J44.9,Other\r\nE0439..E0442,Liquid\r\n',
    );
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.first.text, row.last.text, row.label, row.line])).toEqual([
      ["J44.0", "J44.0", 'COPD, with "infection"', 2],
      ["J44.8", "J44.9", "Other", 3],
      ["E0439", "E0442", "Liquid", 4],
    ]);
    expect(rows[1]?.last.column).toBe(7);
  });

  it("reports a malformed row at its line and column: an unclosed quote, a third field, an empty line, a half range", () => {
    const { problems } = readValueSetFile('code,label\nJ44.0,"open\nJ44.1,a,b\n\nJ44.2..,x\n');
    expect(problems.map((p) => [p.line, p.column, p.problem.kind])).toEqual([
      [2, 7, "unclosedQuote"],
      [3, 1, "fields"],
      [4, 1, "emptyLine"],
      [5, 1, "rangeEnd"],
    ]);
  });
});

describe("membership, as the runtime decides it", () => {
  const entries = [
    { first: "J43", last: "J43" },
    { first: "J44.0", last: "J44.1" },
  ];

  it("covers a listed code and its children, a range from its first code to its last and the last's children", () => {
    for (const code of ["J43", "J43.9", "J44.0", "J44.1", "J440", "J44.11"])
      expect(inValueSet(entries, code), code).toBe(true);
    for (const code of ["J42", "J44", "J44.2", "J45.0"]) expect(inValueSet(entries, code), code).toBe(false);
  });

  it("knows the shape of each system's codes", () => {
    expect(isCodeOf("ICD-10-CM", "J44.0")).toBe(true);
    expect(isCodeOf("ICD-10-CM", "j44.0")).toBe(false);
    expect(isCodeOf("HCPCS", "E0431")).toBe(true);
    expect(isCodeOf("HCPCS", "J44.0")).toBe(false);
    expect(isCodeOf("CPT", "0001F")).toBe(true);
  });
});

describe("the value-sets fixture's evaluator", () => {
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(fixturePath);
  });
  afterAll(() => fixture.dispose());

  const facts = {
    diagnosis: { primary: "J44.1", others: [] },
    member: { oxygen_saturation: 85, arterial_oxygen: 70, qualifying_oxygen: 55 },
  };
  const decide = (given: unknown) => fixture.evaluator.evaluate(given, { asOf: "2025-03-01" });

  function issues(given: unknown): { field: string; problem: string }[] {
    try {
      decide(given);
    } catch (error) {
      expect(error).toBeInstanceOf(fixture.runtime.PolicyInputError);
      return [...(error as PolicyInputError).issues];
    }
    throw new Error("expected a PolicyInputError, got a decision");
  }

  it("decides membership in and out of a range, and for a child of a listed code", () => {
    expect(decide(facts).outcome).toBe("covered");
    expect(decide({ ...facts, diagnosis: { primary: "J44.2", others: [] } }).outcome).toBe("not_covered");
    expect(decide({ ...facts, diagnosis: { primary: "J43.21", others: [] } }).outcome).toBe("covered");
  });

  it("leaves membership unknown when the code is unknown, and asks for it", () => {
    const decision = decide({ ...facts, diagnosis: { others: ["I10"] } });
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((missing) => missing.fact)).toEqual(["diagnosis.primary"]);
  });

  it("refuses a code of the wrong shape or type, naming the field, never deciding", () => {
    expect(issues({ ...facts, diagnosis: { primary: "j44.1", others: [] } }).map((i) => i.field)).toEqual([
      "diagnosis.primary",
    ]);
    expect(issues({ ...facts, diagnosis: { primary: 441, others: ["J44.0", 7] } }).map((i) => i.field)).toEqual([
      "diagnosis.primary",
      "diagnosis.others",
    ]);
  });

  it("checks a claim's codes against a value set of HCPCS codes", () => {
    const line = { code: "E1390", units: 1 };
    expect(
      fixture.evaluator.checkClaim({ serviceDate: "2025-03-01", equipment: ["E0440"], lines: [line] }).verdict,
    ).toBe("clean");
    expect(
      fixture.evaluator.checkClaim({ serviceDate: "2025-03-01", equipment: ["E0431"], lines: [line] }).verdict,
    ).toBe("violations");
  });
});

describe("the generated module and docs of the value-sets fixture", () => {
  const buildFolder = join(projectRoot, ".tmp", "fixture-value-sets");
  const evaluatorPath = join(buildFolder, "generated", "value-sets", "evaluator.ts");
  let source = "";
  let docs = "";

  beforeAll(async () => {
    const read = (path: string) => ({ path, text: readFileSync(join(projectRoot, path), "utf8") });
    const plan = await planFromSources([read(fixturePath)], [], projectRoot);
    expect(plan.diagnostics).toEqual([]);
    rmSync(buildFolder, { recursive: true, force: true });
    for (const file of plan.files) {
      mkdirSync(dirname(join(buildFolder, file.path)), { recursive: true });
      writeFileSync(join(buildFolder, file.path), file.contents);
    }
    source = readFileSync(evaluatorPath, "utf8");
    const model = plan.models.get("FIX.VS.1");
    if (model === undefined) throw new Error("no model");
    docs = emitDocs(model, traceSummary(model, undefined));
  });
  afterAll(() => rmSync(buildFolder, { recursive: true, force: true }));

  it("holds each value set as data, its entries sorted, with source and version, and decides by the runtime's helpers", () => {
    expect(source).toContain('source: "CMS ICD-10-CM 2025 code tables"');
    expect(source).toContain('{ first: "J44.0", last: "J44.1" }');
    expect(source.indexOf('first: "J41.0"')).toBeLessThan(source.indexOf('first: "J43"'));
    expect(source).toContain('memberOf(VALUE_SETS["copd"], facts["diagnosis.primary"])');
    expect(source).toContain('inSet("diagnosis.others", "any", VALUE_SETS["copd"])');
  });

  it("compiles under the project's strict settings", () => {
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const program = ts.createProgram([evaluatorPath], { ...options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it.each([
    ["a percent threshold", "is at most 88%"],
    ["membership", "the member's primary diagnosis is a code in the value set `copd`"],
    ["membership of a set of codes", "at least one of the member's other diagnoses is a code in the value set `copd`"],
    [
      "a value set's source, version and size",
      "| CMS ICD-10-CM 2025 code tables | 2025 | `value-sets/copd.csv` | 4 rows: 2 codes and 2 ranges |",
    ],
    [
      "a range in a value set's table",
      "| `J44.8` to `J44.9` | Other and unspecified chronic obstructive pulmonary disease |",
    ],
  ])("say %s", (_what, phrase) => {
    expect(docs).toContain(phrase);
  });
});

describe("the review diff", () => {
  it("shows a change of a value set's file as the rows added and removed", async () => {
    const text = readFileSync(join(projectRoot, fixturePath), "utf8");
    const current = besidePolicyReader(projectRoot, fixturePath);
    // The version before listed J44.2 and not the range J44.8..J44.9.
    const earlier = (name: string) => {
      const read = current(name);
      return read.kind === "read" && name === "value-sets/copd.csv"
        ? { ...read, text: read.text.replace("J44.8-J44.9,Other and unspecified", "J44.2,Other") }
        : read;
    };
    const review = await reviewChange(
      { label: "before", path: fixturePath, text, readBeside: earlier },
      { label: "after", path: fixturePath, text },
    );
    if (review.kind !== "review") throw new Error("the review has problems");
    // Markdown escapes the plus sign that starts a row's change.
    expect(review.markdown).toContain("value set copd changed: \\+J44.8..J44.9, -J44.2");
    expect(review.markdown).toContain("`diagnosis.primary` = J44.2");
    // J44.2 was COPD before and is not after: some case changes outcome.
    expect(review.delta.examples.length).toBeGreaterThan(0);
  });
});
