// The claim rules that coding rules as written need, on the claim-rules fixture (a DME oxygen
// policy's coding table): rules that read the coverage decision are pending without it and take
// the evaluator's own Decision; checkClaim reads the decision as strictly as the claim; a modifier
// rule under a claim condition; a code's own lifetime; findings keep their shape; the generated module
// compiles under strict settings; the docs, the review diff and the formatter word every new kind.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planFromSources, type BuildPlan } from "../compiler/build/build.js";
import { policyChanges } from "../compiler/diff/changes.js";
import { reviewChange } from "../compiler/diff/review.js";
import { formatSource } from "../compiler/format/format-source.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import type { ClaimCheck, ClaimCheckOptions, PolicyInputError } from "../compiler/runtime/index.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

const fixtureFolder = "test/fixtures/claim-rules";
const policyPath = `${fixtureFolder}/claim-rules.policy`;
const policyText = readFileSync(join(projectRoot, policyPath), "utf8");

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(policyPath);
});
afterAll(() => fixture.dispose());

function checkClaim(claim: unknown, options?: ClaimCheckOptions): ClaimCheck {
  return fixture.evaluator.checkClaim(claim, options);
}

function issuesOf(claim: unknown, options?: unknown): string[] {
  try {
    checkClaim(claim, options as ClaimCheckOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(fixture.runtime.PolicyInputError);
    return (error as PolicyInputError).issues.map((issue) => issue.field);
  }
  throw new Error("expected a PolicyInputError, got a verdict");
}

/** A concentrator qualified under group I should carry N1: this one carries N2. */
const concentratorWithN2 = {
  serviceDate: "2025-06-01",
  rental: false,
  lines: [{ code: "E1390", modifiers: ["N2"], units: 1 }],
};

function findings(check: ClaimCheck) {
  return {
    violations: check.violations.map((finding) => finding.rule),
    pending: check.pending.map((finding) => [finding.rule, finding.missingFacts]),
  };
}

describe("rules that read the coverage decision", () => {
  it("are pending without a decision, naming it, never broken or passed", () => {
    const check = checkClaim(concentratorWithN2);
    expect(check.verdict).toBe("pending");
    // E1390-no-GA reads the decision too, but no line carries GA: whatever the decision, it holds.
    expect(findings(check)).toEqual({
      violations: [],
      pending: [
        ["E1390-group-I", ["decision"]],
        ["E1390-covered", ["decision"]],
      ],
    });
  });

  it("are pending on the qualifying path when the decision gives none", () => {
    const check = checkClaim(concentratorWithN2, { decision: { outcome: "covered" } });
    expect(findings(check)).toEqual({ violations: [], pending: [["E1390-group-I", ["decision.qualifiedUnder"]]] });
  });

  it("decide once the decision and its path are given", () => {
    const underI = checkClaim(concentratorWithN2, { decision: { outcome: "covered", qualifiedUnder: ["I", "I.A"] } });
    expect(findings(underI)).toEqual({ violations: ["E1390-group-I"], pending: [] });
    const notCovered = checkClaim(concentratorWithN2, { decision: { outcome: "not_covered", qualifiedUnder: [] } });
    expect(findings(notCovered)).toEqual({ violations: ["E1390-covered"], pending: [] });
  });

  it("take the evaluator's own Decision for the same service, reading only its outcome and path", () => {
    const decision = fixture.evaluator.evaluate(
      { patient: { saturation: 85, saturation_on_exercise: 85 } },
      { asOf: "2025-06-01" },
    );
    expect(decision.outcome).toBe("covered");
    const check = checkClaim(concentratorWithN2, { decision });
    expect(check.violations.filter((finding) => finding.rule !== "E1390-group-I")).toEqual([]);
    // The evaluator's path holds the alternatives that qualified; this fixture's section I has one
    // criterion, so nothing branched, the path is empty, and `qualified under I` does not hold.
    expect(decision.qualifiedUnder).toEqual([]);
    expect(findings(check)).toEqual({ violations: [], pending: [] });
    const throughI = checkClaim(concentratorWithN2, { decision: { ...decision, qualifiedUnder: ["I"] } });
    expect(findings(throughI)).toEqual({ violations: ["E1390-group-I"], pending: [] });
  });
});

describe("checkClaim's options", () => {
  const clean = { serviceDate: "2025-06-01", lines: [] };

  it("refuse a malformed decision, naming the field", () => {
    expect(issuesOf(clean, { decision: "covered" })).toEqual(["decision"]);
    expect(issuesOf(clean, { decision: { outcome: "yes" } })).toEqual(["decision.outcome"]);
    expect(issuesOf(clean, { decision: { outcome: "covered", qualifiedUnder: "I" } })).toEqual([
      "decision.qualifiedUnder",
    ]);
    expect(issuesOf(clean, { decision: { outcome: "covered", qualifiedUnder: ["I", 3] } })).toEqual([
      "decision.qualifiedUnder[1]",
    ]);
    expect(issuesOf(clean, { decison: { outcome: "covered" } })).toEqual(["options.decison"]);
  });

  it("still name a bad modifier by its line and field", () => {
    expect(issuesOf({ serviceDate: "2025-06-01", lines: [{ code: "E1390", modifiers: ["n1"], units: 1 }] })).toEqual([
      "lines[0].modifiers",
    ]);
  });

  it("accept a null decision as none", () => {
    expect(checkClaim(clean, { decision: null }).verdict).toBe("clean");
  });
});

describe("a modifier rule under a condition over claim facts", () => {
  const rented = { serviceDate: "2025-06-01", lines: [{ code: "E1390", modifiers: ["N1"], units: 1 }] };
  const decision = { outcome: "covered", qualifiedUnder: ["I"] } as const;

  it("is pending while the fact is unknown and a line lacks the modifier", () => {
    expect(findings(checkClaim(rented, { decision }))).toEqual({
      violations: [],
      pending: [["E1390-rental", ["rental"]]],
    });
  });

  it("holds, whatever the fact, when every line carries the modifier", () => {
    const withRR = { ...rented, lines: [{ code: "E1390", modifiers: ["N1", "RR"], units: 1 }] };
    expect(checkClaim(withRR, { decision }).verdict).toBe("clean");
  });
});

describe("findings of the new kinds", () => {
  it("keep the shape of every finding: rule, code, policy text, message, lines, detail", () => {
    const check = checkClaim({
      serviceDate: "2025-06-01",
      lines: [
        { code: "E0434", units: 1 },
        { code: "J3490", units: 1 },
        { code: "E0431", units: 1 },
      ],
    });
    expect(check.pending).toEqual([expect.objectContaining({ rule: "E0434-not-pending", missingFacts: ["decision"] })]);
    expect(check.violations).toEqual([
      {
        rule: "E0431-not-with-E0434",
        code: "E0431",
        source: { kind: "code", id: "E0431", text: "Portable gaseous oxygen system, rental." },
        message: "E0431 must not be billed with E0434 on the same date of service.",
        lines: [0, 2],
        detail: "E0431 billed with E0434",
      },
    ]);
    expect(check.linesNotGoverned).toEqual([1]);
  });

  it("count the units of a group's codes together", () => {
    const contents = (months: number, units: readonly [number, number]) =>
      checkClaim({
        serviceDate: "2025-06-01",
        months_of_contents: months,
        lines: [
          { code: "E0441", units: units[0] },
          { code: "E0442", units: units[1] },
        ],
      });
    expect(contents(1, [1, 0]).verdict).toBe("clean");
    expect(contents(1, [1, 1]).violations).toEqual([
      expect.objectContaining({
        rule: "contents-one-unit",
        lines: [0, 1],
        detail: "contents billed for 2 units together; at most 1 allowed",
      }),
    ]);
    expect(findings(checkClaim({ serviceDate: "2025-06-01", lines: [{ code: "E0442", units: 1 }] }))).toEqual({
      violations: [],
      pending: [["contents-one-unit", ["months_of_contents"]]],
    });
  });

  it("judge a code by its own lifetime, on the service date or on asOf", () => {
    const portable = { serviceDate: "2024-06-01", lines: [{ code: "E1392", units: 1 }] };
    expect(checkClaim(portable).violations).toEqual([
      expect.objectContaining({ rule: "E1392-in-force", detail: "not valid on 2024-06-01" }),
    ]);
    expect(checkClaim(portable, { asOf: "2025-01-01" }).verdict).toBe("clean");
  });

  it("apply a rule only within its own lifetime (KX required until 2025-01, refused from then)", () => {
    const withKX = (serviceDate: string) =>
      checkClaim({ serviceDate, months_of_contents: 1, lines: [{ code: "E0441", modifiers: ["KX"], units: 1 }] });
    expect(withKX("2024-12-31").verdict).toBe("clean");
    expect(withKX("2025-01-01").violations.map((finding) => finding.rule)).toEqual(["E0441-no-KX"]);
  });
});

describe("the generated module and docs of the fixture", () => {
  let plan: BuildPlan;
  const buildFolder = join(projectRoot, ".tmp", "fixture-claim-rules");

  beforeAll(async () => {
    plan = await planFromSources([{ path: policyPath, text: policyText }], []);
    rmSync(buildFolder, { recursive: true, force: true });
    for (const file of plan.files) {
      mkdirSync(dirname(join(buildFolder, file.path)), { recursive: true });
      writeFileSync(join(buildFolder, file.path), file.contents);
    }
  });

  it("compile under the project's strict settings", () => {
    expect(plan.diagnostics).toEqual([]);
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const program = ts.createProgram([join(buildFolder, "generated", "claim-rules", "evaluator.ts")], {
      ...options,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it("word every new kind of rule in the docs", () => {
    const readme = plan.files.find((file) => file.path === "generated/claim-rules/README.md")?.contents ?? "";
    for (const phrase of [
      "every line of `E1390` carries one of modifiers `N1`, `N2` or `N3`.",
      "qualified it under",
      "every line of `E1390` carries modifier `RR` when",
      "`E1390` may be billed only when the coverage decision for the same service is covered.",
      "no line of `E1390` carries modifier `GA`.",
      "`E0431` is not billed on the same date of service as `E0434`.",
      "`E0442` is not billed on the same date of service as any code of `concentrators`, `E1390` or `E1392`.",
      "the units of `E0441` and `E0442` on a claim, together, are at most",
      "`E1392` is billed only on dates of service when it is valid: added in 2025-01",
      "removed in 2025-01",
    ])
      expect(readme).toContain(phrase);
  });
});

describe("the review of a change", () => {
  /** The fixture with every rule of the new kinds left out, and the code E1392 without its lifetime. */
  const before = policyText
    .split("\n")
    .filter(
      (line) =>
        !/rule (E1390-group|E1390-group-I|E1390-covered|E0431-not|contents-one|E0442-not)|says "E1390/.test(line),
    )
    .join("\n")
    .replace(
      'code E1392 "Portable oxygen concentrator."\n  added in 2025-01',
      'code E1392 "Portable oxygen concentrator."',
    )
    .replace(
      "rule E1390-no-GA: must not have modifier GA when coverage is covered",
      "rule E1390-no-GA: must not have modifier GA",
    )
    .replace(
      "rule E0434-not-pending: not billed when coverage is pending",
      "rule E0434-not-pending: not billed when coverage is not covered",
    );

  it("lists each added or changed rule of a new kind", () => {
    const old = checkPolicySource(before, policyPath).model;
    const next = checkPolicySource(policyText, policyPath).model;
    if (!old || !next) throw new Error("both versions must check");
    const changes = policyChanges(old, next)
      .filter((change) => change.what === "billing rule")
      .map((change) => [change.id, change.kinds, change.aspects]);
    expect(changes).toEqual([
      ["E1390-group", ["added"], []],
      ["E1390-group-I", ["added"], []],
      ["E1390-covered", ["added"], []],
      ["E1390-no-GA", ["reworded", "logic"], ["when"]],
      ["E0431-not-with-E0434", ["added"], []],
      ["E0434-not-pending", ["reworded", "logic"], ["decision"]],
      ["contents-one-unit", ["added"], []],
      ["E0442-not-with-concentrators", ["added"], []],
      ["E1392-in-force", ["added"], []],
    ]);
  });

  it("says each in words", async () => {
    const review = await reviewChange(
      { label: "before", path: policyPath, text: before },
      { label: "after", path: policyPath, text: policyText },
    );
    if (review.kind !== "review") throw new Error(review.diagnostics.map((d) => d.message).join("\n"));
    for (const phrase of [
      "E1390 must be billed with modifier N1 when the service qualified under I.",
      "E1390 may be billed only when the coverage decision is covered.",
      "when: always → when the coverage decision is covered.",
      "decision: the coverage decision is not covered → the coverage decision is pending.",
      "E0431 must not be billed with E0434 on the same date of service.",
      "E0442 must not be billed with the oxygen concentrator codes (E1390, E1392) on the same date of service.",
      "E1392 is not valid on this date of service: the coding table lists it from revision 2025-01.",
    ])
      expect(review.markdown).toContain(phrase);
  });
});

describe("the formatter", () => {
  it("lays out the new rules, a code's lifetime and a claim case's decision", () => {
    const messy =
      'policy X.1 title "T" plan "P" description "D." last review 2024-01\n' +
      'revision 2024-01 "O." effective 2024-01-01\n' +
      'code group g "G": A0001, A0002\n' +
      'code A0001 "A." added in 2024-01 rule A-1: requires one of modifiers N1,N2 when qualified under I ' +
      "rule A-2: must not have modifier GA when coverage is not covered removed in 2024-01\n" +
      'code A0002 "B." rule A-3: not billed with any code of g rule A-4: units of g at most 1 rounded up\n';
    expect(formatSource(messy, "x.policy").text).toBe(
      [
        "policy X.1",
        '  title "T"',
        '  plan "P"',
        '  description "D."',
        "  last review 2024-01",
        'revision 2024-01 "O."',
        "  effective 2024-01-01",
        'code group g "G": A0001, A0002',
        'code A0001 "A."',
        "  added in 2024-01",
        "  rule A-1: requires one of modifiers N1, N2 when qualified under I",
        "  rule A-2: must not have modifier GA when coverage is not covered",
        "    removed in 2024-01",
        'code A0002 "B."',
        "  rule A-3: not billed with any code of g",
        "  rule A-4: units of g at most 1 rounded up",
        "",
      ].join("\n"),
    );
    const cases =
      'cases for X.1\nclaim case "x" on 2024-01-01 decision not covered qualified under I, I.A expect clean\n';
    expect(formatSource(cases, "x.cases").text).toContain("  decision not covered qualified under I, I.A\n");
    const pending =
      'cases for X.1\nclaim case "x" on 2024-01-01 line A0001 units 1 expect pending A-1,A-2 expect violations A-3\n';
    expect(formatSource(pending, "x.cases").text).toBe(
      [
        "cases for X.1",
        'claim case "x"',
        "  on 2024-01-01",
        "  line A0001 units 1",
        "  expect pending A-1, A-2",
        "  expect violations A-3",
        "",
      ].join("\n"),
    );
  });

  it("keeps `decision`, `must` and `have` usable as names (they are keywords only where no name stands)", () => {
    const policy =
      'policy X.1 title "T" plan "P" description "D." last review 2024-01\n' +
      'revision 2024-01 "O." effective 2024-01-01\n' +
      'fact decision: yes or no description "D." ask "D?"\n' +
      'fact must: yes or no description "M." ask "M?"\n' +
      'section I "S."\ncriterion I.1 "C." met when decision and must\n';
    expect(checkPolicySource(policy, "x.policy").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("the checker, on names and lifetimes the new rules use", () => {
  /** The codes and diagnostics of the fixture with `from` replaced by `to`. */
  function reported(from: string, to: string): string[] {
    expect(policyText).toContain(from);
    return checkPolicySource(policyText.replace(from, to), policyPath)
      .diagnostics.filter((d) => d.severity === "error")
      .map((d) => `${d.code} ${d.message}`);
  }

  it("reports an unknown group, code or statement, with the name", () => {
    expect(reported("units of contents at most", "units of content at most")).toEqual([
      "PC020 No code group is named `content`.",
    ]);
    expect(reported("not billed with E0434", "not billed with E0435")).toEqual([
      "PC020 No code in the coding table is named `E0435`.",
    ]);
    expect(reported("when qualified under I", "when qualified under IV")).toEqual([
      "PC020 No section, criterion or exception is numbered `IV`.",
    ]);
  });

  it("reports a code lifetime outside the log, and a rule named like the rule a code's lifetime makes", () => {
    expect(
      reported(
        "  added in 2025-01\n\ncode group portable_contents",
        "  added in 2026-01\n\ncode group portable_contents",
      ),
    ).toEqual(["PC031 No revision was approved in 2026-01."]);
    expect(reported("rule E0431-not-with-E0434:", "rule E1392-in-force:")).toEqual([expect.stringMatching(/^PC010 /)]);
  });
});
