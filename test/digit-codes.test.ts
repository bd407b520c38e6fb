// Codes written with digits first: CPT codes (99601), PLA codes (0001U) and modifiers (59, 76) stand
// wherever a code does (`code`, `code group`, `orders`, `map ... as`, modifier rules, `not billed
// with`, a claim case's lines), keep their digits as written (leading zeros too), and leave numbers,
// dates, months and percents elsewhere as they were; a name written digits first is PC129.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources } from "../compiler/build/build.js";
import { formatSource } from "../compiler/format/format-source.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { policyLexer } from "../compiler/syntax/tokens.js";
import type { ClaimCheck } from "../compiler/runtime/index.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

function tokens(text: string): string[] {
  return policyLexer.tokenize(text).tokens.map((token) => `${token.tokenType.name} ${token.image}`);
}

const header =
  'policy X.1 title "T" plan "P" description "D." last review 2024-01\n' +
  'revision 2024-01 "O." effective 2024-01-01\n';

const codingTable =
  `${header}` +
  'code group infusion "the infusion codes": 99601, 99602, 0001U\n' +
  'code 99601 modifier 59 "Home infusion, first two hours."\n' +
  "  rule infusion-first: not billed with 99602\n" +
  "  rule infusion-units: units of infusion at most 3\n" +
  'code 99602 "Home infusion, each added hour."\n' +
  "  rule added-hour-no-76: must not have modifier 76, 77\n" +
  'code 0001U "A PLA code."\n' +
  "  rule pla-modifier: requires one of modifiers 90, 59\n" +
  "  rule pla-repeat: requires modifier 91 when claim.repeat\n" +
  'claim fact repeat: yes or no description "R." ask "R?"\n';

describe("the lexer", () => {
  it("reads a PLA code as one code, and a CPT code or a modifier as the number it looks like", () => {
    expect(tokens("0001U 99601 59")).toEqual(["DigitCode 0001U", "NumberLiteral 99601", "NumberLiteral 59"]);
  });

  it("reads numbers, dates, months and percents as before", () => {
    expect(tokens("1.5 2024-01-01 2024-05 2023-04-b 88% 30 (120 - 15)")).toEqual([
      "NumberLiteral 1.5",
      "DateLiteral 2024-01-01",
      "MonthLiteral 2024-05",
      "SuffixedMonth 2023-04-b",
      "PercentLiteral 88%",
      "NumberLiteral 30",
      "LParen (",
      "NumberLiteral 120",
      "Minus -",
      "NumberLiteral 15",
      "RParen )",
    ]);
  });
});

describe("codes written with digits", () => {
  it("stand in `code`, `code group`, modifier rules and `not billed with`, as written", () => {
    const result = checkPolicySource(codingTable, "x.policy");
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    const model = result.model;
    expect(model?.codes.map((code) => [code.code, code.modifier ?? ""])).toEqual([
      ["99601", "59"],
      ["99602", ""],
      ["0001U", ""],
    ]);
    expect(model?.codeGroups[0]?.codes).toEqual(["99601", "99602", "0001U"]);
    const logic = model?.billingRules.map((rule) => JSON.stringify(rule.kind === "notBilledWith" ? rule.partner : ""));
    expect(logic).toContain(JSON.stringify({ kind: "code", code: "99602" }));
    const modifiers = model?.billingRules.flatMap((rule) =>
      rule.kind === "mustNotHaveModifier" || rule.kind === "requiresOneOfModifiers" ? [rule.modifiers] : [],
    );
    expect(modifiers).toEqual([["76", "77"], ["90", "59"], ["91"]]);
  });

  it("stand in a FHIR mapping's `orders` and `map ... as`", () => {
    const path = "test/fixtures/fhir-mapping/fhir-mapping.policy";
    const text = readFileSync(join(projectRoot, path), "utf8")
      .replaceAll("S9329", "96413")
      .replaceAll("S9325", "0001U");
    const result = checkPolicySource(text, path);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    const mapping = JSON.stringify(result.model?.fhir);
    expect(mapping).toContain('"96413"');
    expect(mapping).toContain('"0001U"');
  });

  it("stand in a claim case's lines and modifiers", () => {
    const cases =
      'cases for X.1\nclaim case "c"\n  on 2024-02-01\n  claim.repeat = no\n  line 0001U modifier 90 units 1\n  line 99601 modifier 59 units 1\n  expect clean\n';
    const project = checkSources([{ path: "x.policy", text: codingTable }], [{ path: "x.cases", text: cases }]);
    expect(project.diagnostics.map((d) => d.message)).toEqual([]);
    expect(project.claimCases[0]?.claim["lines"]).toEqual([
      { code: "0001U", modifiers: ["90"], units: 1 },
      { code: "99601", modifiers: ["59"], units: 1 },
    ]);
  });

  it("are kept by the formatter, leading zeros and all", () => {
    const messy = codingTable.replace("99601, 99602, 0001U", "99601,99602,   0001U");
    const formatted = formatSource(messy, "x.policy").text ?? "";
    expect(formatted).toContain('code group infusion "the infusion codes": 99601, 99602, 0001U\n');
    expect(formatted).toContain('code 0001U "A PLA code."\n');
    expect(formatted).toContain("  rule pla-modifier: requires one of modifiers 90, 59\n");
    expect(formatSource(formatted, "x.policy").text).toBe(formatted);
  });

  it("are checked as codes: a CPT code of four digits or a one-digit modifier is PC005", () => {
    const result = checkPolicySource(`${header}code 9960 modifier 5 "Short."\n`, "x.policy");
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["PC005", "`9960` is not a HCPCS or CPT code."],
      ["PC005", "`5` is not a modifier."],
    ]);
  });

  it("are not names: a rule, or a statement a decision qualifies under, written digits first is PC129", () => {
    const named = parseSource(`${header}code 99601 "H."\n  rule 99601-units: units at most 1\n`, "x.policy");
    expect(named.diagnostics.map((d) => [d.code, d.span.column])).toEqual([["PC129", 8]]);
    const under = parseSource(
      `${header}code 99601 "H."\n  rule r: requires modifier 59 when qualified under 0001U\n`,
      "x.policy",
    );
    expect(under.diagnostics.map((d) => d.code)).toEqual(["PC129"]);
  });
});

describe("a claim of codes written with digits, on the claim-rules fixture", () => {
  let fixture: ImportedFixture;
  beforeAll(async () => {
    fixture = await importFixtureEvaluator("test/fixtures/claim-rules/claim-rules.policy");
  });
  afterAll(() => fixture.dispose());

  it("is checked by the rules of those codes", () => {
    const check: ClaimCheck = fixture.evaluator.checkClaim({
      serviceDate: "2025-06-01",
      lines: [
        { code: "94760", units: 1 },
        { code: "94761", modifiers: ["59", "76"], units: 1 },
      ],
    });
    expect(check.violations.map((finding) => [finding.rule, finding.lines])).toEqual([
      ["oximetry-single-or-multiple", [0, 1]],
      ["oximetry-no-76", [1]],
    ]);
    expect(check.linesNotGoverned).toEqual([]);
  });
});
