// Issue 10's acceptance: a realistic annual review (criterion I.A.6 added from 2026-05, I.A.2 reworded
// to "...within the past 30 days", exclusion II.D removed from 2026-05 on), made to a project built
// from the home-infusion fixture by editing only its policy/ files. It must check, build, pass its
// cases and traceability with no invented numbers; decide every earlier service date exactly as
// before; and change the generated evaluator only where it is about I.A.2, I.A.6, II.D and the log.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { reviewChange } from "../compiler/diff/review.js";
import { applyAnnualReview } from "./support/annual-review.js";
import { runCli, scratchProject } from "./support/cli.js";
import { lineDiff } from "./support/line-diff.js";

let root: string;
let evaluatorBefore: string;
let policyBefore: string;
const evaluatorPath = () => join(root, "generated", "home-infusion", "evaluator.ts");
const policyPath = () => join(root, "policy", "home-infusion.policy");

beforeAll(async () => {
  root = await scratchProject("annual-review");
  evaluatorBefore = readFileSync(evaluatorPath(), "utf8");
  policyBefore = readFileSync(policyPath(), "utf8");
  applyAnnualReview(root);
}, 180_000);

describe("the annual review of 2026-05, made by editing only policy/", () => {
  it("checks with no error and no warning, builds, passes its cases and traceability", () => {
    const check = runCli(["check"], root);
    expect(check.stderr).toContain("0 errors, 0 warnings.");
    expect(check.status).toBe(0);
    expect(runCli(["build"], root).status).toBe(0);
    const test = runCli(["test"], root);
    expect(test.stdout).toMatch(/^ok: \d+ passed, 0 failed\.$/m);
    expect(test.status).toBe(0);
    const trace = runCli(["traceability"], root);
    expect(trace.status, trace.stdout + trace.stderr).toBe(0);
  }, 180_000);

  it("decides every service date before 2026-05-01 exactly as before, and shows the rewording as one of I.A.2", async () => {
    const review = await reviewChange(
      { label: "before", path: "policy/home-infusion.policy", text: policyBefore },
      { label: "after", path: "policy/home-infusion.policy", text: readFileSync(policyPath(), "utf8") },
    );
    if (review.kind !== "review") throw new Error(review.diagnostics.map((d) => d.message).join("\n"));
    const before = review.delta.periods.filter((period) => period.period.from < "2026-05-01");
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((period) => period.changed)).toEqual(before.map(() => 0n));
    const after = review.delta.periods.filter((period) => period.period.from >= "2026-05-01");
    expect(after.map((period) => period.changed > 0n)).toEqual([true]);
    expect(review.markdown).toContain("**criterion I.A.2**: reworded in 2026-05, the same number with a new version");
    expect(review.markdown).not.toMatch(/I\.A\.2-/);
  }, 180_000);

  it("changes only lines of the generated evaluator about I.A.2, I.A.6, II.D, their facts and the log", () => {
    runCli(["build"], root);
    const { added, removed } = lineDiff(evaluatorBefore, readFileSync(evaluatorPath(), "utf8"));
    const changed = [...added, ...removed].map((line) => line.trim()).filter((line) => line !== "");
    // Every statement id a changed line names is one the review changed (I.A.2's own id line stays).
    const ids = changed.flatMap((line) => [...line.matchAll(/"((?:I|II|NC)\.[A-Za-z0-9.-]+)"/g)].map((m) => m[1]));
    expect(new Set(ids)).toEqual(new Set(["I.A.6"]));
    // The words that changed are I.A.2's (now, and kept as its earlier version) and I.A.6's.
    const texts = added.filter((line) => line.trim().startsWith("text:")).map((line) => line.trim());
    expect(texts).toEqual([
      'text: "The Member\'s clinical status is stable as documented by the attending physician within the past 30 days.",',
      'text: "The Member\'s clinical status is stable as determined by the attending physician.",',
      'text: "The Member or caregiver has a working telephone number on file with the provider.",',
    ]);
    // Lifetimes ended by the revision: I.A.2's earlier version and II.D, named by the revision's date constant.
    expect(added.filter((line) => line.includes("until: REVISION_2026_05")).length).toBe(2);
    // The identity follows the policy: the meaning's hash changes, and the published text's hash moves
    // to the new revision (the line is the same text, at another place).
    expect(changed.filter((line) => line.startsWith("modelHash:"))).toHaveLength(2);
    expect(changed.filter((line) => line.startsWith("publishedTextHash:")).length).toBeGreaterThan(0);
    // And the change is small: two new facts, three statements, the revision and those hashes; each new
    // fact's line in its group's reader (issue 12), and the question that asks the new date with the
    // yes-or-no that says it exists (questionGroups).
    expect(changed.length).toBeLessThanOrEqual(101);
  }, 180_000);
});
