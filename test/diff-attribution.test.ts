// What a reviewer reads of each changed statement: the revision that made it (by lifetime, or named
// in a new revision's log entry, never guessed), a rewording under the same number, a category
// change and a readings change, on a revision of the glucose-monitor fixture made here.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { attributeChanges } from "../compiler/diff/attribution.js";
import { policyChanges } from "../compiler/diff/changes.js";
import { reviewChange } from "../compiler/diff/review.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { projectRoot } from "./support/evaluators.js";

const path = "test/fixtures/continuous-glucose-monitors/cgm.policy";
const text = readFileSync(join(projectRoot, path), "utf8");

/** A 2024 revision: I.A.2 reworded (its log names it), I.A.1 recategorised and given a reading, II.A removed by lifetime. */
const revised = text
  .replace(
    'revision 2023-07 "Removed the fingerstick log requirement (I.A.3). Added the hypoglycemia criterion (I.C)."\n  reviewed 2023-06\n  effective 2023-07-15\n',
    'revision 2023-07 "Removed the fingerstick log requirement (I.A.3). Added the hypoglycemia criterion (I.C)."\n  reviewed 2023-06\n  effective 2023-07-15\n\nrevision 2024-03 "Reworded I.A.2 for clarity."\n  effective 2024-03-01\n',
  )
  .replace(
    '"The member has seen the prescriber on or before the date of service."',
    '"The member has seen the prescribing clinician on or before the date of service."',
  )
  .replace(
    "  met when patient.diagnosis is not other\n  category clinical",
    '  met when patient.diagnosis is not other\n  category device_scope\n  reading "Diabetes of any type counts."',
  )
  .replace(
    "  not covered when device.kind is adjunctive\n",
    "  not covered when device.kind is adjunctive\n  removed in 2024-03\n",
  );

describe("a revision that rewords, recategorises and removes", () => {
  let markdown = "";

  beforeAll(async () => {
    const result = await reviewChange({ label: "before", path, text }, { label: "after", path, text: revised });
    if (result.kind !== "review") throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
    markdown = result.markdown;
  });

  it("says each kind of change", () => {
    const before = checkPolicySource(text, path).model;
    const after = checkPolicySource(revised, path).model;
    if (!before || !after) throw new Error("the versions must check");
    const changes = policyChanges(before, after);
    const kinds = (id: string) => changes.find((change) => change.id === id)?.kinds;
    expect(kinds("I.A.2")).toEqual(["reworded"]);
    expect(kinds("I.A.1")).toEqual(["category", "readings"]);
    expect(kinds("II.A")).toEqual(["logic"]);
    expect(changes.find((change) => change.id === "I.A.1")?.aspectValues).toEqual([
      { aspect: "category", before: "clinical", after: "device_scope" },
    ]);
  });

  it("attributes a change to the revision whose lifetime or log entry names it, and no other", () => {
    const before = checkPolicySource(text, path).model;
    const after = checkPolicySource(revised, path).model;
    if (!before || !after) throw new Error("the versions must check");
    const attributions = attributeChanges(before, after, policyChanges(before, after));
    expect(attributions.get("criterion I.A.2")).toEqual({ revision: "2024-03", by: "log" });
    expect(attributions.get("exclusion II.A")).toEqual({ revision: "2024-03", by: "lifetime" });
    // Nothing names I.A.1's change: no revision is guessed for it.
    expect(attributions.has("criterion I.A.1")).toBe(false);
  });

  it("attributes a billing rule's retirement to the revision whose lifetime ends it", () => {
    const before = checkPolicySource(text, path).model;
    const retiring = revised.replace(/( {2}rule E2103-KX: [^\n]*\n)/, "$1    removed in 2024-03\n");
    // The replacement must have happened, or the test below would test nothing.
    expect(retiring).toContain("    removed in 2024-03\n  rule E2103-no-KX");
    const after = checkPolicySource(retiring, path).model;
    if (!before || !after) throw new Error("the versions must check");
    expect(after.revisions.find((revision) => revision.approved === "2024-03")?.removed).toContain("E2103-KX");
    const attributions = attributeChanges(before, after, policyChanges(before, after));
    expect(attributions.get("billing rule E2103-KX")).toEqual({ revision: "2024-03", by: "lifetime" });
  });

  it("prints them for a reviewer", () => {
    expect(markdown).toContain("**criterion I.A.2**: reworded (revision 2024-03, named in its log entry)");
    expect(markdown).toContain("~~prescriber~~ **prescribing clinician**");
    expect(markdown).toContain("**criterion I.A.1**: category changed, readings changed\n");
    expect(markdown).toContain("category: clinical → device\\_scope.");
    expect(markdown).toContain("**exclusion II.A**: logic changed (revision 2024-03, by its lifetime)");
  });

  it("shows II.A's removal as adjunctive devices covered from 2024-03-01 on, and only then", async () => {
    const result = await reviewChange({ label: "before", path, text }, { label: "after", path, text: revised });
    if (result.kind !== "review") throw new Error("the versions must check");
    const changed = result.delta.cells.filter((cell) => cell.before !== cell.after);
    expect(changed.length).toBeGreaterThan(0);
    for (const cell of changed) {
      expect([cell.before, cell.after, cell.period.from >= "2024-03-01"]).toEqual(["not_covered", "covered", true]);
    }
    expect(result.delta.criteria.map((criterion) => criterion.id)).toEqual(changed.map(() => "II.A"));
    expect(markdown).toMatch(
      /\| II\.A \| from 2024-03-01 \| +\| [\d,]+ \(\d+(\.\d+)?% of the cases denied before\) \|/,
    );
  });
});

describe("a statement new in a change", () => {
  const criterion = (lifetime: string) =>
    `criterion I.A.4 "The member keeps a glucose log."\n  met when patient.fingerstick_log_provided\n  category clinical\n${lifetime}\n`;
  const withCriterion = (lifetime: string) => text.replace("criterion I.B ", `${criterion(lifetime)}criterion I.B `);

  it("is flagged when it has no `added in`: it would apply to every past service date", () => {
    const before = checkPolicySource(text, path).model;
    const forgotten = checkPolicySource(withCriterion(""), path).model;
    const dated = checkPolicySource(withCriterion("  added in 2023-07"), path).model;
    if (!before || !forgotten || !dated) throw new Error("the versions must check");
    const flagged = (after: typeof before) =>
      policyChanges(before, after).find((change) => change.id === "I.A.4")?.addedWithoutLifetime;
    expect(flagged(forgotten)).toBe(before.revisions[0]?.approved);
    expect(flagged(dated)).toBeUndefined();
  });

  it("says so in the review", async () => {
    const result = await reviewChange(
      { label: "before", path, text },
      { label: "after", path, text: withCriterion("") },
    );
    if (result.kind !== "review") throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
    expect(result.markdown).toContain("**Warning**: it has no `added in`, so it applies to every service date since");
  });
});
