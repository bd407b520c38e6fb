// Versioned statements, run: the fixture versions.policy after its 2026-05 review decides every case
// dated before 2026-05-01 exactly as the policy did before the review (versions-before-2026-05.policy),
// quoting the words then in force, and from 2026-05-01 by the new words and logic.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Decision } from "../compiler/runtime/index.js";
import { ruleVersions } from "../compiler/model/versions.js";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { reviewChange } from "../compiler/diff/review.js";
import { policyChanges } from "../compiler/diff/changes.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { checkSources, planFromSources } from "../compiler/build/build.js";
import { tracePolicy } from "../compiler/trace/trace.js";
import { policyInRevision } from "../compiler/model/policy-in-revision.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { nestFacts, type FlatFacts } from "./support/random-facts.js";

const before = "2025-06-01";
const after = "2026-06-01";

let current: ImportedFixture;
let previous: ImportedFixture;

beforeAll(async () => {
  current = await importFixtureEvaluator("test/fixtures/versions/versions.policy");
  previous = await importFixtureEvaluator("test/fixtures/versions/versions-before-2026-05.policy");
});
afterAll(() => {
  current.dispose();
  previous.dispose();
});

function modelOf(text: string): PolicyModel {
  const result = checkPolicySource(text, "test/fixtures/versions/versions.policy");
  if (result.model === undefined) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.model;
}

/** Every combination of values (undefined: unknown) of the given facts. */
function combinations(space: readonly (readonly [string, readonly unknown[]])[]): FlatFacts[] {
  let all: FlatFacts[] = [new Map<string, unknown>()];
  for (const [name, values] of space)
    all = all.flatMap((facts) =>
      [...values, undefined].map((value): FlatFacts => {
        const next: FlatFacts = new Map(facts);
        if (value !== undefined) next.set(name, value);
        return next;
      }),
    );
  return all;
}

/** What a decision says, without the policy's identity (the two fixtures have different references). */
function said(decision: Decision): unknown {
  return {
    outcome: decision.outcome,
    reasons: decision.reasons,
    missingFacts: decision.missingFacts.map((missing) => [missing.fact, missing.question]),
    servicesNotCovered: decision.servicesNotCovered,
  };
}

const everyone = {
  member: { stable: true, documented_by_attending: true, age: 40, has_caregiver: false, trained: true },
  order: { signed: true },
};

function decide(facts: unknown, asOf: string): Decision {
  return current.evaluator.evaluate(facts, { asOf });
}

describe("a policy with versioned statements", () => {
  it("decides every case before the revision exactly as the policy did before it", () => {
    const oldFacts = combinations([
      ["member.stable", [true, false]],
      ["member.trained", [true, false]],
      ["member.age", [1, 5, 15, 40]],
    ]);
    // The facts only the new versions read change nothing before 2026-05.
    const newFacts = combinations([
      ["member.documented_by_attending", [true, false]],
      ["member.has_caregiver", [true, false]],
      ["order.signed", [true, false]],
    ]);
    let compared = 0;
    const outcomes = new Set<string>();
    for (const facts of oldFacts) {
      const expected = said(previous.evaluator.evaluate(nestFacts(facts), { asOf: before }));
      for (const extra of newFacts) {
        const decision = decide(nestFacts(new Map([...facts, ...extra])), before);
        expect(said(decision)).toEqual(expected);
        outcomes.add(decision.outcome);
        compared++;
      }
    }
    // Three values or unknown each, and four ages or unknown; then three yes-or-no facts more.
    expect(compared).toBe(3 * 3 * 5 * 3 ** 3);
    expect([...outcomes].sort()).toEqual(["covered", "not_covered", "pending"]);
  });

  it("quotes the words of the version in force on the service date", () => {
    const unstable = { ...everyone, member: { ...everyone.member, stable: false } };
    expect(decide(unstable, before).reasons).toEqual([
      {
        id: "I.A.2",
        kind: "criterion",
        text: "The Member's clinical status is stable.",
        status: "not_met",
        // The reading of the earlier version, which the later one dropped.
        readings: ["reading-criterion-I.A.2-1"],
      },
    ]);
    expect(decide(unstable, after).reasons).toEqual([
      {
        id: "I.A.2",
        kind: "criterion",
        text: "The Member's clinical status is stable as documented by the attending physician.",
        status: "not_met",
        readings: [],
      },
    ]);
  });

  it("runs the logic of the version in force: a changed condition", () => {
    const undocumented = { ...everyone, member: { ...everyone.member, documented_by_attending: false } };
    expect(decide(undocumented, before).outcome).toBe("covered");
    expect(decide(undocumented, after).reasons.map((reason) => reason.id)).toEqual(["I.A.2"]);
  });

  it("narrows an exclusion and removes another from the revision on", () => {
    const infant = { ...everyone, member: { ...everyone.member, age: 1 } };
    expect(decide(infant, before).reasons.map((reason) => [reason.id, reason.text])).toEqual([
      ["II.A", "Members younger than 2 years."],
      ["II.B", "Members younger than 18 years."],
    ]);
    expect(decide(infant, after).reasons.map((reason) => [reason.id, reason.text])).toEqual([
      ["II.B", "Members younger than 12 years."],
    ]);
    const teenager = { ...everyone, member: { ...everyone.member, age: 15 } };
    expect(decide(teenager, before).outcome).toBe("not_covered");
    expect(decide(teenager, after).outcome).toBe("covered");
  });

  it("counts a part added after its criterion only from the revision that added it", () => {
    const withCaregiver = { ...everyone, member: { ...everyone.member, trained: false, has_caregiver: true } };
    expect(decide(withCaregiver, after).outcome).toBe("covered");
    const traced = current.evaluator.evaluate(withCaregiver, { asOf: before, trace: true }).trace ?? [];
    expect(traced.find((entry) => entry.id === "I.A.1.b")?.status).toBe("not_applicable");
    expect(traced.find((entry) => entry.id === "I.A.1.a")?.status).toBe("met");
  });

  it("runs the version of a part in force: a narrowed part", () => {
    // Before 2026-05, I.A.1.a was met by an adult, trained or not; from then on only by training.
    const untrained = { ...everyone, member: { ...everyone.member, trained: false } };
    expect(decide(untrained, before).outcome).toBe("covered");
    expect(decide(untrained, after).reasons.map((reason) => reason.id)).toEqual(["I.A.1"]);
  });

  it("asks for what an added criterion needs only from the revision on", () => {
    const unsigned = { ...everyone, order: {} };
    expect(decide(unsigned, before).outcome).toBe("covered");
    const pending = decide(unsigned, after);
    expect(pending.outcome).toBe("pending");
    expect(pending.missingFacts.map((missing) => missing.fact)).toEqual(["order.signed"]);
  });

  it("lowers each version with its lifetime, words, category and readings", () => {
    const rule = current.model.rules.find((candidate) => candidate.id === "I.A.2");
    if (!rule) throw new Error("no rule I.A.2");
    expect(
      ruleVersions(rule).map((version) => ({
        inForce: version.inForce,
        text: version.text,
        category: version.category,
        readings: version.readings.length,
      })),
    ).toEqual([
      {
        inForce: { from: 0, until: 1 },
        text: "The Member's clinical status is stable.",
        category: "clinical",
        readings: 1,
      },
      {
        inForce: { from: 1 },
        text: "The Member's clinical status is stable as documented by the attending physician.",
        category: "documentation",
        readings: 0,
      },
    ]);
    // A version that restates no words takes them from the version above it.
    const parent = current.model.rules.find((candidate) => candidate.id === "I.A.1");
    expect(parent?.earlier.map((version) => version.text)).toEqual([parent?.text]);
  });
});

describe("the docs of a policy with versioned statements", () => {
  const docs = (): string => emitDocs(current.model, traceSummary(current.model, undefined));

  /** The part of the docs under one statement's heading, up to the next heading. */
  function under(markdown: string, heading: string): string {
    const start = markdown.indexOf(`${heading}\n`);
    if (start < 0) throw new Error(`no heading ${heading}`);
    const next = markdown.indexOf("\n#", start + heading.length);
    return markdown.slice(start, next < 0 ? undefined : next);
  }

  it("show a changed statement's history: each version with its period and words", () => {
    const section = under(docs(), '##### <a id="criterion-I.A.2"></a>Criterion I.A.2');
    expect(section).toContain("> The Member's clinical status is stable as documented by the attending physician.");
    expect(section).toContain("- **These words:** from 2026-05 (effective 2026-05-01) on.");
    expect(section).toContain("**Earlier versions**, newest first:");
    expect(section).toContain("In force from 2024-05 (effective 2024-05-01) until 2026-05 (effective 2026-05-01):");
    expect(section).toContain("> The Member's clinical status is stable.\n");
    expect(section).toContain("- **Logic:** Met when the member's clinical status is stable.\n");
    expect(section).toContain("- **Category:** clinical: Clinical findings about the member.");
    // The current version's words come before the history's.
    expect(section.indexOf("as documented by")).toBeLessThan(section.indexOf("Earlier versions"));
  });

  it("list the statements a revision changed in the revision log", () => {
    const row = docs()
      .split("\n")
      .find((line) => line.startsWith("| 2026-05 |"));
    expect(row).toContain(
      "changed [I.A.1](#criterion-I.A.1), [I.A.1.a](#criterion-I.A.1.a), [I.A.2](#criterion-I.A.2), [II.B](#exclusion-II.B)",
    );
  });

  it("show no history for a statement that never changed", () => {
    const section = under(docs(), '##### <a id="criterion-I.A.3"></a>Criterion I.A.3');
    expect(section).not.toContain("Earlier versions");
    expect(section).not.toContain("These words");
  });
});

describe("the review of a change that versions statements", () => {
  const read = (path: string) => ({ label: path, path, text: readFileSync(join(projectRoot, path), "utf8") });

  it("shows a rewording as one of the same number, and changes no decision before the revision", async () => {
    const review = await reviewChange(
      read("test/fixtures/versions/versions-before-2026-05.policy"),
      read("test/fixtures/versions/versions.policy"),
    );
    if (review.kind !== "review") throw new Error(review.diagnostics.map((d) => d.message).join("\n"));
    expect(review.markdown).toContain("- **criterion I.A.2**: reworded in 2026-05, the same number with a new version");
    expect(review.markdown).toContain("Wording: The Member's clinical status is ~~stable.~~");
    expect(review.markdown).not.toContain("criterion I.A.2**: added");
    expect(review.markdown).not.toContain("criterion I.A.2**: removed");
    // Keeping the old words as a version is no change of logic by itself: only what the new version
    // changed is listed.
    expect(review.markdown).not.toContain("earlier versions:");
    const periods = review.delta.periods.map((period) => [period.period.from, period.changed]);
    expect(periods).toEqual([
      ["2024-05-01", 0n],
      ["2026-05-01", 16n],
    ]);
  });

  it("lists a change to an earlier version as a change of the statement's logic", () => {
    const policy = read("test/fixtures/versions/versions.policy").text;
    const edited = policy.replace("not covered when member.age < 18", "not covered when member.age < 16");
    expect(edited).not.toBe(policy);
    const changes = policyChanges(modelOf(policy), modelOf(edited));
    expect(changes.map((change) => [change.what, change.id, change.kinds, change.aspects])).toEqual([
      ["exclusion", "II.B", ["logic"], ["earlier versions"]],
    ]);
  });
});

describe("a revision log with a retroactive revision and two revisions on one day", () => {
  let retroactive: ImportedFixture;
  beforeAll(async () => {
    retroactive = await importFixtureEvaluator("test/fixtures/versions/retroactive.policy");
  });
  afterAll(() => retroactive.dispose());

  const evaluate = (facts: unknown, asOf: string): Decision => retroactive.evaluator.evaluate(facts, { asOf });
  const child = { member: { age: 14, trained: true }, order: { signed: true } };

  it("applies a retroactive change from its effective date, before the revisions listed above it", () => {
    // 2021-09-27 on, II.A reads "younger than 12", though 2023-03 was approved after 2022-01.
    expect(evaluate(child, "2021-06-01").reasons.map((reason) => reason.text)).toContain(
      "Members younger than 16 years.",
    );
    expect(evaluate(child, "2021-10-01").reasons.map((reason) => reason.id)).not.toContain("II.A");
    // The retroactive revision does not bring forward what 2022-01 added: I.A.2 applies from 2022-01-01.
    const unsigned = { member: { age: 40, trained: true }, order: { signed: false } };
    expect(evaluate(unsigned, "2021-10-01").outcome).toBe("covered");
    expect(evaluate(unsigned, "2022-01-01").reasons.map((reason) => reason.id)).toEqual(["I.A.2"]);
  });

  it("reports the latest revision in the log in effect on the date", () => {
    const adult = { member: { age: 40, trained: true }, order: { signed: true } };
    expect(evaluate(adult, "2021-10-01").policy.revision).toBe("2023-03");
    expect(evaluate(adult, "2022-06-01").policy.revision).toBe("2023-03");
    expect(evaluate(adult, "2023-03-15").policy.revision).toBe("v7");
  });

  it("applies both revisions that take effect on one day, in the order of the log", () => {
    const minor = { member: { age: 17, trained: false }, order: { signed: true } };
    const before = evaluate(minor, "2023-03-14");
    expect(before.reasons.map((reason) => [reason.id, reason.text])).toEqual([["I.A.1", "The Member is an adult."]]);
    const after = evaluate(minor, "2023-03-15");
    expect(after.reasons.map((reason) => [reason.id, reason.text])).toEqual([
      ["I.A.1", "The Member is 18 years of age or older."],
      ["I.A.3", "The member was trained to give the therapy."],
    ]);
  });

  it("names revisions by month, month and suffix, or a name, with stable constants", async () => {
    const plan = await planFromSources(
      [
        {
          path: "test/fixtures/versions/retroactive.policy",
          text: readFileSync(join(projectRoot, "test/fixtures/versions/retroactive.policy"), "utf8"),
        },
      ],
      [],
    );
    const evaluator = plan.files.find((file) => file.path.endsWith("/evaluator.ts"))?.contents ?? "";
    expect(evaluator).toContain("const REVISION_2023_03_B: Revision = {");
    expect(evaluator).toContain("const REVISION_V7: Revision = {");
    expect(evaluator).toContain("inForce: { from: REVISION_2021_05, until: REVISION_V7 },");
  });
});

describe("the traceability of versions to the published text of each revision", () => {
  const path = "test/fixtures/versions/versions.policy";
  const source = (): string => readFileSync(join(projectRoot, path), "utf8");
  const traced = (text: string) => {
    const checked = checkSources([{ path, text }], [], projectRoot);
    const model = checked.models.get("FIX.VER.1");
    if (!model) throw new Error(checked.diagnostics.map((d) => d.message).join("\n"));
    return traceSummary(model, checked.published.get(model.reference), checked.revisionTexts.get(model.reference));
  };

  it("checks each revision's text against the words in force in it, and every version's words", () => {
    const { texts, unchecked } = traced(source()).revisions;
    expect(texts.map((text) => [text.revision, text.kind])).toEqual([
      ["2024-05", "checked"],
      ["2026-05", "checked"],
    ]);
    for (const text of texts) {
      if (text.kind !== "checked") continue;
      expect(text.report.mismatches).toEqual([]);
      expect(text.report.accounted).toBe(text.report.total);
    }
    expect(unchecked).toEqual([]);
  });

  it("finds the old words of a reworded criterion in the old text, and not the new ones", () => {
    const model = modelOf(source());
    const published = readFileSync(join(projectRoot, "test/fixtures/versions/versions-2024-05.published.txt"), "utf8");
    const newWords = published.replace(
      "2. The Member's clinical status is stable.",
      "2. The Member's clinical status is stable as documented by the attending physician.",
    );
    expect(tracePolicy(policyInRevision(model, 0), published).mismatches).toEqual([]);
    const report = tracePolicy(policyInRevision(model, 0), newWords);
    expect(report.unaccounted.map((sentence) => sentence.text)).toEqual([
      "The Member's clinical status is stable as documented by the attending physician.",
    ]);
  });

  it("says which words no held text checks when a revision's text is not kept", () => {
    const withoutOld = source().replace('  published text "versions-2024-05.published.txt"\n', "");
    const { texts, unchecked } = traced(withoutOld).revisions;
    expect(texts.map((text) => text.revision)).toEqual(["2026-05"]);
    expect(unchecked.map((words) => [words.owner, words.revisions, words.text])).toEqual([
      ["criterion I.A.1", ["2024-05"], "The therapy can be given safely at home, either:"],
      ["criterion I.A.1.a", ["2024-05"], "The member was trained to give the therapy, or is an adult."],
      ["criterion I.A.2", ["2024-05"], "The Member's clinical status is stable."],
      ["exclusion II.A", ["2024-05"], "Members younger than 2 years."],
      ["exclusion II.B", ["2024-05"], "Members younger than 18 years."],
    ]);
    const docs = emitDocs(modelOf(withoutOld), traced(withoutOld));
    expect(docs).toContain("### The published text of each revision");
    expect(docs).toContain("- criterion I.A.2 (in force in 2024-05): The Member's clinical status is stable.\n");
  });
});

describe("an earlier version's logic in the generated module", () => {
  it("keeps a definition only an earlier version uses", async () => {
    const text = readFileSync(join(projectRoot, "test/fixtures/versions/versions.policy"), "utf8")
      .replace(
        'section I "Covered',
        'define member.is_adult "the member is an adult" as member.age >= 18\n\nsection I "Covered',
      )
      .replace("    met when member.trained or member.age >= 18\n", "    met when member.trained or member.is_adult\n");
    const plan = await planFromSources([{ path: "test/fixtures/versions/versions.policy", text }], [], projectRoot);
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const evaluator = plan.files.find((file) => file.path.endsWith("/evaluator.ts"))?.contents ?? "";
    const definitions = evaluator.slice(
      evaluator.indexOf("const definitionTable"),
      evaluator.indexOf("const sectionTable"),
    );
    expect(definitions).toContain('name: "member.is_adult"');
  });
});
