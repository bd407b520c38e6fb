// `policyc diff`: the review summary of a change to a policy, with the exact decision delta computed
// symbolically on the two versions' models (test/diff-symbolic.test.ts holds it to the enumeration). A real policy's history: the home-infusion fixture (a
// frozen copy of WNC.CP.224) as it stood before the 05/2024 revision against the fixture itself; the
// expected summary is kept beside the earlier version for a reviewer to read (`npm run accept`
// rewrites it).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { reviewChange, type ReviewResult } from "../compiler/diff/review.js";
import { factSpace, periods } from "../compiler/diff/fact-space.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { projectRoot } from "./support/evaluators.js";
import { expectGolden } from "./support/golden.js";
import { runCli } from "./support/cli.js";
import { homeInfusion } from "./support/home-infusion.js";

const beforePath = "test/fixtures/revisions/home-infusion-before-2024-05.policy";
const afterPath = homeInfusion.policy;
const read = (path: string) => ({ label: path, path, text: readFileSync(join(projectRoot, path), "utf8") });

let review: Extract<ReviewResult, { kind: "review" }>;

beforeAll(async () => {
  const result = await reviewChange(read(beforePath), read(afterPath));
  if (result.kind !== "review") throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  review = result;
}, 120_000);

describe("the 05/2024 revision of the home-infusion fixture", () => {
  it("gives the review summary kept beside the fixture", () => {
    expectGolden(join(projectRoot, "test/fixtures/revisions/home-infusion-before-2024-05.summary.md"), review.markdown);
  });

  it("changes decisions only where the home environment is not conducive (I.A.5)", () => {
    const { delta } = review;
    expect(delta.changed).toBeGreaterThan(0n);
    expect(delta.approximate).toEqual([]);
    const changed = delta.cells.filter((cell) => cell.before !== cell.after);
    for (const cell of changed) {
      expect([cell.before, cell.after]).toEqual(["covered", "not_covered"]);
      expect(cell.period.from >= "2024-05-01").toBe(true);
    }
    expect(delta.periods.filter((period) => period.changed > 0n).map((period) => period.period.from)).toEqual([
      "2024-05-01",
      "2025-05-01",
    ]);
    expect(delta.changed).toBe(changed.reduce((sum, cell) => sum + cell.cases, 0n));
    // I.A.5 denies every case that changes, and nothing else does.
    expect(
      delta.criteria.map((criterion) => [criterion.id, criterion.period.from, criterion.coveredThenDenied]),
    ).toEqual(changed.map((cell) => ["I.A.5", cell.period.from, cell.cases]));
  });

  it("gives minimal examples that name only the facts that matter", () => {
    expect(review.examples.length).toBeGreaterThan(0);
    const facts = checkPolicySource(read(afterPath).text, afterPath).model?.facts.length ?? 0;
    for (const example of review.examples) {
      expect(example.facts.length).toBeLessThan(facts);
      expect(example.after.because).toEqual(["I.A.5"]);
      const home = example.facts.find((fact) => fact.name === "home.features");
      expect(home?.value.label, "a home missing something I.A.5 lists").toMatch(/^lacks /);
    }
  });

  it("attributes the added criterion to the revision whose lifetime adds it", () => {
    expect(review.markdown).toContain("**criterion I.A.5**: added (revision 2024-05, by its lifetime)");
  });

  it("is printed by the CLI, also from git revisions", () => {
    // Run in the repository itself: the versions are fixture files, and git finds the committed one.
    const run = runCli(["diff", beforePath, afterPath], projectRoot);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(review.markdown);
    const fromGit = runCli(["diff", `HEAD:${afterPath}`, afterPath], projectRoot);
    expect(fromGit.status, fromGit.stderr).toBe(0);
    expect(fromGit.stdout.startsWith(`# Review: ${homeInfusion.reference} `)).toBe(true);
    const missing = runCli(["diff", "no-such-revision:policy/x.policy", afterPath], projectRoot);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read policy/x.policy at no-such-revision");
  });
});

describe("progress", () => {
  it("goes to stderr with --progress, one line a period, and never changes the review", () => {
    const quiet = runCli(["diff", beforePath, afterPath], projectRoot);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe("");
    const told = runCli(["diff", "--progress", beforePath, afterPath], projectRoot);
    expect(told.status, told.stderr).toBe(0);
    expect(told.stdout).toBe(quiet.stdout);
    const lines = told.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(
      /^policyc diff: period 1 of 7 \(service dates from 2021-05-01: [\d]+ diagram nodes\), \d+ ms$/,
    );
  });
});

describe("a changed threshold", () => {
  const cgm = "test/fixtures/continuous-glucose-monitors/cgm.policy";
  const before = read(cgm);
  const after = {
    ...before,
    label: "raised",
    text: before.text.replace("met when patient.age >= 18", "met when patient.age >= 21"),
  };

  it("splits the number at both thresholds and finds exactly the ages in between", async () => {
    const result = await reviewChange(before, after);
    if (result.kind !== "review") throw new Error("the fixture has errors");
    expect(result.markdown).toContain("logic changed");
    expect(result.delta.changed).toBeGreaterThan(0n);
    expect(result.examples.length).toBeGreaterThan(0);
    for (const example of result.examples) {
      const age = example.facts.find((fact) => fact.name === "patient.age")?.value;
      expect(age?.covers).toBe("18 to 20");
    }
    const oldModel = checkPolicySource(before.text, cgm).model;
    const newModel = checkPolicySource(after.text, cgm).model;
    if (!oldModel || !newModel) throw new Error("the fixture has errors");
    const ages = factSpace(oldModel, newModel, { from: "2024-01-01" }).axes.find((axis) => axis.name === "patient.age");
    expect(ages?.classes.map((c) => c.covers ?? c.label)).toEqual(["0 to 1", "2 to 17", "18 to 20", "21 to 120"]);
  });

  it("splits service dates at the dates a condition compares the service date with", async () => {
    const dated = {
      ...before,
      label: "dated",
      text: before.text.replace(
        "met when patient.age >= 18",
        "met when patient.age >= 18 and service date >= 2022-06-01",
      ),
    };
    const oldModel = checkPolicySource(before.text, cgm).model;
    const newModel = checkPolicySource(dated.text, cgm).model;
    if (!oldModel || !newModel) throw new Error("the fixture has errors");
    expect(periods(oldModel, newModel).map((period) => period.from)).toEqual([
      "2022-01-01",
      "2022-06-01",
      "2023-07-15",
    ]);
    const result = await reviewChange(before, dated);
    if (result.kind !== "review") throw new Error("the fixture has errors");
    expect(result.delta.periods.map((period) => period.changed > 0n)).toEqual([true, false, false]);
  });

  it("finds no change at all between a policy and itself", async () => {
    const result = await reviewChange(before, before);
    if (result.kind !== "review") throw new Error("the fixture has errors");
    expect(result.delta.changed).toBe(0n);
    expect(result.markdown).toContain("**0 of ");
  });
});
