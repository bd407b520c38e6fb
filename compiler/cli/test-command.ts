// `policyc test [policy] [--coverage] [--watch]`: checks the project, compiles each policy's evaluator
// in memory (generated/ is not written), runs its cases and claim cases, and says each failure in
// plain words. stdout holds only what the cases decide, so two runs print the same; the time goes to
// stderr.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkProject, type CheckedProject } from "../build/build.js";
import { policySlug } from "../build/project-files.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import type { PolicyModel } from "../model/policy-model.js";
import { runCases, runClaimCases } from "../cases/run-cases.js";
import { describeCaseFailure, describeClaimFailure } from "../cases/describe-failure.js";
import { coverage } from "../cases/coverage.js";
import { coverageReport } from "../cases/coverage-report.js";
import { compareText } from "../diagnostics/compare-text.js";
import { displayPath } from "../files/names.js";
import { importEvaluator } from "./in-memory-evaluator.js";
import { reportDiagnostics } from "./report.js";
import { noPolicyFound } from "./build-command.js";
import { CliError, exitCodes } from "./exit-codes.js";
import { watchPolicies } from "./watch-policies.js";

export interface TestOptions {
  readonly coverage: boolean;
  readonly watch: boolean;
}

export interface TestOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: TestOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function plural(number: number, word: string): string {
  return `${number} ${word}${number === 1 ? "" : "s"}`;
}

/** The policies `policy` names (a reference number, a generated folder name, a policy file), or every one. */
function selectModels(project: CheckedProject, policy: string | undefined): PolicyModel[] {
  const models = [...project.models.values()].sort((a, b) => compareText(a.reference, b.reference));
  if (policy === undefined) return models;
  const path = policy.replace(/^\.\//, "").split("\\").join("/");
  const found = models.filter(
    (model) => model.reference === policy || policySlug(model.sourcePath) === policy || model.sourcePath === path,
  );
  if (found.length === 0)
    throw new CliError(
      `No policy ${displayPath(policy)}. Policies: ${models.map((m) => `${m.reference} (${m.sourcePath})`).join(", ")}.`,
      exitCodes.usage,
    );
  return found;
}

function wordsOf(model: PolicyModel): (id: string) => string | undefined {
  const words = new Map<string, string>([
    ...model.rules.map((rule): [string, string] => [rule.id, rule.text]),
    ...model.exceptions.map((exception): [string, string] => [exception.id, exception.title]),
  ]);
  return (id) => words.get(id);
}

/** One run over the project at `root`: the exit code, with everything said on `output`. */
export async function runTests(
  root: string,
  policy: string | undefined,
  options: { readonly coverage: boolean },
  output: TestOutput = processOutput,
): Promise<number> {
  const started = performance.now();
  const project = checkProject(root);
  if (project.diagnostics.length > 0) output.err(`${reportDiagnostics(project.diagnostics, project.sources)}\n`);
  if (hasErrors(project.diagnostics)) return exitCodes.problems;
  if (project.policyFiles === 0) throw new CliError(noPolicyFound, exitCodes.problems);
  let passed = 0;
  let failed = 0;
  for (const model of selectModels(project, policy)) {
    const cases = project.cases.filter((resolved) => resolved.policy === model.reference);
    const claimCases = project.claimCases.filter((resolved) => resolved.policy === model.reference);
    const evaluator = await importEvaluator(model);
    const words = wordsOf(model);
    const failures = [
      ...runCases(evaluator, cases).map((result) => describeCaseFailure(result, words)),
      ...runClaimCases(evaluator, claimCases).map(describeClaimFailure),
    ].filter((lines) => lines.length > 0);
    for (const lines of failures) output.out(`${lines.join("\n")}\n`);
    const total = cases.length + claimCases.length;
    passed += total - failures.length;
    failed += failures.length;
    output.out(
      `${model.reference}: ${plural(cases.length, "case")} and ${plural(claimCases.length, "claim case")}, ` +
        `${total - failures.length} passed, ${failures.length} failed.\n`,
    );
    if (options.coverage) output.out(`\n${coverageReport(model.reference, cases.length, coverage(model, cases))}\n`);
  }
  output.out(`${failed === 0 ? "ok" : "FAILED"}: ${passed} passed, ${failed} failed.\n`);
  output.err(`policyc test: ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  return failed === 0 ? exitCodes.ok : exitCodes.problems;
}

export async function testCommand(root: string, policy: string | undefined, options: TestOptions): Promise<number> {
  if (!options.watch) return runTests(root, policy, options);
  if (!existsSync(join(root, "policy"))) throw new CliError(noPolicyFound, exitCodes.problems);
  const once = async () => {
    try {
      await runTests(root, policy, options);
    } catch (error) {
      // A command-line mistake (a policy named that no longer exists) is said, and the watch goes on.
      if (!(error instanceof CliError)) throw error;
      process.stderr.write(`policyc: ${error.message}\n`);
    }
    process.stdout.write("Watching policy/ for changes (Ctrl-C to stop).\n");
  };
  return watchPolicies(root, once);
}
