// The coverage report (compiler/cases/coverage.ts) reads statements' truths from the model's
// conditions (compiler/cases/condition-truth.ts), not from the evaluator, whose API it leaves alone.
// This holds the two to each other: on every case kept with a fixture policy, each rule's and
// exception's status computed from the model is the one the generated evaluator's trace gives.

import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources } from "../compiler/build/build.js";
import { versionOn } from "../compiler/model/versions.js";
import { caseScope, exceptionInForce, ruleApplies, truthOf, type Truth } from "../compiler/cases/condition-truth.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import type { RuleStatus } from "../compiler/runtime/index.js";
import type { ResolvedCase } from "../compiler/cases/check-cases.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { projectFiles } from "./support/fixture-files.js";

const caseFiles = projectFiles("test/fixtures", ".cases");
const folders = [...new Set(caseFiles.map((file) => dirname(file.path)))];

function status(value: Truth): RuleStatus {
  return value === 2 ? "met" : value === 0 ? "not_met" : "pending";
}

/** Every rule's and exception's status on the case, from the model alone, as the trace words it. */
function statusesFromModel(model: PolicyModel, resolved: ResolvedCase): Record<string, RuleStatus> {
  const scope = caseScope(model, resolved);
  const statuses: Record<string, RuleStatus> = {};
  for (const rule of model.rules) {
    const applies = ruleApplies(rule, scope);
    if (applies === 0) {
      statuses[rule.id] = "not_applicable";
      continue;
    }
    // The version in force on the case's date (applies would be 0 were there none).
    const holds = truthOf(versionOn(rule, model.revisions, resolved.asOf)?.condition ?? rule.condition, scope);
    const isCriterion = rule.role === "requirement" || rule.role === "part";
    statuses[rule.id] = status((isCriterion ? Math.max(2 - applies, holds) : Math.min(applies, holds)) as Truth);
  }
  for (const exception of model.exceptions)
    statuses[exception.id] = exceptionInForce(exception.inForce, scope)
      ? status(truthOf(exception.condition, scope))
      : "not_applicable";
  return statuses;
}

describe.each(folders)("the truths the coverage report reads, on the cases in %s", (folder) => {
  const policies = projectFiles(folder, ".policy").filter((file) => dirname(file.path) === folder);
  const checked = checkSources(
    policies,
    caseFiles.filter((file) => dirname(file.path) === folder),
    projectRoot,
  );
  const imported = new Map<string, ImportedFixture>();

  beforeAll(async () => {
    for (const model of checked.models.values())
      imported.set(model.reference, await importFixtureEvaluator(model.sourcePath));
  });
  afterAll(() => imported.forEach((fixture) => fixture.dispose()));

  it("are those of the evaluator's trace, for every rule and exception", () => {
    const seen = new Set<RuleStatus>();
    for (const resolved of checked.cases) {
      const fixture = imported.get(resolved.policy);
      if (fixture === undefined) throw new Error(`no fixture policy ${resolved.policy}`);
      const decision = fixture.evaluator.evaluate(resolved.facts, { asOf: resolved.asOf, trace: true });
      const traced = Object.fromEntries((decision.trace ?? []).map((entry) => [entry.id, entry.status]));
      const computed = statusesFromModel(fixture.model, resolved);
      expect(computed, `${resolved.file}:${resolved.line} ${resolved.title}`).toEqual(traced);
      Object.values(computed).forEach((value) => seen.add(value));
    }
    // The comparison saw statements both ways, so a truth computed wrong would have shown.
    expect(seen.has("met") && seen.has("not_met")).toBe(true);
  });
});
