// Loads the generated evaluator of a policy by its reference number, straight from generated/:
// the tests exercise the product itself, not a re-interpretation of the policy.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Decision, EvaluateOptions } from "../../generated/runtime/index.js";

export interface Evaluator {
  evaluate(facts: unknown, options: EvaluateOptions): Decision;
}

export const projectRoot = join(import.meta.dirname, "..", "..");

/** Folder under generated/ of each built policy, by reference number (read from the module header). */
function generatedFolders(): Map<string, string> {
  const folders = new Map<string, string>();
  for (const entry of readdirSync(join(projectRoot, "generated"), { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === "runtime") continue;
    const header = readFileSync(join(projectRoot, "generated", entry.name, "evaluator.ts"), "utf8").split("\n", 2)[1] ?? "";
    const reference = /^\/\/ (\S+) /.exec(header)?.[1];
    if (reference) folders.set(reference, entry.name);
  }
  return folders;
}

export async function loadGeneratedEvaluator(reference: string): Promise<Evaluator> {
  const folder = generatedFolders().get(reference);
  if (!folder) throw new Error(`no generated evaluator for ${reference}`);
  return (await import(join(projectRoot, "generated", folder, "evaluator.ts"))) as Evaluator;
}
