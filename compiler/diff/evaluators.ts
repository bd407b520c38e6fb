// The two versions' evaluators, made by the compiler itself: each model goes through the evaluator
// emitter, the TypeScript is transpiled (transpileModule) into a temporary folder beside a transpiled
// copy of the runtime, and the modules are imported. The tests of the diff hold the symbolic delta to
// what these evaluators decide.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";
import type { PolicyModel } from "../model/policy-model.js";
import { createEmitProject, emitEvaluator } from "../emit/evaluator/emit-evaluator.js";
import { runtimeSources } from "../build/project-files.js";

/** What the comparison needs of a decision. */
export interface DecisionLike {
  readonly outcome: "covered" | "not_covered" | "pending";
  readonly reasons: readonly { readonly id: string; readonly overriddenBy?: string }[];
  readonly missingFacts: readonly { readonly fact: string }[];
  readonly exceptionsApplied: readonly string[];
}

/** What the claim delta compares of a claim check: the verdict and each finding. */
export interface ClaimCheckLike {
  readonly verdict: string;
  readonly violations: readonly ClaimFindingLike[];
  readonly pending: readonly ClaimFindingLike[];
}

export interface ClaimFindingLike {
  readonly rule: string;
  readonly lines: readonly number[];
  readonly detail?: string;
  readonly missingFacts?: readonly string[];
}

export interface LoadedEvaluator {
  evaluate(facts: unknown, options: { asOf: string }): DecisionLike;
  checkClaim(claim: unknown, options?: unknown): ClaimCheckLike;
}

function transpile(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ES2022,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
      isolatedModules: true,
    },
  }).outputText;
}

/** Imports the generated evaluators of `models`, in order; `dispose` removes the temporary folder. */
export async function importEvaluators(
  models: readonly PolicyModel[],
): Promise<{ evaluators: LoadedEvaluator[]; dispose: () => void }> {
  const folder = mkdtempSync(join(tmpdir(), "policyc-diff-"));
  try {
    writeFileSync(join(folder, "package.json"), '{ "type": "module" }\n');
    mkdirSync(join(folder, "runtime"));
    for (const file of runtimeSources()) {
      const name = file.path.split("/").at(-1)?.replace(/\.ts$/, ".js") ?? "index.js";
      writeFileSync(join(folder, "runtime", name), transpile(file.text));
    }
    const evaluators: LoadedEvaluator[] = [];
    for (const [index, model] of models.entries()) {
      const version = join(folder, `version-${index}`);
      mkdirSync(version);
      const source = emitEvaluator(model, createEmitProject(), `version-${index}/evaluator.ts`);
      writeFileSync(join(version, "evaluator.js"), transpile(source));
      evaluators.push((await import(pathToFileURL(join(version, "evaluator.js")).href)) as LoadedEvaluator);
    }
    return { evaluators, dispose: () => rmSync(folder, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
