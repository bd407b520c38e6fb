// The generated evaluator of a fixture policy, for tests that call it as an engineer would: the
// fixture is checked and lowered, its evaluator emitted, and the module imported beside its own copy
// of the runtime (the way the differential test imports evaluators, support/differential/). Compiler
// tests use these, never the evaluators of the live policies in generated/.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyModel } from "../../compiler/model/policy-model.js";
import type {
  ClaimCheck,
  ClaimCheckOptions,
  Decision,
  EvaluateOptions,
  ParsedFacts,
} from "../../compiler/runtime/index.js";
import { createEmitProject, emitEvaluator } from "../../compiler/emit/evaluator/emit-evaluator.js";
import { checkPolicySource } from "../../compiler/pipeline.js";
import { SourceImporter, runtimeSources, type RuntimeModule } from "./differential/import-source.js";
import { projectRoot } from "./evaluators.js";

/** What a generated module exports for engineers: its public API, and nothing of its tables. */
export interface FixtureEvaluator {
  evaluate(facts: unknown, options: EvaluateOptions): Decision;
  checkClaim(claim: unknown, options?: ClaimCheckOptions): ClaimCheck;
  parseFacts(input: unknown): ParsedFacts<unknown>;
  factsFromQuestionnaireResponse(response: unknown): ParsedFacts<unknown>;
  /** Per fact, by name: what the generated module states of it (fact-metadata.ts), seen loosely. */
  readonly factMetadata: { readonly [fact: string]: FactMetadataView };
}

/** Whether a fact's lifetime covers the revision `revision`, given the revisions of the log in order. */
export function readIn(entry: FactMetadataView, revision: string, log: readonly string[]): boolean {
  const at = log.indexOf(revision);
  return entry.lifetime.some(
    (range) => log.indexOf(range.from) <= at && (range.until === undefined || at < log.indexOf(range.until)),
  );
}

/** A fact's metadata as a test reads it. */
export interface FactMetadataView {
  readonly type: string;
  readonly group: string;
  readonly question: string;
  readonly description: string;
  readonly lifetime: readonly { readonly from: string; readonly until?: string }[];
  readonly readBy: readonly string[];
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly fields?: readonly { readonly name: string; readonly label: string; readonly type: string }[];
  readonly system?: string;
}

export interface ImportedFixture {
  /** The fixture's model, as the compiler lowered it: what a test may ask of the policy. */
  readonly model: PolicyModel;
  readonly evaluator: FixtureEvaluator;
  /** The runtime the evaluator was imported with: `runtime.PolicyInputError` is the class its errors have. */
  readonly runtime: RuntimeModule;
  /** Removes the temporary folder the module was written to. */
  dispose(): void;
}

/** The model of a policy file of the project (a fixture), failing loudly if it does not check clean. */
export function fixtureModel(path: string): PolicyModel {
  const result = checkPolicySource(readFileSync(join(projectRoot, path), "utf8"), path);
  if (result.model === undefined)
    throw new Error(`${path} does not check: ${result.diagnostics.map((d) => d.message).join("\n")}`);
  return result.model;
}

/** Emits and imports the evaluator of the fixture policy at `path` (relative to the project). */
export async function importFixtureEvaluator(path: string): Promise<ImportedFixture> {
  const model = fixtureModel(path);
  const importer = new SourceImporter(runtimeSources());
  try {
    const source = emitEvaluator(model, createEmitProject(), "policy/evaluator.ts");
    // NOTE: the module is the one emitted just above, so it exports what FixtureEvaluator names.
    const evaluator = (await importer.import(source)) as unknown as FixtureEvaluator;
    return { model, evaluator, runtime: await importer.runtimeModule(), dispose: () => importer.dispose() };
  } catch (error) {
    importer.dispose();
    throw error;
  }
}
