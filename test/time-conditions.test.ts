// Time in conditions through every stage: `service date - 30 days`, `is within 30 days before`,
// `is between day 61 and day 90 after`. Lowering to the model, the generated evaluator's three-valued
// answers and missing facts (on the time-windows fixture), the docs' words, the formatter's layout
// and the review diff's boundaries.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import { conditionText } from "../compiler/cases/coverage.js";
import { factSpace } from "../compiler/diff/fact-space.js";
import { reviewChange } from "../compiler/diff/review.js";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { formatSource } from "../compiler/format/format-source.js";
import type { Condition, PolicyModel } from "../compiler/model/policy-model.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

const fixturePath = "test/fixtures/time-windows/time-windows.policy";

const header = `policy T.TIME
  title "Time" plan "Plan" description "Time in conditions." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact a.start: date description "The start." ask "When did it start?"
fact a.end: date description "The end." ask "When did it end?"
section I "Covered when:"
`;

/** The model of a policy whose one criterion is met when `condition`. */
function modelOf(condition: string): PolicyModel {
  const result = checkPolicySource(`${header}criterion I.1 "x" met when ${condition}\n`, "policy/t.policy");
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  if (result.model === undefined) throw new Error("no model");
  return result.model;
}

function conditionOf(condition: string): Condition {
  const rule = modelOf(condition).rules.find((candidate) => candidate.id === "I.1");
  if (rule === undefined) throw new Error("no rule I.1");
  return rule.condition;
}

describe("lowering", () => {
  it("makes a date moved by a duration a shifted term, negative to move back, a singular unit plural", () => {
    expect(conditionOf("a.start >= service date - 30 days")).toEqual({
      kind: "compare",
      operator: ">=",
      left: { kind: "fact", fact: "a.start" },
      right: { kind: "shifted", date: { kind: "serviceDate" }, by: { amount: -30, unit: "days" } },
    });
    expect(conditionOf("a.start + 1 month < a.end")).toEqual({
      kind: "compare",
      operator: "<",
      left: { kind: "shifted", date: { kind: "fact", fact: "a.start" }, by: { amount: 1, unit: "months" } },
      right: { kind: "fact", fact: "a.end" },
    });
  });

  it("makes each window a dateWindow from its anchor, and `is not within` its negation", () => {
    expect(conditionOf("a.end is within 2 weeks of a.start")).toEqual({
      kind: "dateWindow",
      date: { kind: "fact", fact: "a.end" },
      anchor: { kind: "fact", fact: "a.start" },
      window: { kind: "within", side: "around", length: { amount: 2, unit: "weeks" } },
    });
    expect(conditionOf("a.end is not within 1 year after 2024-01-01")).toEqual({
      kind: "not",
      operand: {
        kind: "dateWindow",
        date: { kind: "fact", fact: "a.end" },
        anchor: { kind: "date", value: "2024-01-01" },
        window: { kind: "within", side: "after", length: { amount: 1, unit: "years" } },
      },
    });
    expect(conditionOf("a.end is between day 61 and day 90 before service date")).toEqual({
      kind: "dateWindow",
      date: { kind: "fact", fact: "a.end" },
      anchor: { kind: "serviceDate" },
      window: { kind: "days", side: "before", first: 61, last: 90 },
    });
  });

  it("lists the facts a moved date and a window read among the rule's facts", () => {
    const model = modelOf("a.end is within 30 days before a.start or service date - 1 day <= a.start");
    expect(model.rules.find((rule) => rule.id === "I.1")?.facts).toEqual(["a.start", "a.end"]);
  });
});

describe("the words of windows, where they were values before", () => {
  it("still read as values after `is`: `is within`, `is between`, `is not day`", () => {
    const text = `${header}fact a.when: one of within "w", between "b", day "d" description "W." ask "W?"
criterion I.1 "x" met when a.when is within or a.when is between and a.when is not day
`;
    const result = checkPolicySource(text, "policy/t.policy");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.model?.rules.find((rule) => rule.id === "I.1")?.condition).toEqual({
      kind: "or",
      operands: [
        { kind: "oneOf", fact: "a.when", values: ["within"] },
        {
          kind: "and",
          operands: [
            { kind: "oneOf", fact: "a.when", values: ["between"] },
            { kind: "not", operand: { kind: "oneOf", fact: "a.when", values: ["day"] } },
          ],
        },
      ],
    });
  });
});

describe("the generated evaluator, on the time-windows fixture", () => {
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator(fixturePath);
  });
  afterAll(() => fixture.dispose());

  const known = {
    stay: { discharge: "2024-05-22" },
    physician: { order_signed: "2024-05-20", face_to_face: "2024-05-21" },
    member: { enrollment_start: "2024-01-10", last_assessment: "2024-05-01" },
    care_plan: { reviewed: "2024-05-03" },
    visit: { follow_up: "2024-07-25" },
  };
  const asOf = "2024-06-01";
  const decide = (facts: unknown) => fixture.evaluator.evaluate(facts, { asOf });
  const missing = (facts: unknown) => decide(facts).missingFacts.map((fact) => fact.fact);

  it("covers the case whose every date is inside its window", () => {
    expect(decide(known).outcome).toBe("covered");
  });

  it("leaves a window pending, never denied, when the date tested is unknown, and asks for it", () => {
    const facts = { ...known, physician: { order_signed: "2024-05-20" } };
    expect(decide(facts).outcome).toBe("pending");
    expect(missing(facts)).toEqual(["physician.face_to_face"]);
  });

  it("asks for the anchor a window is counted from when it is unknown (I.A's service date is known)", () => {
    const facts = { ...known, stay: {} };
    expect(decide(facts).outcome).toBe("pending");
    // I.A tests it against the service date, I.D counts the follow-up window from it.
    expect(missing(facts)).toEqual(["stay.discharge"]);
  });

  it("asks for the date a comparison moves when it is unknown", () => {
    const facts = { ...known, member: { last_assessment: "2024-05-01" } };
    expect(decide(facts).outcome).toBe("pending");
    expect(missing(facts)).toEqual(["member.enrollment_start"]);
  });

  it("keeps `is not within` unknown, not true, when the date is unknown", () => {
    const facts = { ...known, care_plan: null };
    expect(decide(facts).outcome).toBe("pending");
    expect(missing(facts)).toEqual(["care_plan.reviewed"]);
  });

  it("decides without an unknown date when another part of the condition already decides", () => {
    // The assessment is more than 6 weeks old: the exclusion holds whatever the care plan's date.
    const facts = { ...known, member: { ...known.member, last_assessment: "2024-04-19" }, care_plan: null };
    expect(decide(facts).outcome).toBe("not_covered");
    expect(missing(facts)).toEqual([]);
  });

  it("moves the window with the service date: on 2024-06-02 a discharge on 2024-05-02 is 31 days before", () => {
    const facts = { ...known, stay: { discharge: "2024-05-02" }, visit: { follow_up: "2024-07-05" } };
    expect(fixture.evaluator.evaluate(facts, { asOf: "2024-06-01" }).outcome).toBe("covered");
    expect(fixture.evaluator.evaluate(facts, { asOf: "2024-06-02" }).outcome).toBe("not_covered");
  });
});

describe("the generated module of the time-windows fixture", () => {
  const buildFolder = join(projectRoot, ".tmp", "fixture-time-windows");
  const evaluatorPath = join(buildFolder, "generated", "time-windows", "evaluator.ts");
  let source = "";

  beforeAll(async () => {
    const read = (path: string) => ({ path, text: readFileSync(join(projectRoot, path), "utf8") });
    const plan = await planFromSources([read(fixturePath)], []);
    expect(plan.diagnostics).toEqual([]);
    rmSync(buildFolder, { recursive: true, force: true });
    for (const file of plan.files) {
      mkdirSync(dirname(join(buildFolder, file.path)), { recursive: true });
      writeFileSync(join(buildFolder, file.path), file.contents);
    }
    source = readFileSync(evaluatorPath, "utf8");
  });
  afterAll(() => rmSync(buildFolder, { recursive: true, force: true }));

  it("moves dates with the runtime's shiftDate in the compiled logic, and writes windows as data with their bounds", () => {
    expect(source).toContain(
      'facts["stay.discharge"] >= shiftDate(asOf, -30, "days") && facts["stay.discharge"] <= asOf',
    );
    expect(source).toContain('when: between(value("stay.discharge"), shifted(serviceDate, -30, "days"), serviceDate),');
    expect(source).toContain('compare(shifted(value("member.enrollment_start"), 2, "months"), "<=", serviceDate)');
  });

  it("compiles under the project's strict settings", () => {
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const program = ts.createProgram([evaluatorPath], { ...options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });
});

describe("the docs", () => {
  const model = checkPolicySource(
    `${header}criterion I.1 "x" met when a.start >= service date - 30 days
criterion I.2 "y" met when a.end is within 1 week of a.start
criterion I.3 "z" met when a.end is between day 61 and day 90 after a.start
criterion I.4 "w" met when a.end is not within 2 months before service date
criterion I.5 "v" met when a.start + 1 year > a.end
`,
    "policy/t.policy",
  ).model;
  const docs = model ? emitDocs(model, traceSummary(model, undefined)) : "";

  it.each([
    ["a moved date", "the start is on or after the service date minus 30 days"],
    ["a window either side", "the end is within 1 week of the start, before or after"],
    ["a window counted in days", "the end is between day 61 and day 90 after the start (both days included)"],
    ["a window negated", "the end is not within 2 months before the service date"],
    ["a fact moved forward by one year", "the start plus 1 year is after the end"],
  ])("say %s in words", (_what, phrase) => {
    expect(docs).toContain(phrase);
  });
});

describe("policyc test --coverage", () => {
  it("names moved dates and windows as the policy writes them", () => {
    expect(conditionText(conditionOf("a.start >= service date - 30 days"))).toBe("a.start >= service date - 30 days");
    expect(conditionText(conditionOf("a.end is within 2 weeks of a.start"))).toBe("a.end is within 2 weeks of a.start");
    expect(conditionText(conditionOf("a.end is between day 61 and day 90 after a.start"))).toBe(
      "a.end is between day 61 and day 90 after a.start",
    );
  });
});

describe("the formatter", () => {
  const messy = `${header}criterion I.1 "x" met when a.start>=service date -30 days and a.end   is   not within 2 weeks of 2024-01-01 or (a.end is between day 1 and day 2 before service date and a.start+1 month<service date)\n`;

  it("lays out moved dates and windows with single spaces, and changes nothing they say", () => {
    const formatted = formatSource(messy, "t.policy").text ?? "";
    expect(formatted).toContain(
      "  met when a.start >= service date - 30 days\n" +
        "    and a.end is not within 2 weeks of 2024-01-01\n" +
        "    or (a.end is between day 1 and day 2 before service date and a.start + 1 month < service date)\n",
    );
    const statements = (text: string) =>
      JSON.stringify(parseSource(text, "t.policy").source.statements, (key, value: unknown) =>
        key === "span" ? undefined : value,
      );
    expect(statements(formatted)).toBe(statements(messy));
  });

  it("is idempotent", () => {
    const once = formatSource(messy, "t.policy").text ?? "";
    expect(formatSource(once, "t.policy").text).toBe(once);
  });
});

describe("the review diff's fact space", () => {
  it("splits a date fact where a moved date or a window's bound turns, one day either side", () => {
    const model = modelOf("a.start >= service date - 30 days and a.end is between day 61 and day 90 after 2024-01-01");
    const axes = factSpace(model, model, { from: "2024-06-01" }).axes;
    const values = (fact: string) => axes.find((axis) => axis.name === fact)?.classes.map((c) => c.value);
    // 2024-06-01 - 30 days = 2024-05-02: before it, and from it on.
    expect(values("a.start")).toEqual(expect.arrayContaining(["2024-05-01", "2024-05-02"]));
    // 2024-01-01 + 61 days = 2024-03-02, + 90 days = 2024-03-31: before, inside, after.
    expect(values("a.end")).toEqual(expect.arrayContaining(["2024-03-01", "2024-03-02", "2024-04-01"]));
  });

  it("finds the exact boundary of a fact moved by months, where a month's end clamps", () => {
    // a.start + 1 month <= 2024-02-29 holds up to 2024-01-31 (clamped to 2024-02-29), from 2024-02-01 not.
    const model = modelOf("a.start + 1 month <= 2024-02-29");
    const axes = factSpace(model, model, { from: "2024-06-01" }).axes;
    const start = axes.find((axis) => axis.name === "a.start");
    expect(start?.classes.map((c) => c.covers)).toEqual(["any date to 2024-01-31", "2024-02-01 and later"]);
  });
});

describe("the review of a window widened from 30 to 45 days", () => {
  const version = (days: number) => ({
    label: `${days} days`,
    path: "policy/t.policy",
    text: `${header}criterion I.1 "x" met when a.end is within ${days} days before service date\n`,
  });

  it("changes exactly the discharges 31 to 45 days before the service date, from not covered to covered", async () => {
    const result = await reviewChange(version(30), version(45));
    if (result.kind !== "review") throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
    const { delta } = result;
    expect(delta.approximate).toEqual([]);
    expect(delta.cells.filter((cell) => cell.before !== cell.after).map((cell) => [cell.before, cell.after])).toEqual([
      ["not_covered", "covered"],
    ]);
    const changed = delta.examples.map((region) => ({
      end: region.facts.find((fact) => fact.name === "a.end")?.value.covers,
      before: region.before.outcome,
      after: region.after.outcome,
    }));
    // The one period starts 2024-01-01: 31 to 45 days before it.
    expect(changed).toEqual([{ end: "2023-11-17 to 2023-12-01", before: "not_covered", after: "covered" }]);
  }, 60_000);
});
