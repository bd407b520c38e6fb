// The evaluator of a policy model, emitted and imported without writing a file: what `policyc test`
// runs the cases against. Input: a PolicyModel; output: the module's evaluate and checkClaim. The
// code is the one `build` would write to generated/ (before prettier lays it out), so the cases test
// the product, not a re-interpretation of the policy.

import { ts } from "ts-morph";
import { createEmitProject, emitEvaluator } from "../emit/evaluator/emit-evaluator.js";
import type { PolicyModel } from "../model/policy-model.js";
import { policySlug } from "../build/project-files.js";
import type { CaseEvaluator } from "../cases/run-cases.js";

// NOTE: the generated module imports `../runtime/*.js`; here it imports the compiler's own copy of the
// runtime, compiled beside this file (dist/compiler/runtime/), which `build` copies into generated/.
const runtimeFolder = new URL("../runtime/", import.meta.url);

function isEvaluator(value: unknown): value is CaseEvaluator {
  if (typeof value !== "object" || value === null) return false;
  const module = value as Record<string, unknown>;
  return typeof module["evaluate"] === "function" && typeof module["checkClaim"] === "function";
}

/** Emits the evaluator of `model` and imports it from memory (a data: URL). */
export async function importEvaluator(model: PolicyModel): Promise<CaseEvaluator> {
  const source = emitEvaluator(model, createEmitProject(), `generated/${policySlug(model.sourcePath)}/evaluator.ts`);
  const javascript = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const linked = javascript.replace(
    /from "\.\.\/runtime\/([a-z-]+\.js)"/g,
    (_, file: string) => `from ${JSON.stringify(new URL(file, runtimeFolder).href)}`,
  );
  if (/from "\.{1,2}\//.test(linked)) throw new Error("policyc: the evaluator imports a file other than the runtime");
  const module: unknown = await import(`data:text/javascript;base64,${Buffer.from(linked).toString("base64")}`);
  if (!isEvaluator(module)) throw new Error(`policyc: the evaluator of ${model.reference} exports no evaluate`);
  return module;
}
