// The case files kept with fixture policies (test/fixtures/**/*.cases) against the evaluators the
// compiler makes of those fixtures: they show that a fixture still means what the tests built on it
// take it to mean (the home-infusion fixture's cases are those of the policy it was copied from).

import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources } from "../compiler/build/build.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { projectFiles } from "./support/fixture-files.js";
import { runCase } from "./support/run-case.js";

const caseFiles = projectFiles("test/fixtures", ".cases");
const folders = [...new Set(caseFiles.map((file) => dirname(file.path)))];

describe.each(folders)("the cases in %s", (folder) => {
  // The policies of the folder the cases sit in, checked together with them.
  const policies = projectFiles(folder, ".policy").filter((file) => dirname(file.path) === folder);
  const cases = caseFiles.filter((file) => dirname(file.path) === folder);
  const checked = checkSources(policies, cases, projectRoot);
  const imported = new Map<string, ImportedFixture>();

  beforeAll(async () => {
    for (const model of checked.models.values())
      imported.set(model.reference, await importFixtureEvaluator(model.sourcePath));
  });
  afterAll(() => imported.forEach((fixture) => fixture.dispose()));

  function evaluatorOf(reference: string) {
    const fixture = imported.get(reference);
    if (fixture === undefined) throw new Error(`no fixture policy ${reference} in ${folder}`);
    return fixture.evaluator;
  }

  it("check without an error, and hold cases", () => {
    expect(checked.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.span.line}`)).toEqual(
      [],
    );
    expect(checked.cases.length + checked.claimCases.length).toBeGreaterThan(0);
  });

  it("pass against the fixture's evaluator", () => {
    for (const resolved of checked.cases) {
      const { actual, expected } = runCase(evaluatorOf(resolved.policy), resolved);
      expect(actual, `${resolved.file}:${resolved.line} ${resolved.title}`).toEqual(expected);
    }
  });

  it("pass against the fixture's claim checker", () => {
    for (const resolved of checked.claimCases) {
      const check = evaluatorOf(resolved.policy).checkClaim(resolved.claim, resolved.options);
      expect(
        { violations: check.violations.map((v) => v.rule).sort(), pending: check.pending.map((u) => u.rule).sort() },
        `${resolved.file}:${resolved.line} ${resolved.title}`,
      ).toEqual({ violations: [...resolved.expectViolations].sort(), pending: [...resolved.expectPending].sort() });
      const verdict =
        resolved.expectViolations.length > 0 ? "violations" : resolved.expectPending.length > 0 ? "pending" : "clean";
      expect(check.verdict).toBe(verdict);
    }
  });
});
