// Every reading of a policy carries a figure in the register: each new kind of alternative clause
// (`added in`, a note's `not covered` added, a service's `met when`, `excludes services`, a billing rule's `rule`, a code
// group's `group`) compiles to the model of the policy written the other way by hand; the decision
// delta counts the services not covered; the claim delta counts the claim checks a billing
// alternative changes, as both versions' claim checkers find; and `decides nothing` is verified
// (PC107 when the reading is on a statement that decides). On the fixture test/fixtures/readings/.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSources, planFromSources } from "../compiler/build/build.js";
import type { CompiledAlternative } from "../compiler/build/reading-impacts.js";
import { claimDelta } from "../compiler/diff/claim-delta.js";
import { reviewChange } from "../compiler/diff/review.js";
import { importEvaluators } from "../compiler/diff/evaluators.js";
import { symbolicDelta } from "../compiler/diff/symbolic-delta.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { formatSource } from "../compiler/format/format-source.js";
import { projectRoot } from "./support/evaluators.js";

const path = "test/fixtures/readings/readings.policy";
const fixture = readFileSync(join(projectRoot, path), "utf8");

function replaced(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

function checked(text: string) {
  const result = checkSources([{ path: "policy/readings.policy", text }], []);
  return { ...result, errors: result.diagnostics.filter((found) => found.severity === "error") };
}

function modelOf(text: string): PolicyModel {
  const result = checked(text);
  expect(result.errors).toEqual([]);
  const model = result.models.get("FIX.READ.1");
  if (!model) throw new Error("no model");
  return model;
}

/** The model without what only names its source, for comparing two sources of the same meaning. */
function meaning(model: PolicyModel): unknown {
  return { ...model, sourceHash: "" };
}

/** The compiled alternative of the reading on `owner`. */
function alternativeOn(owner: string): PolicyModel {
  const found = (checked(fixture).alternatives.get("FIX.READ.1") ?? []).find(
    (compiled): compiled is Extract<CompiledAlternative, { kind: "alternative" }> =>
      compiled.kind === "alternative" && compiled.site.owner === owner,
  );
  if (!found) throw new Error(`no alternative on ${owner}`);
  return found.model;
}

describe("each new clause of an alternative compiles to the policy written the other way by hand", () => {
  it("`added in`, added to a statement that has none", () => {
    const byHand = replaced(
      fixture,
      "  met when member.enrolled\n",
      "  met when member.enrolled\n  added in 2025-01\n",
    );
    expect(meaning(alternativeOn("I.2"))).toEqual(meaning(modelOf(byHand)));
    expect(meaning(alternativeOn("I.2"))).not.toEqual(meaning(modelOf(fixture)));
  });

  it("`added in`, replacing the one a statement has", () => {
    const withOwn = replaced(
      fixture,
      "  met when member.enrolled\n",
      "  met when member.enrolled\n  added in 2024-01\n",
    );
    const result = checked(withOwn);
    expect(result.errors).toEqual([]);
    const compiled = (result.alternatives.get("FIX.READ.1") ?? []).find(
      (found) => found.kind === "alternative" && found.site.owner === "I.2",
    );
    const byHand = replaced(
      fixture,
      "  met when member.enrolled\n",
      "  met when member.enrolled\n  added in 2025-01\n",
    );
    expect(compiled?.kind === "alternative" && meaning(compiled.model)).toEqual(meaning(modelOf(byHand)));
  });

  it("a note's `not covered`, given to a note that carries no rule, over a fact the alternative declares (`with fact`)", () => {
    // By hand, the fact is the policy's, so the alternative no longer declares it.
    const withoutDeclaration = replaced(
      fixture,
      `      with fact provider.verified: yes or no
        description "The provider verified the member's enrollment."
        ask "Did the provider verify the member's enrollment?"
`,
      "",
    );
    const byHand = `${replaced(
      withoutDeclaration,
      'note I.note-1 "Providers shall verify enrollment."\n',
      'note I.note-1 "Providers shall verify enrollment." not covered unless provider.verified\n',
    )}
fact provider.verified: yes or no
  description "The provider verified the member's enrollment."
  ask "Did the provider verify the member's enrollment?"
`;
    expect(meaning(alternativeOn("I.note-1"))).toEqual(meaning(modelOf(byHand)));
    // The fact is the alternative's alone: the policy itself declares no such fact.
    expect(modelOf(fixture).facts.map((fact) => fact.name)).not.toContain("provider.verified");
    expect(alternativeOn("I.note-1").facts.map((fact) => fact.name)).toContain("provider.verified");
  });

  it("a service's `met when`: the service read as a criterion, over a fact the alternative declares", () => {
    const withoutDeclaration = replaced(
      fixture,
      `      with fact provider.dispenses: yes or no
        description "The provider dispenses the drug as planned."
        ask "Does the provider dispense the drug as planned?"
`,
      "",
    );
    const byHand = `${replaced(
      withoutDeclaration,
      'service I.G.1 "Dispensing the drug."\n',
      'criterion I.G.1 "Dispensing the drug."\n  met when provider.dispenses\n',
    )}
fact provider.dispenses: yes or no
  description "The provider dispenses the drug as planned."
  ask "Does the provider dispense the drug as planned?"
`;
    expect(meaning(alternativeOn("I.G"))).toEqual(meaning(modelOf(byHand)));
    expect(meaning(alternativeOn("I.G"))).not.toEqual(meaning(modelOf(fixture)));
  });

  it("a note's `excludes services`", () => {
    const byHand = replaced(
      fixture,
      "  excludes services of I.F when member.nutrition\n",
      "  excludes services of I.F when member.nutrition and member.nursing\n",
    );
    expect(meaning(alternativeOn("II.note"))).toEqual(meaning(modelOf(byHand)));
  });

  it("a billing rule's `rule`", () => {
    const byHand = replaced(
      fixture,
      "rule T1002-units: units at most claim.minutes / 15 rounded up",
      "rule T1002-units: units at most claim.minutes / 15",
    );
    expect(meaning(alternativeOn("T1002-units"))).toEqual(meaning(modelOf(byHand)));
  });

  it("a code group's `group`", () => {
    const byHand = replaced(
      fixture,
      '"the per diem codes (S9494)": S9494\n',
      '"the per diem codes (S9494)": S9494, S9379\n',
    );
    expect(meaning(alternativeOn("T1030-with-each"))).toEqual(meaning(modelOf(byHand)));
  });

  it("refuses a `rule` for a billing rule that does not exist, and `not covered` on a note that excludes services", () => {
    const unknown = replaced(fixture, "in T1002-units rule", "in T1002-none rule");
    expect(checked(unknown).errors.map((found) => [found.code, found.message])).toEqual([
      ["PC103", "No statement, definition or revision of this policy is named `T1002-none`."],
    ]);
    const excluding = replaced(
      fixture,
      "in II.note excludes services of I.F when member.nutrition and member.nursing",
      "in II.note not covered when member.nursing",
    );
    expect(checked(excluding).errors.map((found) => found.code)).toEqual(["PC103"]);
  });
});

describe("the new clauses in the canonical layout", () => {
  it("leaves the fixture as it is, a declared fact's clauses each on a line of its own", () => {
    expect(formatSource(fixture, path).text).toBe(fixture);
    const squeezed = replaced(
      fixture,
      `yes or no
        description "The provider verified the member's enrollment."
        ask`,
      `yes or no description "The provider verified the member's enrollment." ask`,
    );
    expect(formatSource(squeezed, path).text).toBe(fixture);
  });
});

describe("the decision delta counts the services not covered", () => {
  it("as many cases as the evaluators show with the same outcome and other services", async () => {
    const model = modelOf(fixture);
    const other = alternativeOn("II.note");
    const delta = symbolicDelta(model, other);
    expect(delta.changed).toBe(0n);
    expect(delta.servicesChanged).toBeGreaterThan(0n);
    // Every case of the four yes-or-no facts, each known (as the delta counts), on each revision's date.
    const { evaluators, dispose } = await importEvaluators([model, other]);
    try {
      const [before, after] = evaluators;
      const values = [true, false];
      let differ = 0n;
      let cases = 0n;
      for (const asOf of ["2024-01-01", "2025-01-01"])
        for (const atHome of values)
          for (const nursing of values)
            for (const nutrition of values)
              for (const enrolled of values) {
                const member = { at_home: atHome, nursing, nutrition, enrolled };
                const facts = { member: Object.fromEntries(Object.entries(member).filter(([, v]) => v !== undefined)) };
                const [a, b] = [before!.evaluate(facts, { asOf }), after!.evaluate(facts, { asOf })] as const;
                cases += 1n;
                const services = (decision: unknown) =>
                  JSON.stringify((decision as { servicesNotCovered: unknown[] }).servicesNotCovered);
                if (a.outcome === b.outcome && services(a) !== services(b)) differ += 1n;
              }
      expect(delta.cases).toBe(cases);
      expect(delta.servicesChanged).toBe(differ);
    } finally {
      dispose();
    }
  });
});

describe("the claim delta", () => {
  it("counts the claim checks a billing rule's alternative changes, over the lines and facts the rule reads", async () => {
    const delta = await claimDelta(modelOf(fixture), alternativeOn("T1002-units"));
    if (delta === undefined || delta === "too many") throw new Error("no claim delta");
    expect(delta.rules).toEqual(["T1002-units"]);
    expect(delta.facts).toEqual(["claim.minutes"]);
    // One service date: the rule is in force alike in every revision.
    expect(delta.dates).toEqual(["2024-01-01"]);
    const [{ code, units }] = delta.codes as [{ code: string; units: number }];
    expect(code).toBe("T1002");
    // By hand: a line of u units (u from 1) with m minutes (0 to 60) breaks the rule rounded up when
    // u > ceil(m / 15), and the other way when u > m / 15; unknown minutes leave both pending.
    let changed = 0;
    for (let u = 1; u <= units; u++)
      for (let m = 0; m <= 60; m++) if (u > m / 15 !== u > Math.ceil(m / 15)) changed += 1;
    expect(delta.checks).toBe((units + 1) * 62);
    expect(delta.changed).toBe(changed);
    expect(changed).toBeGreaterThan(0);
  });

  it("counts a code added to a group by the lines of every code the rule reads", async () => {
    const delta = await claimDelta(modelOf(fixture), alternativeOn("T1030-with-each"));
    if (delta === undefined || delta === "too many") throw new Error("no claim delta");
    expect(delta.codes.map((entry) => entry.code)).toEqual(["S9379", "S9494", "T1030"]);
    // T1030 must now cover S9379's units too (the largest line of the group), and a finding names
    // every line of the group: so the S9379 line joins a violation S9494 alone made.
    let changed = 0;
    for (let s9379 = 0; s9379 <= 3; s9379++)
      for (let s9494 = 0; s9494 <= 3; s9494++)
        for (let t1030 = 0; t1030 <= 3; t1030++) {
          const before = s9494 > t1030;
          const after = Math.max(s9494, s9379) > t1030;
          if (before !== after || (before && s9379 > 0)) changed += 1;
        }
    expect(delta).toMatchObject({ checks: 64, changed });
  });

  it("counts the claims on which a group's lines together and its largest line differ", async () => {
    const delta = await claimDelta(modelOf(fixture), alternativeOn("S5035-with-visits"));
    if (delta === undefined || delta === "too many") throw new Error("no claim delta");
    const units = Object.fromEntries(delta.codes.map((entry) => [entry.code, entry.units]));
    expect(Object.keys(units)).toEqual(["S5035", "T1002", "T1030"]);
    // Written: S5035 needs the visits' units together; rejected: only the largest visit line. The
    // verdict differs where S5035 covers the largest line but not their sum.
    let changed = 0;
    let checks = 0;
    for (let s5035 = 0; s5035 <= units.S5035!; s5035++)
      for (let t1002 = 0; t1002 <= units.T1002!; t1002++)
        for (let t1030 = 0; t1030 <= units.T1030!; t1030++) {
          checks += 1;
          if (s5035 < t1002 + t1030 !== s5035 < Math.max(t1002, t1030)) changed += 1;
        }
    expect(delta).toMatchObject({ checks, changed });
    expect(changed).toBeGreaterThan(0);
  });

  it("is none when no billing rule changes", async () => {
    expect(await claimDelta(modelOf(fixture), alternativeOn("I.1"))).toBeUndefined();
  });
});

describe("a reading that decides nothing", () => {
  it("is verified on prose, a note without a rule, a service and a section no exclusion names", () => {
    expect(checked(fixture).errors).toEqual([]);
  });

  it("is PC107 on a statement that decides", () => {
    const onCriterion = replaced(
      fixture,
      '  reading "At home means the member\'s own home."\n    alternative "Anywhere counts."\n      in I.1 met when yes\n',
      '  reading "At home means the member\'s own home."\n    decides nothing\n',
    );
    const onExcludedService = replaced(
      fixture,
      'service I.F.1 "Monitoring the member."\n',
      'service I.F.1 "Monitoring the member."\n  reading "Monitoring is nursing."\n    decides nothing\n',
    );
    const onRevision = replaced(
      fixture,
      "  effective 2025-01-01\n",
      '  effective 2025-01-01\n  reading "The duty is new."\n    decides nothing\n',
    );
    const onBillingRule = replaced(
      fixture,
      '    reading "Every 15 minutes or part of them is a unit."\n      alternative "Only whole 15 minutes are units."\n        in T1002-units rule units at most claim.minutes / 15\n',
      '    reading "Every 15 minutes or part of them is a unit."\n      decides nothing\n',
    );
    const messages = [onCriterion, onExcludedService, onRevision, onBillingRule].map((text) =>
      checked(text).errors.map((found) => `${found.code} ${found.message}`),
    );
    expect(messages).toEqual([
      ["PC107 This reading says it decides nothing, but `I.1` is read by the decision or the claim check."],
      [
        "PC107 This reading says it decides nothing, but `I.F.1` is in section `I.F`, whose services `II.note` excludes.",
      ],
      [
        "PC107 This reading says it decides nothing, but `2025-01` is a revision, whose effective date decides which statements are in force.",
      ],
      [
        "PC107 This reading says it decides nothing, but `T1002-units` is a billing rule, which every claim check reads.",
      ],
    ]);
  });

  it("is shown in the register with its figure, as every other reading is", async () => {
    const plan = await planFromSources([{ path: "policy/readings.policy", text: fixture }], []);
    const docs = plan.files.find((file) => file.path.endsWith("README.md"))?.contents ?? "";
    const register = docs.slice(docs.indexOf("| Reading | On |"));
    const rows = register.split("\n").filter((line) => line.startsWith('| <a id="reading-'));
    expect(rows).toHaveLength(12);
    expect(rows.filter((row) => row.includes("Not written as logic"))).toEqual([]);
    expect(rows.filter((row) => row.includes("0 decisions: this reading decides no coverage question"))).toHaveLength(
      4,
    );
    expect(docs).toContain("Every reading has its figure.");
    expect(register).toMatch(/only in the services not covered/);
    expect(register).toMatch(/It would change the verdict or findings of [\d,]+ of [\d,]+ claim line combinations/);
  });
});

describe("policyc diff", () => {
  it("lists the readings added, removed and rewritten, with their figures before and after", async () => {
    let changed = replaced(
      fixture,
      "in T1002-units rule units at most claim.minutes / 15\n",
      "in T1002-units rule units at most claim.minutes / 10\n",
    );
    changed = replaced(changed, '  reading "The notice decides nothing."\n    decides nothing\n', "");
    changed = replaced(
      changed,
      "      in I.2 added in 2025-01\n",
      '      in I.2 added in 2025-01\n  reading "Enrolled means enrolled on the date of service."\n',
    );
    const review = await reviewChange(
      { label: "old", path: "policy/readings.policy", text: fixture },
      { label: "new", path: "policy/readings.policy", text: changed },
    );
    if (review.kind !== "review") throw new Error("no review");
    const part = review.markdown.slice(
      review.markdown.indexOf("## Readings"),
      review.markdown.indexOf("## Decision delta"),
    );
    const items = part.split("\n").filter((line) => line.startsWith("- **"));
    expect(items).toEqual([
      "- **I.2, reading 2**: added",
      "- **T1002-units, reading 1**: rewritten",
      "- **notice, reading 1**: removed",
    ]);
    const figures = part.split("\n").filter((line) => line.includes("Figure"));
    expect(figures).toHaveLength(4);
    // The rewritten billing reading: its claim figure on each side, counted on its own version.
    const [before, after] = figures.filter((line) => line.includes("claim line combinations"));
    expect(before).toContain("Figure before");
    expect(after).toContain("Figure after");
    expect(before).not.toEqual(after?.replace("Figure after", "Figure before"));
    expect(part).toContain("Figure before: 0 decisions: this reading decides no coverage question.");
    expect(part).toContain("Figure after: Not written as logic.");
  });

  it("counts the cases whose services not covered change apart from those whose outcome changes", async () => {
    const review = await reviewChange(
      { label: "old", path: "policy/readings.policy", text: fixture },
      {
        label: "new",
        path: "policy/readings.policy",
        text: replaced(
          fixture,
          "  excludes services of I.F when member.nutrition\n",
          "  excludes services of I.F when member.nutrition and member.nursing\n",
        ),
      },
    );
    if (review.kind !== "review") throw new Error("no review");
    expect(review.delta.changed).toBe(0n);
    expect(review.markdown).toContain(
      `Besides, ${review.delta.servicesChanged} cases keep their outcome but change the services not covered`,
    );
  });

  it("says no reading changed when none did", async () => {
    const review = await reviewChange(
      { label: "old", path: "policy/readings.policy", text: fixture },
      {
        label: "new",
        path: "policy/readings.policy",
        text: replaced(
          fixture,
          'description "The member is treated at home."',
          'description "The member is cared for at home."',
        ),
      },
    );
    if (review.kind !== "review") throw new Error("no review");
    expect(review.markdown).toContain("**Readings**: no change.");
  });
});
