// Loads the generated evaluator of a policy by its reference number, straight from generated/:
// the tests exercise the product itself, not a re-interpretation of the policy.

import { join } from "node:path";
import { builtPolicies } from "../../compiler/build/generated-index.js";
import type { Decision, EvaluateOptions } from "../../generated/runtime/index.js";

export interface Evaluator {
  evaluate(facts: unknown, options: EvaluateOptions): Decision;
}

export const projectRoot = join(import.meta.dirname, "..", "..");

export async function loadGeneratedEvaluator(reference: string): Promise<Evaluator> {
  const folder = builtPolicies(projectRoot).find((built) => built.reference === reference)?.slug;
  if (!folder) throw new Error(`no generated evaluator for ${reference}`);
  return (await import(join(projectRoot, "generated", folder, "evaluator.ts"))) as Evaluator;
}
