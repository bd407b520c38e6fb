// Finding and loading a built evaluator: `policyc eval` runs the generated code itself, as an
// engineer's program would, never a re-interpretation of the policy. Only the evaluator asked for is
// imported: the policy is found by its folder name, or by the reference number in the headers of the
// generated sources (build/generated-index.ts), never by importing every module to ask it.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { builtPolicies } from "../build/generated-index.js";
import { displayPath, isSafeName } from "../files/names.js";
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
  return (
    typeof module["evaluate"] === "function" &&
    typeof module["checkClaim"] === "function" &&
    typeof policy?.["reference"] === "string"
  );
}

/** `policy` is a reference number (ABC.CP.1), a folder name (abc-cp-1) or a policy file path. */
export async function loadEvaluator(root: string, policy: string): Promise<LoadedEvaluator> {
  const built = join(root, "dist", "generated");
  const policies = builtPolicies(root).filter((candidate) => existsSync(join(built, candidate.slug, "evaluator.js")));
  if (policies.length === 0)
    throw new CliError("No evaluator is built yet: run `npm run build` first.", exitCodes.notBuilt);
  const slug =
    policy
      .split("/")
      .at(-1)
      ?.replace(/\.policy$/, "") ?? policy;
  const found = policies.find(
    (candidate) => (isSafeName(slug) && candidate.slug === slug) || candidate.reference === policy,
  );
  if (!found)
    throw new CliError(
      `No built evaluator for ${displayPath(policy)}. Built: ${policies.map((p) => `${p.reference} (${p.slug})`).join(", ")}.`,
      exitCodes.usage,
    );
  const module: unknown = await import(pathToFileURL(join(built, found.slug, "evaluator.js")).href);
  if (!isEvaluatorModule(module) || module.policy.reference !== found.reference) {
    throw new CliError(
      `dist/generated/${found.slug}/evaluator.js is not the evaluator of ${found.reference}: run \`npm run build\`.`,
      exitCodes.notBuilt,
    );
  }
  return { reference: module.policy.reference, evaluate: module.evaluate, checkClaim: module.checkClaim };
}
