// Guards that join a test of the coverage decision with conditions over claim facts (`requires
// modifier KX when claim.rental and coverage is covered`), on the claim-rules fixture: three-valued,
// so a decision not given leaves a rule pending only when the claim's facts do not settle it; the
// pending finding names what would; the docs, the review and the formatter say them.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import { formatSource } from "../compiler/format/format-source.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { anchorLink, code, plainText, text, words } from "../compiler/emit/docs/markdown.js";
import type { ClaimCheck, ClaimCheckOptions } from "../compiler/runtime/index.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";

const policyPath = "test/fixtures/claim-rules/claim-rules.policy";
const policyText = readFileSync(join(projectRoot, policyPath), "utf8");

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(policyPath);
});
afterAll(() => fixture.dispose());

/** The findings of the rules of E0424, whose guards join `claim.rental` and the coverage decision. */
function e0424(rental: boolean | undefined, modifiers: string[], options?: ClaimCheckOptions) {
  const claim = {
    serviceDate: "2025-06-01",
    ...(rental !== undefined && { rental }),
    lines: [{ code: "E0424", modifiers, units: 1 }],
  };
  const check: ClaimCheck = fixture.evaluator.checkClaim(claim, options);
  return {
    violations: check.violations.map((finding) => finding.rule),
    pending: check.pending.map((finding) => [finding.rule, finding.missingFacts]),
  };
}

const covered = { decision: { outcome: "covered" as const, qualifiedUnder: ["I"] } };
const notCovered = { decision: { outcome: "not_covered" as const, qualifiedUnder: [] } };

describe("a guard that joins a decision test and a claim condition", () => {
  it("is settled by the claim's facts alone when they decide it: no decision needed", () => {
    // `claim.rental and coverage is covered` is false, `not claim.rental or coverage is covered` true.
    expect(e0424(false, [])).toEqual({ violations: [], pending: [] });
  });

  it("is pending on the decision when the facts leave it open, naming the decision", () => {
    expect(e0424(true, [])).toEqual({
      violations: [],
      pending: [
        ["E0424-KX", ["decision"]],
        ["E0424-rental-covered", ["decision"]],
      ],
    });
  });

  it("is settled by the decision alone when it decides it, the fact unknown", () => {
    // Not covered: `rental and covered` is false whatever rental is; `not rental or covered` still needs rental.
    expect(e0424(undefined, [], notCovered)).toEqual({
      violations: [],
      pending: [["E0424-rental-covered", ["rental"]]],
    });
    // Covered: `not rental or covered` holds; `rental and covered` needs rental.
    expect(e0424(undefined, [], covered)).toEqual({ violations: [], pending: [["E0424-KX", ["rental"]]] });
  });

  it("names both the fact and the decision when both are missing and both matter", () => {
    expect(e0424(undefined, [])).toEqual({
      violations: [],
      pending: [
        ["E0424-KX", ["rental", "decision"]],
        ["E0424-rental-covered", ["rental", "decision"]],
      ],
    });
  });

  it("is broken or kept once both are known", () => {
    expect(e0424(true, [], covered)).toEqual({ violations: ["E0424-KX"], pending: [] });
    expect(e0424(true, ["KX"], covered)).toEqual({ violations: [], pending: [] });
    expect(e0424(true, ["KX"], notCovered)).toEqual({ violations: ["E0424-rental-covered"], pending: [] });
  });

  it("holds, whatever the guard, when every line carries the modifier", () => {
    expect(e0424(true, ["KX"]).pending.map(([rule]) => rule)).toEqual(["E0424-rental-covered"]);
  });
});

describe("the language of joined guards", () => {
  const header =
    'policy X.1 title "T" plan "P" description "D." last review 2024-01\n' +
    'revision 2024-01 "O." effective 2024-01-01\n' +
    'claim fact rental: yes or no description "R." ask "R?"\n' +
    'section I "S."\n';

  function diagnosticsOf(rules: string): string[] {
    const result = checkPolicySource(`${header}code A0001 "A."\n${rules}`, "x.policy");
    return result.diagnostics.map((d) => `${d.code} ${d.message}`);
  }

  it("takes `not`, `or` and parentheses over both kinds of test", () => {
    expect(
      diagnosticsOf(
        "  rule A-1: requires modifier KX when not (coverage is pending or qualified under I) and claim.rental\n" +
          "  rule A-2: not billed when coverage is not covered and not claim.rental\n",
      ),
    ).toEqual([]);
  });

  it("checks each part: an unknown statement, a fact that is not a claim fact", () => {
    const found = diagnosticsOf("  rule A-1: requires modifier KX when claim.rental and qualified under IX\n");
    expect(found.join("\n")).toMatch(/IX/);
  });

  it("keeps a decision test out of a criterion's condition (PC127)", () => {
    const result = checkPolicySource(
      `${header}criterion I.A "A."\n  met when a.flag or coverage is covered\n`,
      "x.policy",
    );
    expect(result.diagnostics.map((d) => d.code)).toContain("PC127");
  });

  it("are laid out by the formatter, and may break at their joins", () => {
    const messy = `${header}code A0001 "A." rule A-1: requires modifier KX when claim.rental   and  coverage is covered\n`;
    expect(formatSource(messy, "x.policy").text).toContain(
      "  rule A-1: requires modifier KX when claim.rental and coverage is covered\n",
    );
  });
});

describe("the docs and messages of joined guards", () => {
  it("word each part, the decision's and the claim's", async () => {
    const plan = await planFromSources([{ path: policyPath, text: policyText }], []);
    const readme = plan.files.find((file) => file.path === "generated/claim-rules/README.md")?.contents ?? "";
    expect(readme).toContain(
      "every line of `E0424` carries modifier `KX` when the equipment is rented and the coverage decision for the same service is covered.",
    );
    // A part with "not" makes a list, as in conditions: "not A or B" could be read two ways.
    expect(readme).toContain(
      "`E0424` may be billed only when at least one of the following holds:\n\n" +
        "  - the equipment is not rented\n" +
        "  - the coverage decision for the same service is covered\n",
    );
    // A message written without `says` words the guard as the docs do, "not" carried to the fact.
    expect(readme).toContain(
      '"E0424 must be billed with modifier KX when the equipment is rented and the coverage decision is covered."',
    );
    expect(readme).toContain(
      '"E0424 may be billed only when the equipment is not rented or the coverage decision is covered."',
    );
  });
});

describe("a message worded from the docs' words", () => {
  it("is plain text: no escapes, no code spans, a link as its label", () => {
    const inline = words`${text("the member's *weight* [kg]")} is ${code("claim.x")} or ${anchorLink(text("A_B"), "k")}`;
    expect(plainText(inline)).toBe("the member's *weight* [kg] is claim.x or A_B");
  });
});
