// Finding and loading a built evaluator: `policyc eval` runs the generated code itself, as an
// engineer's program would, never a re-interpretation of the policy.

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CliError, exitCodes } from "./exit-codes.js";

export interface LoadedEvaluator {
  readonly reference: string;
  evaluate(facts: unknown, options: { asOf: string; trace?: boolean }): unknown;
  checkClaim(claim: unknown, options: { asOf?: string }): unknown;
}

type EvaluatorModule = Omit<LoadedEvaluator, "reference"> & { policy: { reference: string } };

function isEvaluatorModule(value: unknown): value is EvaluatorModule {
  if (typeof value !== "object" || value === null) return false;
  const module = value as Record<string, unknown>;
  const policy = module["policy"] as Record<string, unknown> | undefined;
  return typeof module["evaluate"] === "function" && typeof module["checkClaim"] === "function" && typeof policy?.["reference"] === "string";
}

async function load(file: string): Promise<LoadedEvaluator | undefined> {
  const module: unknown = await import(pathToFileURL(file).href);
  if (!isEvaluatorModule(module)) return undefined;
  return { reference: module.policy.reference, evaluate: module.evaluate, checkClaim: module.checkClaim };
}

/** `policy` is a reference number (ABC.CP.1), a folder name (abc-cp-1) or a policy file path. */
export async function loadEvaluator(root: string, policy: string): Promise<LoadedEvaluator> {
  const built = join(root, "dist", "generated");
  const folders = existsSync(built) ? readdirSync(built).filter((name) => existsSync(join(built, name, "evaluator.js"))) : [];
  if (folders.length === 0) throw new CliError("No evaluator is built yet: run `npm run build` first.", exitCodes.notBuilt);
  const slug = policy.split("/").at(-1)?.replace(/\.policy$/, "") ?? policy;
  if (folders.includes(slug)) {
    const loaded = await load(join(built, slug, "evaluator.js"));
    if (loaded) return loaded;
  }
  for (const folder of folders) {
    const loaded = await load(join(built, folder, "evaluator.js"));
    if (loaded?.reference === policy) return loaded;
  }
  throw new CliError(`No built evaluator for "${policy}". Built: ${folders.join(", ")}.`, exitCodes.usage);
}
