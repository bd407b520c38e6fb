// The FHIR mapping fixture (test/fixtures/fhir-mapping/) as the CDS Hooks service holds a built
// policy: its evaluator emitted and imported in memory beside its own runtime, then read by the same
// servedPolicyOf that `policyc serve` reads dist/generated with. Service tests use it, never the live
// policies.

import { createEmitProject, emitEvaluator } from "../../compiler/emit/evaluator/emit-evaluator.js";
import { servedPolicyOf, type ServedPolicy } from "../../compiler/serve/served-policy.js";
import { SourceImporter, runtimeSources } from "./differential/import-source.js";
import { fixtureModel } from "./fixture-evaluator.js";

export const fhirFixturePath = "test/fixtures/fhir-mapping/fhir-mapping.policy";

export interface ServedFixture {
  readonly policy: ServedPolicy;
  /** The generated module's source text, for a test that builds a project of it. */
  readonly evaluatorSource: string;
  dispose(): void;
}

export async function servedFixture(): Promise<ServedFixture> {
  const model = fixtureModel(fhirFixturePath);
  const evaluatorSource = emitEvaluator(model, createEmitProject(), "policy/evaluator.ts");
  const importer = new SourceImporter(runtimeSources());
  try {
    const served = servedPolicyOf("fhir-mapping", await importer.import(evaluatorSource));
    if (typeof served === "string") throw new Error(served);
    return { policy: served, evaluatorSource, dispose: () => importer.dispose() };
  } catch (error) {
    importer.dispose();
    throw error;
  }
}
