// Unit limits per period (`units of contents at most 1 per month`) and claim lines with their own
// dates of service, on the home-oxygen fixture: units are counted per calendar month of the lines'
// dates; a line without a date of its own is on the claim's service date; a bad line date is a
// PolicyInputError naming the field; `per day` and `per claim` count as their words say; a period that is none is PC128.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources, planFromSources } from "../compiler/build/build.js";
import { claimDelta } from "../compiler/diff/claim-delta.js";
import { formatSource } from "../compiler/format/format-source.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import type { ClaimCheck, ClaimLine, PolicyInputError } from "../compiler/runtime/index.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

const policyPath = "test/fixtures/home-oxygen/home-oxygen.policy";

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(policyPath);
});
afterAll(() => fixture.dispose());

const covered = { decision: { outcome: "covered" as const, qualifiedUnder: ["I.B.1", "I.B.1.a"] } };

/** The findings of a claim of contents lines (E0441, E0443) on 2025-03-01. */
function contents(lines: ClaimLine[]) {
  const check: ClaimCheck = fixture.evaluator.checkClaim({ serviceDate: "2025-03-01", lines }, covered);
  return {
    violations: check.violations.map((finding) => [finding.rule, finding.lines, finding.detail]),
    pending: check.pending.map((finding) => [finding.rule, finding.lines, finding.missingFacts]),
  };
}

describe("a unit limit per month", () => {
  it("counts the lines dated in one calendar month together, across the group's codes", () => {
    expect(
      contents([
        { code: "E0441", units: 1, date: "2025-03-01" },
        { code: "E0443", units: 1, date: "2025-03-31" },
        { code: "E0441", units: 1, date: "2025-04-01" },
      ]),
    ).toEqual({
      violations: [["contents-one-unit", [0, 1], "billed 2 units in 2025-03; at most 1 allowed per month"]],
      pending: [],
    });
  });

  it("keeps a claim of one unit in each month", () => {
    expect(
      contents([
        { code: "E0441", units: 1, date: "2025-03-01" },
        { code: "E0443", units: 1, date: "2025-04-01" },
        { code: "E0441", units: 1, date: "2025-05-01" },
      ]),
    ).toEqual({ violations: [], pending: [] });
  });

  it("puts a line without a date of its own on the claim's service date", () => {
    // One unit alone, on the service date (2025-03-01).
    expect(contents([{ code: "E0441", units: 1 }])).toEqual({ violations: [], pending: [] });
    // A dated unit in March and an undated one, on the service date in March: two in March.
    expect(
      contents([
        { code: "E0441", units: 1, date: "2025-03-01" },
        { code: "E0443", units: 1, date: null },
      ]),
    ).toEqual({
      violations: [["contents-one-unit", [0, 1], "billed 2 units in 2025-03; at most 1 allowed per month"]],
      pending: [],
    });
    // A dated unit in April and an undated one in March: one in each month.
    expect(
      contents([
        { code: "E0441", units: 1, date: "2025-04-01" },
        { code: "E0443", units: 1 },
      ]),
    ).toEqual({ violations: [], pending: [] });
  });

  it("refuses a line date that is no calendar date, naming the field", () => {
    let fields: string[] = [];
    try {
      contents([
        { code: "E0441", units: 1, date: "2025-03-01" },
        { code: "E0443", units: 1, date: "2025-03-01" },
        { code: "E0441", units: 1, date: "2025-02-30" },
      ]);
    } catch (error) {
      expect(error).toBeInstanceOf(fixture.runtime.PolicyInputError);
      fields = (error as PolicyInputError).issues.map((issue) => `${issue.field} ${issue.code}`);
    }
    expect(fields).toEqual(["lines[2].date not_a_date"]);
  });
});

describe("the language of unit limits per period", () => {
  const header =
    'policy X.1 title "T" plan "P" description "D." last review 2024-01\n' +
    'revision 2024-01 "O." effective 2024-01-01\n' +
    'code group pair "the pair": A0001, A0002\n' +
    'code A0002 "B."\n';

  it("takes per day, per month and per claim, and lowers per claim to the limit of the whole claim", () => {
    const result = checkPolicySource(
      `${header}code A0001 "A."\n  rule a-day: units at most 2 per day\n  rule a-month: units of pair at most 4 rounded down per month\n  rule a-claim: units at most 9 per claim\n`,
      "x.policy",
    );
    expect(result.diagnostics).toEqual([]);
    expect(
      result.model?.billingRules.map((rule) => [rule.id, rule.kind, rule.kind === "unitsPerPeriod" ? rule.period : ""]),
    ).toEqual([
      ["a-day", "unitsPerPeriod", "day"],
      ["a-month", "unitsPerPeriod", "month"],
      ["a-claim", "unitsAtMost", ""],
    ]);
  });

  it("reports a period that is none (PC128), with the period it may mean", () => {
    const result = checkPolicySource(`${header}code A0001 "A."\n  rule a-week: units at most 2 per mnth\n`, "x.policy");
    expect(result.diagnostics.map((d) => [d.code, d.hint])).toEqual([["PC128", "Did you mean `month`?"]]);
  });

  it("lays out a limit per period and a claim line's own date", () => {
    const messy = `${header}code A0001 "A." rule a-month: units of pair at most 1   per  month\n`;
    expect(formatSource(messy, "x.policy").text).toContain("  rule a-month: units of pair at most 1 per month\n");
    const cases = 'cases for X.1\nclaim case "x" on 2024-01-01 line A0001 units 1   on 2024-01-02 expect clean\n';
    expect(formatSource(cases, "x.cases").text).toContain("  line A0001 units 1 on 2024-01-02\n");
  });

  it("is worded in the docs, per calendar month", async () => {
    const text = readFileSync(join(projectRoot, policyPath), "utf8");
    const plan = await planFromSources([{ path: policyPath, text }], []);
    const readme = plan.files.find((file) => file.path === "generated/home-oxygen/README.md")?.contents ?? "";
    expect(readme).toContain(
      "the units of `E0441` and `E0443` on the lines dated in one calendar month, together, are at most 1; a line without a date of its own is on the claim's service date.",
    );
    // The fixture's rules read the lines only: no empty list of claim facts.
    expect(readme).not.toContain("Claim facts");
  });
});

describe("the claim delta of a change to a limit per month", () => {
  it("counts the claims of the group's codes, each line dated on the service date, whose check changes", async () => {
    const text = readFileSync(join(projectRoot, policyPath), "utf8");
    const modelOf = (source: string) => {
      const checked = checkSources([{ path: policyPath, text: source }], [], projectRoot);
      const model = checked.models.get("FIX.DME.240");
      if (!model) throw new Error("no model");
      return model;
    };
    const before = modelOf(text);
    const after = modelOf(
      text.replace("units of contents at most 1 per month", "units of contents at most 2 per month"),
    );
    const delta = await claimDelta(before, after);
    if (delta === undefined || delta === "too many") throw new Error("no claim delta");
    expect(delta.codes.map((entry) => entry.code)).toEqual(["E0441", "E0443"]);
    // By hand: a claim of e units of E0441 and f of E0443 (0 to 3 each) changes when e + f is 2 (broken
    // under a limit of 1, kept under 2), on each date the delta checks.
    let changed = 0;
    for (let e = 0; e <= 3; e++) for (let f = 0; f <= 3; f++) if (e + f === 2) changed += 1;
    expect(delta.changed).toBe(changed * delta.dates.length);
    expect(delta.changed).toBeGreaterThan(0);
  });
});
